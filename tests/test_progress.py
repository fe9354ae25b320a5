from __future__ import annotations

import io
import sys
import types

import pytest

from argmap import progress as progress_module
from argmap.progress import progress, progress_bar, showing


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_is_drawn_on_a_terminal_only() -> None:
    term = FakeTerminal()
    assert list(progress(range(4), total=4, label="files", stream=term)) == [0, 1, 2, 3]
    final = term.getvalue().split("\r")[-1]
    assert final.startswith("files: 100%") and "4/4" in final
    plain = io.StringIO()
    assert list(progress(range(4), total=4, stream=plain)) == [0, 1, 2, 3]
    assert plain.getvalue() == ""
    forced = io.StringIO()
    list(progress(range(4), total=4, label="pages", stream=forced, show=True))
    assert "4/4" in forced.getvalue()


def test_no_bar_drawn_no_tqdm_imported() -> None:
    import subprocess

    code = ("import sys, io; from argmap.progress import progress_bar\n"
            "with progress_bar(5, 'x', stream=io.StringIO()) as bar:\n"
            "    bar.update(5); bar.write('a line', file=sys.stdout)\n"
            "print('tqdm' in sys.modules)")
    got = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert got == "a line\nFalse\n"
    term = FakeTerminal()
    with progress_bar(5, "x", stream=term) as bar:  # a bar drawn: tqdm's write, above the bar
        bar.write("a line", file=term)
    assert "a line" in term.getvalue()


def test_single_items_draw_no_bar() -> None:
    term = FakeTerminal()
    list(progress(["one"], total=1, stream=term))
    assert term.getvalue() == ""
    assert not showing(True, 1) and not showing(False, 100, FakeTerminal())


def test_a_bar_advanced_by_hand() -> None:
    term = FakeTerminal()
    with progress_bar(10, "diagrams", stream=term) as bar:
        bar.update(4)
        bar.update(6)
    assert "10/10" in term.getvalue().split("\r")[-1]


def test_a_notebook_kernel_counts_as_a_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    kernel = types.SimpleNamespace(config={"IPKernelApp": {}})
    monkeypatch.setitem(sys.modules, "IPython", types.SimpleNamespace(get_ipython=lambda: kernel))
    assert progress_module.in_notebook() and showing(None, 5, io.StringIO())
    monkeypatch.setitem(sys.modules, "IPython", types.SimpleNamespace(get_ipython=lambda: None))
    assert not progress_module.in_notebook() and not showing(None, 5, io.StringIO())
