"""The report as a person sees it: headless Chromium opens the report of the examples (plus an
essay full of markup) from disk, with nothing fetched, no console errors and no injected code
run; hovering and clicking statements works with the real mouse.

Set ARGMAP_SCREENSHOTS=DIR to keep the screenshots (docs/img/report-*.png come from here).
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium_cdp import Chromium, chromium_path
from report_essays import write_essays

from argmap.cli import main
from argmap.model import ArgumentMap
from argmap.reports.html import PAGES_FROM

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.skipif(chromium_path() is None,
                       reason="chromium is not installed (make test / .ci/run install it with apt-get as root)"),
    pytest.mark.skipif(shutil.which("dot") is None,
                       reason="Graphviz 'dot' is not installed (make test installs it with apt-get as root)"),
]
pytest.importorskip("websocket", reason="websocket-client (in the 'test' extra) is not installed")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ArgumentMap]:
    """The report of examples/*.txt and the test essays, made by the CLI as a user would."""
    folder = tmp_path_factory.mktemp("report")
    essays = [str(p) for p in write_essays(folder)]
    # as many examples as keep the report one page (above PAGES_FROM documents it has a page each)
    examples = sorted(str(p) for p in (ROOT / "examples").glob("*.txt"))[: PAGES_FROM - len(essays)]
    inputs = examples + essays
    assert main(["report", *inputs, "-o", str(folder / "out")]) == 0
    return folder / "out" / "index.html", ArgumentMap.load(str(folder / "out" / "map.json"))


@pytest.fixture(scope="module")
def browser(report: tuple[Path, ArgumentMap]) -> Iterator[Chromium]:
    with Chromium(width=1400, height=1000) as chromium:
        chromium.send("Network.enable")
        chromium.open(report[0].as_uri())
        yield chromium


def centre(browser: Chromium, selector: str) -> tuple[float, float]:
    """Scroll the element into the middle of the screen; its centre in viewport coordinates."""
    x, y = browser.eval(f"""(() => {{ const el = document.querySelector({selector!r});
        el.scrollIntoView({{block: "center"}}); const r = el.getClientRects()[0];  /* its first line */
        return [r.left + Math.min(r.width, 40) / 2, r.top + Math.min(r.height, 20) / 2]; }})()""")
    time.sleep(0.2)  # let the scroll event pass before the mouse moves
    return x, y


def in_view(browser: Chromium, element_id: str) -> bool:
    return bool(browser.eval(f"""(() => {{ const r = document.getElementById({element_id!r}).getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight; }})()"""))


def screenshot(browser: Chromium, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("ARGMAP_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"report-{name}.png"
    browser.screenshot(path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 20_000  # a picture, not a blank
    return path


def test_the_page_loads_from_disk_without_errors_or_network(browser: Chromium) -> None:
    assert browser.eval("document.documentElement.dataset.ready") == "1"  # the script ran (CSP allowed it)
    assert browser.console_errors() == []
    requested = [e["params"]["request"]["url"] for e in browser.events if e.get("method") == "Network.requestWillBeSent"]
    assert requested and all(u.startswith("file:") for u in requested)


def test_statements_diagrams_and_findings_are_on_the_page(browser: Chromium, report: tuple[Path, ArgumentMap]) -> None:
    _, amap = report
    spanned = [n for n in amap.nodes if n.span is not None and n.span[0] < n.span[1]]
    assert browser.eval("document.querySelectorAll('mark.st[id]').length") == len(spanned) > 0
    assert browser.eval("document.querySelectorAll('.diagram svg').length") == len(amap.topics)
    # Every statement drawn in a diagram is found there by the page's script.
    assert browser.eval("document.querySelectorAll('.diagram g.dnode').length") >= len(amap.nodes)
    from argmap.checks import run_checks

    assert browser.eval("document.querySelectorAll('#findings li.finding').length") == len(run_checks(amap))
    assert browser.eval("document.querySelectorAll('table.procon').length") == len(
        {n.topic for n in amap.nodes})


def test_markup_in_essays_shows_as_text_and_runs_nothing(browser: Chromium) -> None:
    assert browser.eval("typeof window.__pwned") == "undefined"
    text = browser.eval("document.body.innerText")
    assert "<script>window.__pwned = 1</script>" in text and '"onload=window.__pwned=3 x="' in text
    assert browser.eval("document.querySelectorAll('main img, main script, textarea').length") == 0


def test_hover_shows_the_card_and_clicks_jump_to_the_diagram_and_back(browser: Chromium, tmp_path: Path) -> None:
    browser.screenshot(tmp_path / "top.png")
    first_critique = "mark.st.k-critique[id]"
    k = browser.eval(f"document.querySelector({first_critique!r}).dataset.i")
    statement = browser.eval(f"JSON.parse(document.getElementById('argmap-data').textContent).statements[{k}]")
    x, y = centre(browser, first_critique)
    browser.mouse("mouseMoved", x, y)
    assert browser.eval("document.querySelector('.tip').hidden") is False
    card = browser.eval("document.querySelector('.tip').innerText")
    assert statement["kind"] in card.lower() and "Topic:" in card and "Attacks:" in card
    if statement["actor"]:
        assert statement["actor"] in card
    screenshot(browser, "hover", tmp_path)

    browser.click_at(x, y)
    time.sleep(1.0)  # smooth scrolling
    assert statement["g"] and in_view(browser, statement["g"])
    assert browser.eval(f"document.getElementById({statement['g']!r}).classList.contains('flash')")
    assert browser.eval("document.getElementById('back').hidden") is False
    screenshot(browser, "diagram", tmp_path)

    bx, by = browser.eval("(() => { const r = document.getElementById('back').getBoundingClientRect();"
                          " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
    browser.click_at(bx, by)
    time.sleep(1.0)
    assert in_view(browser, f"s{k}") and browser.eval("document.getElementById('back').hidden") is True

    # And from the diagram back to the text, with a click on the drawn statement.
    gx, gy = centre(browser, f"[id={statement['g']!r}]")
    browser.click_at(gx, gy)
    time.sleep(1.0)
    assert in_view(browser, f"s{k}")
    assert browser.console_errors() == []


def test_a_report_split_into_pages_works_page_by_page(tmp_path: Path) -> None:
    """The index and a document's page of a report split into pages: each loads from disk
    under its policy with no errors or network, and the document's page works on its own."""
    from argmap.reports import make_report

    amap = ArgumentMap.load(str(_example_map(tmp_path)))
    index = make_report(amap, tmp_path / "pages", per_document=True)
    page = next(p for p in sorted(index.parent.glob("doc-*.html")) if "<svg" in p.read_text(encoding="utf-8"))
    with Chromium(width=1400, height=1000) as chromium:
        chromium.send("Network.enable")
        for url in (index.as_uri(), page.as_uri()):
            chromium.open(url)  # (forgets the events of the page before)
            assert chromium.eval("document.documentElement.dataset.ready") == "1"
            assert chromium.console_errors() == []
            requested = [e["params"]["request"]["url"] for e in chromium.events
                         if e.get("method") == "Network.requestWillBeSent"]
            assert requested and all(u.startswith("file:") for u in requested)
        assert chromium.eval("document.querySelectorAll('.diagram svg').length") >= 1
        assert chromium.eval("document.querySelectorAll('.diagram g.dnode').length") >= 1
        x, y = centre(chromium, "mark.st[id]")
        chromium.mouse("mouseMoved", x, y)
        assert chromium.eval("document.querySelector('.tip').hidden") is False
        assert "Topic:" in chromium.eval("document.querySelector('.tip').innerText")
        assert chromium.console_errors() == []


def _example_map(tmp_path: Path) -> Path:
    inputs = sorted(str(p) for p in (ROOT / "examples").glob("*.txt"))
    assert main(["extract", *inputs, "-o", str(tmp_path / "map.json")]) == 0
    return tmp_path / "map.json"
