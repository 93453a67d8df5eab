"""The little template language styles are written in, and its renderer.

A style is data: for each source type, a tree of these nodes. `V` is a variable, `Seq` joins
the parts that are present with a delimiter (so a missing field takes its punctuation with
it), `First` substitutes (no author -> title, as CSL's <substitute>), `Wrap` brackets a group,
`Text` is a literal. Punctuation collisions are resolved in `rich.join`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

from . import names as nm
from .dates import format_date
from .rich import RichRun, RichText, join, plain, styled

if TYPE_CHECKING:
    from .data import SourceData
    from .style import Style


@dataclass(frozen=True)
class V:
    """A variable: `name` with a `form`; `prefix`/`suffix` appear only when it is present."""

    name: str
    form: str = ""
    italic: bool = False
    quoted: bool = False
    prefix: str = ""
    suffix: str = ""
    fallback: str = ""  # e.g. "n.d." for a missing year
    cap: bool = False  # capitalise the first letter (a genre opening a sentence)


@dataclass(frozen=True)
class Text:
    text: str
    italic: bool = False


@dataclass(frozen=True)
class Seq:
    delim: str
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class First:
    """The first alternative that renders; later uses of a substituted variable are empty."""

    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Wrap:
    prefix: str
    part: Node
    suffix: str


Node = Union[V, Text, Seq, First, Wrap]  # noqa: UP007 - forward references need Union


def seq(delim: str, *parts: Node) -> Seq:
    return Seq(delim, parts)


def first(*parts: Node) -> First:
    return First(parts)


@dataclass
class Context:
    """One item being rendered: its source, the citation's own details, and the style."""

    data: SourceData
    style: Style
    locator: str = ""
    grade: str = ""
    year_suffix: str = ""
    number: int = 0
    used: set[str] = field(default_factory=set)


def render(node: Node, ctx: Context) -> RichText:
    if isinstance(node, V):
        return _render_var(node, ctx)
    if isinstance(node, Text):
        return styled(node.text, italic=node.italic)
    if isinstance(node, Seq):
        return join(
            [render(p, ctx) for p in node.parts], node.delim, in_quote=ctx.style.punct_in_quote
        )
    if isinstance(node, First):
        for i, part in enumerate(node.parts):
            out = render(part, ctx)
            if out:
                if i and isinstance(part, V):
                    ctx.used.add(part.name)
                return out
        return ()
    inner = render(node.part, ctx)
    return plain(node.prefix) + inner + plain(node.suffix) if inner else ()


def _render_var(var: V, ctx: Context) -> RichText:
    if var.name in ctx.used:
        return ()
    if var.name == "url":
        url = ctx.data.url
        shown = re.sub(r"^https?://", "", url) if var.form == "bare" else url
        body: RichText = styled(shown, link=url)
    else:
        text = _VARIABLES[var.name](ctx, var.form) or var.fallback
        if text and var.cap:
            text = text[0].upper() + text[1:]
        if text and var.quoted:
            text = ctx.style.quotes[0] + text + ctx.style.quotes[1]
        body = styled(text, italic=var.italic)
    if not body:
        return ()
    return plain(var.prefix) + body + plain(var.suffix)


def _names(ctx: Context, form: str) -> str:
    d = ctx.data
    names = d.names
    if not names:
        return d.handle if form != "none-handle" else ""
    text = _NAME_FORMS[form](names)
    if d.handle and ctx.style.handle_wrap and form not in _SHORT_NAME_FORMS:
        text += " " + ctx.style.handle_wrap.format(d.handle)
    return text


_NAME_FORMS = {
    "given-first": nm.given_first,
    "family-first": nm.family_first,
    "mla": nm.mla_names,
    "apa": nm.apa_names,
    "harvard": nm.harvard_names,
    "ieee": nm.ieee_names,
    "family": lambda n: nm.family_only(n, "and", et_al_min=4, serial_comma=True),
    "family-ad": lambda n: nm.family_only(n, "and", et_al_min=4, serial_comma=True),
    "family-apa": lambda n: nm.family_only(n, "&", et_al_min=3, serial_comma=True),
    "family-harvard": lambda n: nm.family_only(n, "and", et_al_min=4, serial_comma=False),
    "family-mla": lambda n: nm.family_only(n, "and", et_al_min=3, serial_comma=False),
}
_SHORT_NAME_FORMS = frozenset(
    k for k in _NAME_FORMS if k.startswith("family") and k != "family-first"
)


def _title(ctx: Context, form: str) -> str:
    return ctx.data.short_title if form == "short" else ctx.data.title


def _year(ctx: Context, form: str) -> str:
    issued = ctx.data.issued
    if issued is None:
        return f"n.d.-{ctx.year_suffix}" if ctx.year_suffix else ""
    return f"{issued.year}{ctx.year_suffix}"


def _publisher(ctx: Context, form: str) -> str:
    """The publisher, unless it merely repeats the author or outlet (Chicago omits it then)."""
    d = ctx.data
    if form == "distinct" and d.publisher in {n.full() for n in d.names} | {d.container}:
        return ""
    return d.publisher


_LOCATOR = re.compile(r"^(?P<label>[A-Za-z]+\.?)\s+(?P<value>\S.*)$")


def _locator(ctx: Context, form: str) -> str:
    """ "p. 4" -> the style's label for pages ("" in Chicago notes) and the value."""
    text = ctx.locator.strip()
    if not text:
        return ""
    m = _LOCATOR.match(text)
    if not m:
        return text
    label, value = m.group("label"), m.group("value")
    value = re.sub(r"(?<=\d)\s*-\s*(?=\d)", "\u2013", value)
    shown = ctx.style.locator_labels.get(label.lower(), label)
    return f"{shown} {value}" if shown else value


def _date(ctx: Context, form: str) -> str:
    issued = ctx.data.issued
    text = format_date(issued, form or "long")
    if ctx.year_suffix and issued is not None and form in ("apa", "year"):
        text = text.replace(str(issued.year), f"{issued.year}{ctx.year_suffix}", 1)
    return text


def _accessed(ctx: Context, form: str) -> str:
    """Form "undated-X": only when there is no publication date (Chicago, MLA)."""
    if form.startswith("undated-"):
        if ctx.data.issued is not None:
            return ""
        form = form.removeprefix("undated-")
    return format_date(ctx.data.accessed, form or "long")


_VARIABLES = {
    "names": _names,
    "title": _title,
    "container": lambda ctx, form: ctx.data.container,
    "publisher": _publisher,
    "date": _date,
    "year": _year,
    "accessed": _accessed,
    "locator": _locator,
    "grade": lambda ctx, form: f"[{ctx.grade}]" if ctx.grade else "",
    "handle": lambda ctx, form: ctx.data.handle,
    "genre": lambda ctx, form: ctx.data.genre,
    "number": lambda ctx, form: ctx.data.number,
    "originator": lambda ctx, form: ctx.data.originator,
    "citation-number": lambda ctx, form: str(ctx.number) if ctx.number else "",
}

VARIABLE_NAMES = frozenset(_VARIABLES) | {"url"}

__all__ = [
    "Context",
    "First",
    "Node",
    "RichRun",
    "Seq",
    "Text",
    "V",
    "Wrap",
    "first",
    "render",
    "seq",
]
