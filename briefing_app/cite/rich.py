"""Rich text for formatted citations: styled runs, punctuation-aware joining, and renderers."""

from __future__ import annotations

import html
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class RichRun:
    """A stretch of text with one style; `link` makes it a hyperlink (URLs, DOIs)."""

    text: str
    italic: bool = False
    bold: bool = False
    small_caps: bool = False
    link: str = ""


RichText = tuple[RichRun, ...]

#: Characters that end a sentence-like unit; a following "." (or ",") would be stray.
_TERMINAL = ".?!"
_CLOSING_QUOTES = "\u201d\u2019"


def plain(text: str) -> RichText:
    return (RichRun(text),) if text else ()


def styled(text: str, *, italic: bool = False, link: str = "") -> RichText:
    return (RichRun(text, italic=italic, link=link),) if text else ()


def merge(runs: RichText | list[RichRun]) -> RichText:
    """Join neighbouring runs of the same style so renderers emit as few spans as possible."""
    out: list[RichRun] = []
    texts: list[str] = []  # pending text of out[-1]; joined once, not once per run
    for run in runs:
        if not run.text:
            continue
        if out and _same_style(out[-1], run):
            texts.append(run.text)
            continue
        if len(texts) > 1:
            out[-1] = _with_text(out[-1], "".join(texts))
        out.append(run)
        texts = [run.text]
    if len(texts) > 1:
        out[-1] = _with_text(out[-1], "".join(texts))
    return tuple(out)


def _with_text(run: RichRun, text: str) -> RichRun:
    return RichRun(text, run.italic, run.bold, run.small_caps, run.link)


def _same_style(a: RichRun, b: RichRun) -> bool:
    return (
        a.italic == b.italic
        and a.link == b.link
        and a.bold == b.bold
        and a.small_caps == b.small_caps
    )


def last_char(rt: RichText) -> str:
    for run in reversed(rt):
        if run.text:
            return run.text[-1]
    return ""


def add_punct(rt: RichText, punct: str, *, in_quote: bool) -> RichText:
    """Append `punct` (".", ",", ";", ":") without doubling or stranding punctuation.

    Why: a title ending in "?" or an abbreviation ending in "." must not gain a second mark,
    and American styles put commas and periods inside closing quotation marks.
    """
    if not rt:
        return rt
    end = last_char(rt)
    if end in _CLOSING_QUOTES:
        before = _char_before_last(rt)
        if punct in ".," and before in _TERMINAL:
            return rt
        if in_quote and punct in ".,":
            return _insert_before_last_char(rt, punct)
    elif end in _TERMINAL and punct in ".,":
        if end == "." and punct == ",":
            return (*rt, RichRun(punct))
        return rt
    return (*rt, RichRun(punct))


def _char_before_last(rt: RichText) -> str:
    text = "".join(r.text for r in rt[-2:])
    return text[-2] if len(text) >= 2 else ""


def _insert_before_last_char(rt: RichText, punct: str) -> RichText:
    last = rt[-1]
    quote = last.text[-1]
    head = _with_text(last, last.text[:-1])
    if head.text and not (head.link or head.italic):
        return (*rt[:-1], _with_text(last, head.text + punct + quote))
    return (*rt[:-1], *((head,) if head.text else ()), RichRun(punct + quote))


def join(parts: list[RichText], delim: str, *, in_quote: bool) -> RichText:
    """Join the non-empty parts with `delim`, whose leading punctuation is added with care."""
    parts = [p for p in parts if p]
    if not parts:
        return ()
    stripped = delim.lstrip(".,;:")
    punct = delim[: len(delim) - len(stripped)]
    out: RichText = parts[0]
    for part in parts[1:]:
        if punct:
            out = add_punct(out, punct, in_quote=in_quote)
        out = out + plain(stripped) + part
    return out


def capitalise_first(rt: RichText) -> RichText:
    for i, run in enumerate(rt):
        if run.text:
            return (*rt[:i], replace(run, text=run.text[0].upper() + run.text[1:]), *rt[i + 1 :])
    return rt


def rich_to_plain(rt: RichText) -> str:
    return "".join(run.text for run in rt)


def rich_to_markdown(rt: RichText) -> str:
    """Italics as `*text*` (the golden-test and CLI notation); other styles as text."""
    out: list[str] = []
    for run in merge(tuple(replace(r, link="", small_caps=False, bold=False) for r in rt)):
        out.append(f"*{run.text}*" if run.italic else run.text)
    return "".join(out)


def rich_to_html(rt: RichText) -> str:
    """Escaped HTML: user text can never become markup."""
    out: list[str] = []
    for run in merge(rt):
        text = html.escape(run.text, quote=False)
        if run.small_caps:
            text = f'<span style="font-variant: small-caps">{text}</span>'
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.link:
            text = f'<a href="{html.escape(run.link, quote=True)}">{text}</a>'
        out.append(text)
    return "".join(out)
