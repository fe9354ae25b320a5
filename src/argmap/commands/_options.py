"""Arguments and options several verbs share, each defined once so that its help reads the same
on every verb.

Nothing here imports spaCy, networkx or Graphviz: ``argmap VERB --help`` stays fast. Names
from argmap's registries (themes) are looked up only when a value is checked or help shown.

Example:
    >>> parse_graph_attrs(["rankdir=LR", "node.fontsize=24", "label=a=b"])
    {'rankdir': 'LR', 'node.fontsize': '24', 'label': 'a=b'}
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

FILE_HELP = ("FILE is a map JSON, a file in any format argmap reads (Argdown, AIF, Kialo, microtexts XML, "
             "GraphML, node-link JSON: told by its ending or content, or by --from), or a text file "
             "(extracted on the fly); '-' reads standard input.")

# Where ``--from`` leaves its value for :func:`argmap.commands._inputs.load_inputs`.
FROM_KEY = "argmap.from"


def _readable_formats() -> Iterable[str]:
    from argmap.formats import readable

    return readable()


def _keep_from(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    ctx.meta[FROM_KEY] = value


def from_option(fn: F) -> F:
    """``--from FORMAT``: read FILE in this format instead of telling it by its ending or content.
    The value goes to the loader through the click context, so verbs need no extra parameter."""
    return click.option("--from", "source_format", type=RegistryName("format", _readable_formats),
                        expose_value=False, callback=_keep_from, is_eager=True, cls=LazyHelpOption,
                        lazy_help=lambda: f"format of FILE: {', '.join(_readable_formats())} "
                                          "(default: told by its ending or content)")(fn)


def map_argument(fn: F) -> F:
    """The FILE argument of verbs that read one map (a map JSON, any readable format, a text,
    or ``-``), with ``--from``."""
    return click.argument("file", metavar="MAP.json|FILE")(from_option(fn))


def files_argument(fn: F) -> F:
    """The FILE... argument of verbs that read one or more texts (or ``-``)."""
    return click.argument("files", nargs=-1, required=True, metavar="FILE...")(fn)


json_option = click.option("--json", "as_json", is_flag=True, help="print JSON instead of text")

topic_option = click.option(
    "--topic", "topics", multiple=True, metavar="ID|TITLE",
    help="only this topic, by id or by title (exact, any case); repeatable (see 'argmap topics')")


class FiniteFloatRange(click.FloatRange):
    """A :class:`click.FloatRange` that refuses ``nan`` and ``inf`` (which pass any bounds check
    and would turn a time limit off silently).

    Example:
        >>> FiniteFloatRange(min=0).convert("2.5", None, None)
        2.5
    """

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return number


class RegistryName(click.ParamType):
    """A name from one of argmap's registries, which is imported only when a value is checked
    or the help is shown (``argmap VERB --help`` must not load the diagrams)."""

    def __init__(self, what: str, names: Callable[[], Iterable[str]]) -> None:
        self.name = what
        self._names = names

    def names(self) -> list[str]:
        return sorted(self._names())

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "NAME"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        names = self.names()
        if value not in names:
            self.fail(f"unknown {self.name} {value!r} (choose from {', '.join(names)})", param, ctx)
        return str(value)


def _theme_names() -> Iterable[str]:
    from argmap.diagrams import THEMES

    return THEMES


class LazyHelpOption(click.Option):
    """An option whose help names things from a registry, looked up only when help is shown."""

    def __init__(self, *args: Any, lazy_help: Callable[[], str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_help = lazy_help

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        self.help = self.lazy_help()
        return super().get_help_record(ctx)


def _default(option: str) -> Any:
    """The diagrams' own default of ``option`` (one definition: :class:`DiagramOptions`)."""
    from dataclasses import fields

    from argmap.diagrams import DiagramOptions

    return next(f.default for f in fields(DiagramOptions) if f.name == option)


def _switch_help(option: str, text: str) -> Callable[[], str]:
    return lambda: f"{text} (default: {'on' if _default(option) else 'off'})"


def _theme_help() -> str:
    return f"diagram theme: {', '.join(sorted(_theme_names()))} (default: {_default('theme')})"


def _timeout_help() -> str:
    from argmap.diagrams import DEFAULT_TIMEOUT

    return f"give up when Graphviz takes longer than this (default: {DEFAULT_TIMEOUT:g})"


def parse_graph_attrs(values: Sequence[str]) -> dict[str, str]:
    """``KEY=VALUE`` texts as the ``graph_attr`` of the diagrams: ``NAME`` (or ``graph.NAME``)
    is a graph attribute, ``node.NAME`` / ``edge.NAME`` a node / edge default.

    Only the ``KEY=VALUE`` shape is checked here; the diagrams check the names.
    """
    attrs: dict[str, str] = {}
    for text in values:
        key, sep, value = text.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"expected KEY=VALUE, got {text!r}")
        attrs[key.strip()] = value
    return attrs


def _graph_attr_callback(ctx: click.Context, param: click.Parameter, values: Sequence[str]) -> dict[str, Any]:
    return parse_graph_attrs(values)


_DIAGRAM_OPTIONS = (
    click.option("--status/--no-status", default=None, cls=LazyHelpOption, lazy_help=_switch_help(
        "status", "shade statements by grounded status: defeated (OUT) dimmed, undecided (UNDEC) marked")),
    click.option("--legend/--no-legend", default=None, cls=LazyHelpOption,
                 lazy_help=_switch_help("legend", "draw the key of shapes, lines and status marks")),
    click.option("--font-size", type=click.FloatRange(min=0, min_open=True), metavar="POINTS",
                 help="size of diagram text in points (default: the theme's)"),
    click.option("--theme", type=RegistryName("theme", _theme_names), cls=LazyHelpOption, lazy_help=_theme_help),
    click.option("--graph-attr", "graph_attr", multiple=True, metavar="KEY=VALUE", callback=_graph_attr_callback,
                 help="Graphviz attribute, e.g. rankdir=LR, node.fontsize=24 or edge.penwidth=2 (repeatable)"),
    click.option("--allow-links", is_flag=True, default=None,
                 help="let --graph-attr make links or load files (href, URL, image, javascript:, http:...)"),
    click.option("--timeout", type=FiniteFloatRange(min=0, min_open=True), metavar="SECONDS",
                 cls=LazyHelpOption, lazy_help=_timeout_help),
)


def diagram_options(fn: F) -> F:
    """The diagram switches of ``render`` and ``report``, handed to the verb as one dict
    ``diagram`` holding only the options given (the diagrams' own defaults apply to the rest)."""

    @functools.wraps(fn)
    def verb(*args: Any, status: bool | None, legend: bool | None, font_size: float | None, theme: str | None,
             graph_attr: dict[str, Any], allow_links: bool | None, timeout: float | None, **kwargs: Any) -> Any:
        given = {"status": status, "legend": legend, "font_size": font_size, "theme": theme,
                 "graph_attr": graph_attr or None, "allow_links": allow_links or None, "timeout": timeout}
        return fn(*args, diagram={k: v for k, v in given.items() if v is not None}, **kwargs)

    for option in reversed(_DIAGRAM_OPTIONS):
        verb = option(verb)
    return verb  # type: ignore[return-value]
