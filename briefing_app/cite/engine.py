"""The citation engine: citation points in reading order -> notes and a bibliography.

Positions (first, subsequent, ibid), numbering and author-date disambiguation are worked out
over the whole briefing on every call, which is cheap; rendering an item through its style's
template is the expensive part, so rendered items and entries are cached by everything that
affects them. After a one-paragraph edit only the changed items are rendered again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_app.model.source import SOURCE_TYPES

from .data import SourceData, snapshot, source_data
from .errors import UnknownStyleError
from .points import CiteItem, CitePoint
from .rich import RichRun, RichText, add_punct, capitalise_first, join, last_char, merge, plain
from .style import Style, StyleInfo
from .styles import DEFAULT_STYLE, STYLES
from .template import Context, Text, V, render, seq

_IBID = seq(", ", Text("ibid."), V("locator"))
_SORT_SKIP = re.compile(r"^[\W_]*(?:(?:the|a|an)\s+)?", re.I)
#: Headings for a bibliography grouped by source type, in SOURCE_TYPES order.
GROUP_HEADINGS = {
    "article": "News articles",
    "social": "Social-media posts",
    "report": "Reports",
    "statement": "Official statements",
    "state-media": "State-affiliated media",
    "dataset": "Datasets",
    "interview": "Interviews",
    "other": "Other sources",
}
_CACHE_LIMIT = 50_000


@dataclass
class FormattedCitations:
    notes: list[RichText]  # one per CitePoint: the note text, or the in-text citation
    is_note_style: bool
    bibliography: list[RichText]  # only cited sources, sorted per style
    bibliography_groups: list[tuple[str, list[RichText]]] | None  # when grouped by type
    problems: list[str]  # one clear message per problem, naming the citation


def available_styles() -> list[StyleInfo]:
    return [StyleInfo(s.key, s.name, s.kind) for s in STYLES.values()]


def get_style(key: str) -> Style:
    style = STYLES.get(str(key).strip().lower())
    if style is None:
        raise UnknownStyleError(key, list(STYLES))
    return style


class CitationEngine:
    """Formats citation points in one style; keep one engine per open briefing for its cache."""

    def __init__(
        self,
        style: str = DEFAULT_STYLE,
        *,
        ibid: bool = True,
        with_grades: bool = False,
        group_bibliography: bool = False,
    ) -> None:
        self.style = get_style(style)
        self.ibid = ibid and self.style.ibid
        self.with_grades = with_grades
        self.group_bibliography = group_bibliography
        self._cache: dict[tuple[object, ...], RichText] = {}
        self._interned: dict[tuple[object, ...], SourceData] = {}
        #: Assembled notes keyed by the ids of their rendered items; the entry keeps those
        #: items alive, so an id in a key can never be reused by another object.
        self._points: dict[tuple[object, ...], tuple[RichText, tuple[RichText, ...]]] = {}
        #: Template renders done (cache misses); lets tests see what a re-format redid.
        self.renders = 0

    # -- public -------------------------------------------------------------------------

    def format(self, points: list[CitePoint]) -> FormattedCitations:
        datas, order = self._sources(points)
        suffixes = self._year_suffixes([datas[i] for i in order])
        numbers = {sid: n for n, sid in enumerate(order, 1)}
        problems: list[str] = []
        notes = self._notes(points, datas, suffixes, numbers, problems)
        entries = [
            (datas[sid], self._entry(datas[sid], suffixes.get(sid, ""), numbers[sid]))
            for sid in order
        ]
        if self.style.bib_order != "citation":
            entries.sort(key=lambda pair: _sort_key(pair[1]))
        groups = None
        if self.group_bibliography:
            groups = []
            for kind in SOURCE_TYPES:
                group = [rt for data, rt in entries if data.type == kind]
                if group:
                    groups.append((GROUP_HEADINGS.get(kind, kind), group))
            known = set(SOURCE_TYPES)
            odd = [rt for data, rt in entries if data.type not in known]
            if odd:
                groups.append((GROUP_HEADINGS["other"], odd))
        return FormattedCitations(
            notes=notes,
            is_note_style=self.style.kind_is_note,
            bibliography=[rt for _, rt in entries],
            bibliography_groups=groups,
            problems=problems,
        )

    # -- passes -------------------------------------------------------------------------

    def _sources(self, points: list[CitePoint]) -> tuple[dict[str, SourceData], list[str]]:
        """Each cited source's data, and source ids in order of first citation."""
        datas: dict[str, SourceData] = {}
        for point in points:
            for item in point.items:
                if item.source is not None and item.source.id not in datas:
                    snap = snapshot(item.source)
                    data = self._interned.get(snap)
                    if data is None:
                        if len(self._interned) >= _CACHE_LIMIT:
                            self._interned.clear()
                        data = self._interned[snap] = source_data(item.source)
                    datas[item.source.id] = data
        return datas, list(datas)

    def _year_suffixes(self, cited: list[SourceData]) -> dict[str, str]:
        """Author-date: the same author and year for different works -> 2025a, 2025b."""
        if not self.style.disambiguate:
            return {}
        buckets: dict[tuple[object, ...], list[SourceData]] = {}
        for data in cited:
            who = tuple(n.last() for n in data.names) or (data.title,)
            buckets.setdefault((who, data.issued.year if data.issued else None), []).append(data)
        out: dict[str, str] = {}
        for same in buckets.values():
            if len(same) > 1:
                for i, data in enumerate(sorted(same, key=lambda d: d.title.casefold())):
                    out[data.id] = chr(ord("a") + i) if i < 26 else f"{i + 1}"
        return out

    def _notes(
        self,
        points: list[CitePoint],
        datas: dict[str, SourceData],
        suffixes: dict[str, str],
        numbers: dict[str, int],
        problems: list[str],
    ) -> list[RichText]:
        style = self.style
        seen: set[str] = set()
        reported: set[str] = set()
        previous: tuple[str, str] | None = None  # (source id, locator) of the last cite
        notes: list[RichText] = []
        for n, point in enumerate(points, 1):
            rendered: list[RichText] = []
            point_key: list[object] = ["point"]
            missing: list[tuple[CiteItem, str]] = []
            if not style.kind_is_note:
                previous = None
            for k, item in enumerate(point.items):
                if item.source is None:
                    text = self._missing_text(item)
                    rendered.append(_affix(plain(text), item, style))
                    point_key.append(id(rendered[-1]))
                    missing.append((item, text))
                    previous = None
                    continue
                sid = item.source.id
                data = datas[sid]
                if sid not in reported and data.problems:
                    reported.add(sid)
                    problems.extend(
                        f"citation {n} (@{item.ref}): source {sid} {p}" for p in data.problems
                    )
                if style.kind_is_note:
                    rt = self._note_item(item, data, sid, seen, previous)
                    seen.add(sid)
                else:
                    rt = self._intext_item(item, data, suffixes.get(sid, ""), numbers[sid])
                rendered.append(rt)
                point_key.append((id(rt), item.prefix, item.suffix))
                previous = (sid, item.locator.strip()) if k == 0 or previous else None
            if len(point.items) > 1:
                previous = None  # CSL: ibid only after a note that cites the one source alone
            key = tuple(point_key)
            hit = self._points.get(key) if not missing else None
            note = hit[0] if hit is not None else None
            if note is None:
                affixed = [
                    r if it.source is None else _affix(r, it, style)
                    for r, it in zip(rendered, point.items, strict=True)
                ]
                note = self._assemble(affixed)
                if not missing:
                    if len(self._points) >= _CACHE_LIMIT:
                        self._points.clear()
                    self._points[key] = (note, tuple(rendered))
            notes.append(note)
            what = "note" if style.kind_is_note else "citation"
            shown = _markdown(note) if missing else ""
            for item, _text in missing:
                reason = item.problem or f"no snippet or source {item.ref} exists (was it deleted?)"
                problems.append(f'citation {n} (@{item.ref}): {reason}; the {what} says "{shown}"')
        return notes

    def _note_item(
        self,
        item: CiteItem,
        data: SourceData,
        sid: str,
        seen: set[str],
        previous: tuple[str, str] | None,
    ) -> RichText:
        """The item's note text; the grade, always last, is appended to the cached form."""
        locator = item.locator.strip()
        if (
            self.ibid
            and previous is not None
            and previous[0] == sid
            and (locator or not previous[1])
        ):
            shown = "" if locator == previous[1] else locator
            rt = self._cached(("ibid", shown), _IBID, data, locator=shown)
        else:
            table = self.style.short if sid in seen else self.style.note
            node = self.style.template(table, data.type)
            rt = self._cached(("note", id(table), data, locator), node, data, locator=locator)
        if item.grade and (self.with_grades or self.style.grades_in_notes):
            # Cached too: the same object must come back, as note keys use object ids.
            key = ("graded", id(rt), item.grade)
            graded = self._cache.get(key)
            if graded is None:
                graded = (*rt, RichRun(f" [{item.grade}]"))
                self._store(key, graded)
            rt = graded
        return rt

    def _intext_item(self, item: CiteItem, data: SourceData, suffix: str, number: int) -> RichText:
        node = self.style.intext
        assert node is not None, f"style {self.style.key} has no in-text template"
        locator = item.locator.strip()
        key = ("intext", data, locator, suffix, number)
        return self._cached(key, node, data, locator=locator, year_suffix=suffix, number=number)

    def _entry(self, data: SourceData, suffix: str, number: int) -> RichText:
        style = self.style
        label = style.bib_label.format(n=number) if style.bib_label else ""
        key = ("bib", data, suffix, number if label else 0, self.with_grades)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        node = style.template(style.bibliography, data.type)
        rt = self._render(node, data, year_suffix=suffix, number=number)
        rt = _end(rt, style)
        if self.with_grades and data.reliability:
            rt = rt + plain(f" [{data.reliability}]")
        rt = merge(plain(label) + rt)
        self._store(key, rt)
        return rt

    # -- rendering and cache --------------------------------------------------------------

    def _cached(
        self, key: tuple[object, ...], node: object, data: SourceData, **details: object
    ) -> RichText:
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        rt = self._render(node, data, **details)
        self._store(key, rt)
        return rt

    def _render(self, node: object, data: SourceData, **details: object) -> RichText:
        self.renders += 1
        return render(node, Context(data, self.style, **details))  # type: ignore[arg-type]

    def _store(self, key: tuple[object, ...], rt: RichText) -> None:
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[key] = rt

    def _missing_text(self, item: CiteItem) -> str:
        if self.style.kind_is_note or self.style.wrap_each_item:
            return f"[missing source {item.ref}]"
        return f"missing source {item.ref}"

    def _assemble(self, items: list[RichText]) -> RichText:
        style = self.style
        if style.kind_is_note:
            note = join(items, "; ", in_quote=style.punct_in_quote)
            return merge(capitalise_first(add_punct(note, ".", in_quote=style.punct_in_quote)))
        body = join(items, style.intext_delim, in_quote=style.punct_in_quote)
        return merge(plain(style.intext_open) + body + plain(style.intext_close))


def _affix(rt: RichText, item: CiteItem, style: Style) -> RichText:
    """Prefix ("see") before the item; suffix after it, after a comma unless bracketed."""
    prefix, suffix = item.prefix.strip(), item.suffix.strip()
    if prefix:
        rt = plain(prefix + " ") + rt
    if suffix:
        if suffix[0] in "([":
            rt = rt + plain(" " + suffix)
        elif suffix[0] in ",;:.":
            rt = add_punct(rt, suffix[0], in_quote=style.punct_in_quote) + plain(suffix[1:])
        else:
            rt = add_punct(rt, ",", in_quote=style.punct_in_quote) + plain(" " + suffix)
    return rt


def _end(rt: RichText, style: Style) -> RichText:
    """Close an entry with a period, except after a URL in styles that forbid it (APA, IEEE)."""
    if not rt:
        return rt
    if rt[-1].link and not style.period_after_url:
        return rt
    if last_char(rt) == ")" and rt[-1].text.endswith(")"):
        return add_punct(rt, ".", in_quote=style.punct_in_quote)
    return add_punct(rt, ".", in_quote=style.punct_in_quote)


def _sort_key(rt: RichText) -> tuple[str, str]:
    text = "".join(r.text for r in rt)
    text = re.sub(r"^\[\d+\]\s*", "", text)
    return (_SORT_SKIP.sub("", text).casefold(), text)


def _markdown(rt: RichText) -> str:
    from .rich import rich_to_markdown

    return rich_to_markdown(rt)


__all__ = ["CitationEngine", "FormattedCitations", "RichRun", "available_styles", "get_style"]
