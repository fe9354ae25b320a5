"""An exercise as files: the printable student sheet (HTML and Markdown), the answer key
(HTML and Markdown), the interactive self-check page and the exercise JSON.

Every page comes from a Jinja2 template shipped in ``argmap/exercises/templates`` with
autoescaping on; a teacher can pass a folder whose files of the same names (``sheet.html``,
``sheet.md``, or just the style sheet ``sheet.css``) replace them.
The self-check page is one offline file under the report's Content-Security-Policy (no
network, only its own script, allowed by hash); its data is JSON escaped for a script element.

Example:
    >>> from argmap.model import ArgumentMap
    >>> from argmap.exercises import make_exercise
    >>> m = ArgumentMap()
    >>> c = m.add_claim(m.add_topic("Tolls"), "Tolls <cut> traffic & jams.")
    >>> page = render_page(make_exercise(m), "sheet")
    >>> "Tolls &lt;cut&gt; traffic &amp; jams." in page and "<cut>" not in page
    True
"""

from __future__ import annotations

import os
import re
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from argmap.exercises.model import EXERCISE_KINDS, Exercise, Item

Page = Literal["sheet", "key", "selfcheck"]
KIND_TITLES = {"roles": "Roles: what is each statement, and whose side is it on?",
               "links": "Links: what does each statement answer?",
               "diagram": "Diagrams: which statement goes in each blank box?",
               "evaluate": "Evaluate: which statements stand?",
               "critical": "Reading critically"}
HEADINGS = {"sheet": "Exercise sheet", "key": "Answer key", "selfcheck": "Self-check"}
# files written by write_exercise, by what they hold
FILES = {"sheet.html": "the student sheet", "sheet.md": "the student sheet (Markdown)",
         "key.html": "the answer key", "key.md": "the answer key (Markdown)",
         "selfcheck.html": "the self-check page", "exercise.json": "the exercise with its key"}
# and ITEM.svg for each diagram item (figure_file), which the Markdown sheet shows

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|<>&~])")


def markdown_text(value: Any) -> str:
    """Text safe inside Markdown: one line, Markdown and HTML characters backslash-escaped.

    Example:
        >>> print(markdown_text("a *b* <i>\\n[c](d) low-income"))
        a \\*b\\* \\<i\\> \\[c\\](d) low-income
    """
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(value).split()))


def _asset(name: str) -> str:
    return resources.files("argmap.exercises").joinpath("templates", name).read_text(encoding="utf-8")


def _environment(folder: str | os.PathLike[str] | None) -> Any:
    from argmap.templating import environment

    env = environment("argmap.exercises", folder)
    env.filters["md"] = markdown_text
    return env


def _groups(ex: Exercise) -> list[tuple[str, list[Item]]]:
    return [(k, [i for i in ex.items if i.kind == k]) for k in EXERCISE_KINDS if any(i.kind == k for i in ex.items)]


def figure_file(item: Item) -> str:
    """The file name of an item's diagram beside the Markdown sheet."""
    return f"{item.id}.svg"


def _figures(ex: Exercise, markdown: bool) -> dict[str, Any]:
    """Item id → its diagram: for HTML the SVG checked by the report's :func:`safe_svg` (it may
    run or fetch nothing), for Markdown the file name written beside the sheet."""
    from markupsafe import Markup

    from argmap.reports.html import safe_svg

    return {i.id: figure_file(i) if markdown else Markup(safe_svg(i.figure)) for i in ex.items if i.figure}


def render_page(ex: Exercise, page: Page, *, markdown: bool = False, templates: str | os.PathLike[str] | None = None) -> str:
    """One page of the exercise (``sheet``, ``key`` or ``selfcheck``) as HTML, or Markdown
    for the sheet and key."""
    from markupsafe import Markup

    from argmap.templating import content_security_policy, json_for_script

    env = _environment(templates)
    script = _asset("selfcheck.js")
    with_key = page == "key"
    interactive = page == "selfcheck"
    if (with_key or interactive) and not ex.key:
        raise ValueError(f"the {page} page needs the exercise's answer key")
    data = {"items": [i.model_dump() for i in ex.items],
            "key": {k.item: k.model_dump() for k in ex.key}} if interactive else {}
    context = dict(ex=ex, heading=HEADINGS[page], groups=_groups(ex), kind_titles=KIND_TITLES, with_key=with_key,
                   interactive=interactive, key=ex.key_of(), figures=_figures(ex, markdown))
    if markdown:
        return str(env.get_template("sheet.md").render(**context))
    return str(env.get_template("sheet.html").render(
        **context, csp=content_security_policy(script if interactive else ""), css=Markup(env.loader.get_source(env, "sheet.css")[0]),
        script=Markup(script), data=Markup(json_for_script(data))))


def write_exercise(ex: Exercise, out_dir: str | os.PathLike[str], *,
                   templates: str | os.PathLike[str] | None = None) -> list[Path]:
    """Write the files of :data:`FILES` into ``out_dir`` (made if missing); every page is
    rendered before anything is written, and the folder is swapped in as a whole
    (:func:`argmap.io.write_folder`), so a reader never sees a mix of two exercises."""
    from argmap.io import write_folder

    pages = {
        "sheet.html": render_page(ex, "sheet", templates=templates),
        "sheet.md": render_page(ex, "sheet", markdown=True, templates=templates),
        "key.html": render_page(ex, "key", templates=templates),
        "key.md": render_page(ex, "key", markdown=True, templates=templates),
        "selfcheck.html": render_page(ex, "selfcheck", templates=templates),
        "exercise.json": ex.model_dump_json(indent=2) + "\n",
        **{figure_file(i): i.figure for i in ex.items if i.figure},
    }
    return [Path(out_dir) / p.name for p in write_folder(out_dir, pages)]
