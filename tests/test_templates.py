"""Every HTML page argmap writes comes from Jinja2 templates shipped as package data, with
autoescaping on: the Python that prepares the pages holds no markup of its own."""

from __future__ import annotations

import ast
import re
from importlib import resources
from pathlib import Path

import pytest

from argmap.templating import environment

SRC = Path(__file__).resolve().parent.parent / "src" / "argmap"
TAG = re.compile(r"<(/?)(html|body|div|span|section|p|a|li|ul|ol|table|tr|td|th|mark|code|strong|em|h[1-6]|nav|"
                 r"details|summary|figure|figcaption|label|input|button|script|style)\b[^>]*>", re.I)


def string_literals(path: Path) -> list[tuple[int, str]]:
    """Every string constant of a module but its docstrings (which show markup in examples)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


@pytest.mark.parametrize("module", ["reports/html.py", "reports/reading.py", "reports/make.py",
                                    "exercises/render.py", "exercises/generate.py"])
def test_no_markup_is_built_in_python(module):
    found = [(line, text) for line, text in string_literals(SRC / module) if TAG.search(text)]
    assert found == []


@pytest.mark.parametrize("package", ["argmap.reports", "argmap.exercises"])
def test_every_shipped_html_template_autoescapes(package):
    env = environment(package)
    names = [p.name for p in resources.files(package).joinpath("templates").iterdir() if p.name.endswith(".html")]
    assert names
    for name in names:
        template = env.get_template(name)
        assert env.autoescape(name) is True, name
        assert template is not None
    assert env.get_template(names[0]).environment.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
