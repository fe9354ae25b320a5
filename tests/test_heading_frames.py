"""Side headings built on a frame ("Reasons to …", "Why you might …"): the frame's complement
names the side, so a con complement turns the frame's default pro."""

from __future__ import annotations

import pytest

from argmap.extraction.lexicon import Lexicon


@pytest.mark.parametrize(("heading", "stance"), [
    ("Reasons to think twice", "con"),
    ("Reasons to hesitate", "con"),
    ("Reasons to say no", "con"),
    ("Reasons to stay away", "con"),
    ("Why you might think again", "con"),
    ("Reasons to worry", "con"),          # the longer con name at the frame's own place
    ("Reasons to subscribe", "pro"),
    ("Reasons to buy", "pro"),
    ("Benefits and criticisms", "pro"),   # not adjacent: the first stance word decides
])
def test_a_frame_takes_the_side_of_its_complement(heading: str, stance: str) -> None:
    assert Lexicon.default().section_roles(heading)[1] == stance


def test_parallel_reasons_headings_split_into_two_sides() -> None:
    from argmap import extract_text

    text = (
        "# Is a rowing machine worth it?\n\n"
        "## Reasons to buy one\n\n"
        "1. It works every large muscle group in twenty minutes.\n"
        "2. It is gentle on knees that running hurts.\n\n"
        "## Reasons to think twice\n\n"
        "1. A good one takes up as much floor as a sofa.\n"
        "2. Many end up as a clothes rail within a year.\n"
    )
    amap = extract_text(text)
    kinds = {n.text.split()[0]: n.kind for n in amap.nodes}
    assert kinds["It"] == "claim" and kinds["A"] == "critique" and kinds["Many"] == "critique"
