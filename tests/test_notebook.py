"""The example notebook, executed by a real Jupyter kernel as a user would run it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "notebook-display.ipynb"

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' is not installed")


def test_example_notebook_displays_topics_and_map_as_svg(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("ipykernel", reason="ipykernel (test extra) is needed to run the notebook")
    nbclient = pytest.importorskip("nbclient", reason="nbclient (test extra) is needed to run the notebook")
    nbformat = pytest.importorskip("nbformat", reason="nbformat (test extra) is needed to run the notebook")
    # The kernel is a child process: make it import this checkout's argmap (an editable
    # install in CI resolves to the same source).
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT / "examples")}}).execute()

    code = [c for c in nb.cells if c.cell_type == "code"]
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    results = [o for c in code for o in c.outputs if o.output_type == "execute_result"]
    topic_views, whole_map = results[1:3], results[3]
    for out in topic_views:
        svg = out.data["image/svg+xml"]
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg
        assert 'id="arg&#45;t1"' in svg and "class=\"node\"" in svg  # the first topic's own node
    assert "TopicView(" in topic_views[0].data["text/plain"]
    overview = whole_map.data["image/svg+xml"]
    assert 'class="cluster"' in overview and "Argument map overview" in overview
    # many diagrams at once: a progress bar in the notebook (tqdm.auto; text on stderr without ipywidgets)
    many = code[-1]
    bars = "".join(o.get("text", "") for o in many.outputs if o.output_type == "stream" and o.name == "stderr")
    assert "laying out diagrams" in bars and "100%" in bars, many.outputs
    assert int(results[4].data["text/plain"]) >= 2
