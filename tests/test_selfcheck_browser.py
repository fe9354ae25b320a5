"""The self-check page as a student uses it: headless Chromium opens it from disk, the student
ticks answers, presses Check with the mouse and reads the feedback; nothing is fetched and
nothing logs an error. Hostile statement text stays text.

Set ARGMAP_SCREENSHOTS=DIR to keep the screenshots (docs/img/teaching-*.png come from here).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from chromium_cdp import Chromium, chromium_path

from argmap.cli import main
from argmap.model import ArgumentMap

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ('Critics say <img src=x onerror="document.title=\'pwned\'"> tolls hurt; '
           '</script><script>document.title="pwned"</script> they "fail".')

pytestmark = pytest.mark.skipif(chromium_path() is None, reason="chromium is not installed")
pytest.importorskip("websocket", reason="websocket-client (in the 'test' extra) is not installed")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("selfcheck")
    assert main(["extract", str(ROOT / "examples" / "road-pricing.txt"), "-o", str(folder / "map.json")]) == 0
    amap = ArgumentMap.load(str(folder / "map.json"))
    amap.add_critique(amap.topics[-1], HOSTILE, actor="<b>Critics</b>")
    amap.save(str(folder / "map.json"))
    assert main(["exercise", str(folder / "map.json"), "-o", str(folder / "out"), "--seed", "1"]) == 0
    return folder / "out"


@pytest.fixture(scope="module")
def browser(pages: Path) -> Iterator[Chromium]:
    with Chromium(width=1000, height=1200) as chromium:
        chromium.send("Network.enable")
        chromium.open((pages / "selfcheck.html").as_uri())
        yield chromium


def keep(browser: Chromium, name: str, tmp_path: Path) -> None:
    folder = Path(os.environ.get("ARGMAP_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    browser.screenshot(folder / f"teaching-{name}.png")


def test_loads_offline_without_errors(browser: Chromium) -> None:
    assert browser.eval("document.documentElement.dataset.ready") == "1"  # the script ran under the CSP
    assert browser.console_errors() == []
    urls = [e["params"]["request"]["url"] for e in browser.events if e.get("method") == "Network.requestWillBeSent"]
    assert urls and all(u.startswith("file:") for u in urls)
    assert browser.eval("document.title").endswith("Self-check") and browser.eval("document.images.length") == 0


def test_answer_press_check_and_read_the_feedback(browser: Chromium, pages: Path, tmp_path: Path) -> None:
    ex = json.loads((pages / "exercise.json").read_text())
    items = {i["id"]: i for i in ex["items"]}
    key = {k["item"]: k["answer"] for k in ex["key"]}
    wrong = sorted(key)[::3]  # every third item answered wrongly, the rest right
    ticked: dict[str, dict[str, str]] = {}
    for item_id, answer in key.items():
        for field in items[item_id]["fields"]:
            values = answer[field["name"]].split(",") if field["multiple"] else [answer[field["name"]]]
            if item_id in wrong and field is items[item_id]["fields"][0]:
                values = [next(o for o in field["options"] if o not in values)]
            ticked.setdefault(item_id, {})[field["name"]] = ",".join(values)
            for value in values:
                browser.eval(f"""document.querySelector('input[name="{item_id}.{field["name"]}"][value={json.dumps(value)}]')
                                 .checked = true""")
    x, y = browser.eval("""(() => { const b = document.getElementById("check"); b.scrollIntoView({block: "center"});
        const r = b.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()""")
    time.sleep(0.2)
    browser.click_at(x, y)
    feedback = browser.eval("""Object.fromEntries(Array.from(document.querySelectorAll(".feedback"))
        .map((p) => [p.id.slice(3), [p.className, p.textContent]]))""")
    assert set(feedback) == set(key)
    for item_id, (cls, text) in feedback.items():
        if item_id in wrong:
            assert cls == "feedback wrong" and text.startswith("Not yet"), (item_id, text)
        else:
            assert cls == "feedback right" and text.startswith("Right."), (item_id, text)
    total = browser.eval('document.getElementById("total").textContent')
    # one field of each wrong item is wrong: the item keeps the share of its other fields
    points = len(key) - sum(1 / len(items[i]["fields"]) for i in wrong)
    assert total == f"Score: {round(points * 100) / 100:g} / {len(key)}"
    from argmap.exercises import grade
    from argmap.exercises.model import Exercise

    assert grade(Exercise.model_validate(ex), ticked).points == pytest.approx(points)  # the page grades as argmap grade
    assert browser.console_errors() == [] and browser.eval("document.title") != "pwned"
    browser.eval('document.getElementById("fb-roles-1").scrollIntoView({block: "start"})')
    keep(browser, "selfcheck", tmp_path)


def test_hostile_text_is_shown_as_text(browser: Chromium) -> None:
    shown = browser.eval("document.body.innerText")
    assert "<img src=x" in shown and "</script><script>" in shown
    assert browser.eval("document.querySelectorAll('script').length") == 2


@pytest.mark.parametrize("page", ["sheet", "key"])
def test_printable_pages_render_with_large_text(browser: Chromium, pages: Path, page: str, tmp_path: Path) -> None:
    browser.open((pages / f"{page}.html").as_uri())
    assert browser.console_errors() == []
    size = browser.eval("parseFloat(getComputedStyle(document.querySelector('ol.statements li')).fontSize)")
    assert size >= 16
    colour = browser.eval("getComputedStyle(document.body).color")
    assert colour == "rgb(17, 17, 17)"
    if page == "key":  # the first answers, not the statements again
        browser.eval("document.querySelector('.item').scrollIntoView({block: 'start'})")
    keep(browser, page, tmp_path)
    # printed on A4 (Letter is wider): 210 mm less the sheet's 15 mm margins is 680 CSS px of line
    browser.send("Emulation.setEmulatedMedia", {"media": "print"})
    browser.send("Emulation.setDeviceMetricsOverride", {"width": 680, "height": 1000, "deviceScaleFactor": 1,
                                                         "mobile": False})
    try:  # printed: still 16 px or more, near-black
        assert browser.eval("parseFloat(getComputedStyle(document.querySelector('.prompt')).fontSize)") >= 16
        assert browser.eval("getComputedStyle(document.querySelector('.prompt')).color") == "rgb(17, 17, 17)"
        # the diagrams' smallest text as drawn: its size in the SVG's units times the SVG's scale
        smallest = browser.eval("""Math.min(...Array.from(document.querySelectorAll('.figure svg')).flatMap((svg) => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return Array.from(svg.querySelectorAll('text')).map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
        }))""")
        assert smallest >= 15.9, smallest
    finally:
        browser.send("Emulation.setEmulatedMedia", {"media": ""})
        browser.send("Emulation.clearDeviceMetricsOverride")
    if page == "sheet":
        assert browser.eval("document.querySelectorAll('.figure svg').length") > 0
        browser.eval("document.querySelector('.figure').parentElement.scrollIntoView({block: 'start'})")
        keep(browser, "diagram", tmp_path)
