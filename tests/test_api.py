"""The public facade: ``import argmap`` is light, the verbs do what the README says."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap import ArgumentMap, InputError

ROOT = Path(__file__).resolve().parent.parent


def test_import_argmap_loads_nothing_heavy() -> None:
    probe = "import sys, argmap; print(sorted(m for m in ('pydantic', 'networkx', 'spacy', 'argmap.model') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert out.stdout.strip() == "[]"


def test_every_public_name_resolves() -> None:
    for name in argmap.__all__:
        assert getattr(argmap, name) is not None, name
    assert set(argmap.__all__) <= set(dir(argmap))
    assert argmap.checks.run_checks  # submodules load on first use too
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        argmap.nonsense  # noqa: B018


def test_extract_of_a_missing_path_says_so(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"road-pricng\.txt: no such file$"):
        argmap.extract(str(tmp_path / "road-pricng.txt"))
    with pytest.raises(InputError, match="no such file"):
        argmap.extract(tmp_path / "gone.txt")
    with pytest.raises(InputError, match="is a directory"):
        argmap.extract(tmp_path)
    argmap.save(ArgumentMap(), tmp_path / "map.json")
    with pytest.raises(InputError, match=r"map\.json: is a map JSON, not a text to extract \(read it with argmap\.load\)"):
        argmap.extract(tmp_path / "map.json")
    with pytest.raises(InputError, match=r"use argmap\.extract\(text=\.\.\.\)"):
        argmap.extract("Critics warn that tolls hurt.\nSupporters disagree.")


def test_extract_takes_a_list_of_paths_or_text(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Critics warn that fees bite.", encoding="utf-8")
    b.write_text("Supporters argue that fees fund buses.", encoding="utf-8")
    both = argmap.extract([a, str(b)])
    assert [d.source for d in both.documents] == [str(a), str(b)]
    assert [n.kind for n in both.nodes] == ["critique", "claim"]
    assert argmap.extract(text="Critics warn that fees bite.").nodes[0].kind == "critique"
    with pytest.raises(TypeError, match="not both"):
        argmap.extract(a, text="x")
    with pytest.raises(TypeError, match="not int"):
        argmap.extract([a, 3])  # type: ignore[list-item]


def test_verbs_delegate() -> None:
    amap = ArgumentMap()
    t = amap.add_topic("Road tolls")
    c = amap.add_claim(t, "Tolls cut traffic.")
    amap.add_critique(c, "They hit the poor hardest.", actor="Critics")
    assert [(f.code, f.ids) for f in argmap.check(amap, select=["AM3"])] == [("AM301", ("n2",))]
    assert argmap.solve(amap, "preferred") == [frozenset({"n2", "t1"})]
    with pytest.raises(ValueError, match="no check code starts with 'AM9'"):
        argmap.check(amap, select=["AM9"])


def test_findings_show_statement_text_and_display_as_an_escaped_table() -> None:
    amap = ArgumentMap()
    t = amap.add_topic("Tolls & <b>fees</b>")
    amap.add_critique(t, "They hit the <poor> hardest.")
    found = argmap.check(amap, select=["AM301"])
    assert found[0].message == 'critique \'n1\' ("They hit the <poor> hardest.") stands unanswered: nothing answers it'
    html = found._repr_html_()
    assert "<table>" in html and "They hit the &lt;poor&gt; hardest." in html and "<poor>" not in html
    assert html.count("<tr>") == 2  # header and one finding
    assert "n1: They hit the" in html


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")
def test_render_and_report_delegate(tmp_path: Path) -> None:
    amap = ArgumentMap()
    amap.add_critique(amap.add_topic("Road tolls"), "They hit the poor hardest.")
    assert set(argmap.render(amap, "dot")) == {"t1"}
    page = argmap.report(amap, tmp_path / "out")
    assert page.name == "index.html" and "They hit the poor hardest." in page.read_text(encoding="utf-8")


# ----- the README's Python tour, run as a notebook ---------------------------------------------


def readme_tour() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"^## In Python\n.*?^```python\n(.*?)^```", readme, re.S | re.M)
    assert found, "README has an 'In Python' section with a python code block"
    return found.group(1)


def test_readme_tour_imports_only_argmap() -> None:
    imported = set()
    for node in ast.walk(ast.parse(readme_tour())):
        if isinstance(node, ast.Import):
            imported |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    assert imported == {"argmap"}


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")
def test_readme_tour_runs_as_a_notebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("ipykernel", reason="ipykernel (test extra) is needed to run the notebook")
    nbclient = pytest.importorskip("nbclient", reason="nbclient (test extra) is needed to run the notebook")
    nbformat = pytest.importorskip("nbformat", reason="nbformat (test extra) is needed to run the notebook")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])))
    (tmp_path / "examples").mkdir()
    shutil.copy(ROOT / "examples" / "road-pricing.txt", tmp_path / "examples")
    # one cell per paragraph of the tour, plus the hand-written map displayed as Jupyter shows it
    cells = [nbformat.v4.new_code_cell(block) for block in readme_tour().split("\n\n")]
    cells.append(nbformat.v4.new_code_cell("argmap.check(homework)"))
    nb = nbformat.v4.new_notebook(cells=cells)
    nbclient.NotebookClient(nb, timeout=180, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}}).execute()

    outputs = [o for c in nb.cells for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "ArgumentMap: 1 document" in printed and "Findings: " in printed
    assert (tmp_path / "road-pricing.map.json").is_file() and (tmp_path / "build/road-pricing/index.html").is_file()
    table = nb.cells[-1].outputs[0].data
    assert "<table>" in table["text/html"] and "Homework clubs give every pupil a quiet room." in table["text/html"]
    assert table["text/plain"].startswith("Findings: 0 errors, 0 warnings, 1 info")
