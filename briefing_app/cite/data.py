"""What the styles read from a Source: normalised, hashable fields and metadata problems."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing_app.model.source import Source

from .dates import Date, read_date
from .names import Name

#: Function words a Chicago short title does not end on ("Title of the" -> "Title").
_FUNCTION_WORDS = frozenset(
    """a an the of and or but nor for to in on at by with from as into about over under after
    before between against during across near through""".split()  # noqa: SIM905
)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


@dataclass(frozen=True, eq=False)
class SourceData:
    """One source as the styles see it; it keys the cache.

    Compared by identity (fast hashing): the engine interns one SourceData per distinct
    `snapshot`, so equal metadata gives the very same object.
    """

    id: str
    type: str
    title: str
    short_title: str
    names: tuple[Name, ...]
    container: str
    publisher: str
    issued: Date | None
    accessed: Date | None
    url: str
    handle: str
    genre: str
    number: str
    reliability: str
    problems: tuple[str, ...]

    @property
    def originator(self) -> str:
        """Who issued it: the named authors, else the outlet or publisher (intelligence style)."""
        return "; ".join(n.full() for n in self.names) or self.container or self.publisher


def snapshot(source: Source) -> tuple[object, ...]:
    """Every field that affects rendering, as a hashable tuple."""
    return (
        source.id, source.type, source.title,
        tuple((a.family, a.given, a.literal) for a in source.authors),
        source.container_title, source.publisher, source.issued, source.url, source.accessed,
        source.reliability, tuple(sorted((source.extra or {}).items())),
    )  # fmt: skip


def source_data(source: Source) -> SourceData:
    """Read a Source without ever raising: missing or broken fields become problems."""
    problems: list[str] = []
    title = " ".join(str(source.title or "").split())
    if not title:
        problems.append("has no title; it is left out")
    issued, issued_problem = read_date(source.issued)
    if issued_problem:
        problems.append(issued_problem)
    accessed, accessed_problem = read_date(source.accessed)
    if accessed_problem:
        problems.append("access date " + accessed_problem.removeprefix("has an "))
    names = tuple(
        Name(a.family.strip(), a.given.strip(), a.literal.strip())
        for a in source.authors
        if (a.family or a.given or a.literal).strip()
    )
    extra = {str(k): str(v) for k, v in (source.extra or {}).items()}
    handle = extra.get("handle", "").strip()
    if handle and not handle.startswith("@"):
        handle = "@" + handle
    return SourceData(
        id=source.id,
        type=source.type if source.type else "other",
        title=title,
        short_title=extra.get("title-short", "").strip() or short_title(title),
        names=names,
        container=" ".join(source.container_title.split()),
        publisher=" ".join(source.publisher.split()),
        issued=issued,
        accessed=accessed,
        url=source.url.strip(),
        handle=handle,
        genre=extra.get("genre", "").strip(),
        number=extra.get("number", "").strip(),
        reliability=str(source.reliability or "").strip().upper(),
        problems=tuple(problems),
    )


def short_title(title: str, limit: int = 4) -> str:
    """Chicago's short title: the main title (no subtitle), no leading article, <= 4 words."""
    main = re.split(r":\s", title, maxsplit=1)[0].strip()
    main = _LEADING_ARTICLE.sub("", main) if len(main.split()) > limit else main
    words = main.split()
    if len(words) <= limit:
        return main
    words = words[:limit]
    while len(words) > 1 and words[-1].lower().strip(",;") in _FUNCTION_WORDS:
        words.pop()
    return " ".join(words).rstrip(",;:")
