from __future__ import annotations

import io

from argmap.progress import progress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_is_drawn_on_a_terminal_only() -> None:
    term = FakeTerminal()
    assert list(progress(range(4), total=4, label="files", stream=term)) == [0, 1, 2, 3]
    frames = term.getvalue().split("\r")
    assert frames[-1].strip().endswith("4/4 files") and frames[1].startswith("[#######")
    plain = io.StringIO()
    list(progress(range(4), total=4, stream=plain))
    assert plain.getvalue() == ""


def test_single_items_draw_no_bar() -> None:
    term = FakeTerminal()
    list(progress(["one"], total=1, stream=term))
    assert term.getvalue() == ""
