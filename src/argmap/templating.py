"""What every HTML page argmap writes shares (the report, the exercise sheets and the
self-check page): one Jinja2 engine with autoescaping on, the page's Content-Security-Policy
and its data as JSON safe inside a ``<script>`` element.

Example:
    >>> env = environment("argmap.reports")
    >>> env.from_string("<p>{{ t }}</p>").render(t="<b>&</b>")
    '<p>&lt;b&gt;&amp;&lt;/b&gt;</p>'
    >>> json_for_script({"t": "</script>"})
    '{"t":"\\\\u003c/script\\\\u003e"}'
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from functools import lru_cache
from typing import Any


def content_security_policy(script: str) -> str:
    """The policy of a self-contained page: no network at all, inline styles, ``data:``
    images, and only ``script`` (allowed by its hash; ``""``: no script runs).

    Example:
        >>> content_security_policy("").startswith("default-src 'none'; script-src 'sha256-")
        True
    """
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def json_for_script(data: Any) -> str:
    """``data`` as ASCII JSON with ``<``, ``>`` and ``&`` escaped, so that it can neither end
    nor confuse the ``<script type="application/json">`` element it sits in."""
    text = json.dumps(data, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@lru_cache(maxsize=16)
def _environment(package: str, folder: str | None) -> Any:
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined, select_autoescape

    loaders = [FileSystemLoader(folder)] if folder else []
    return Environment(loader=ChoiceLoader([*loaders, PackageLoader(package, "templates")]),
                       autoescape=select_autoescape(["html", "svg"]), undefined=StrictUndefined,
                       keep_trailing_newline=True)


def environment(package: str, folder: str | os.PathLike[str] | None = None) -> Any:
    """The Jinja2 environment of the templates shipped in ``package``'s ``templates`` folder;
    templates of the same name in ``folder`` (a teacher's or designer's own) come first.
    Autoescaping is on for ``.html`` templates, and an undefined name is an error."""
    return _environment(package, os.fspath(folder) if folder else None)


__all__ = ["content_security_policy", "environment", "json_for_script"]
