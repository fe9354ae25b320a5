"""Short essays written for the report tests (the project's own text), and a hostile one."""

from __future__ import annotations

from pathlib import Path

SCHOOL_WEEK = """The Four-Day School Week

Several rural districts have moved to a four-day school week to save money and attract teachers.

Debates and controversies

Budget savings
Supporters argue that closing buildings one day a week cuts transport and heating costs. Critics warn that the savings are small once longer school days are paid for. Advocates counter that even small savings matter to districts with shrinking budgets.

Student learning
Some parents say the longer days leave children too tired to learn in the afternoon. Proponents respond that attendance rises when students have a day for appointments. Detractors fire back that attendance gains vanish after the first year.

Teacher recruitment
Supporters contend that a shorter week is a cheap way to attract teachers. The concern is that the extra day off shifts childcare costs onto working families.
"""

# Markup in an essay must show as text and run nothing.
HOSTILE = """Markup <script>window.__pwned = 1</script> in essays

Readers paste HTML into essays <img src=x onerror="window.__pwned = 2"> all the time.

Debates and controversies

Escaping </svg></script>
Critics warn that "onload=window.__pwned=3 x=" and <b>bold</b> tags break naive reports. Advocates counter that escaping every slice of text keeps </textarea><script>window.__pwned=4</script> inert.
"""

ESSAYS = {"school-week.txt": SCHOOL_WEEK, "markup.txt": HOSTILE}


def write_essays(folder: Path) -> list[Path]:
    """Write the essays into ``folder``; their paths, in a stable order."""
    paths = []
    for name, text in ESSAYS.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
