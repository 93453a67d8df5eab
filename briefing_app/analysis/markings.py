"""Marking rules: every portion marked once any is, none above the banner, none unknown."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model.blocks import Block, Chart, Paragraph
from ..model.errors import ValidationError
from ..model.markings import MarkingScheme, get_scheme
from .context import CheckContext
from .findings import Finding, Location, finding
from .sentences import split_markdown

#: A portion mark typed at the start of a paragraph, e.g. "(S//NF)" or "(FOUO)" pasted in
#: from another product: upper-case letters, digits and the separators markings use.
_INLINE_MARK = re.compile(r"^\s*\((?P<mark>[A-Z][A-Z0-9 :+/-]{0,30})\)\s")


@dataclass(frozen=True)
class Portion:
    """One markable part: a heading, a block, an item or a caption."""

    location: Location
    kind: str  # heading, block, caption or item: how the message names it
    label: str
    marking: str
    block: Block | None = None  # named from its text only when a finding needs the name

    @property
    def name(self) -> str:
        return block_name(self.block) if self.block is not None else self.label


def portions(ctx: CheckContext) -> Iterator[Portion]:
    for s, section in enumerate(ctx.briefing.sections):
        yield Portion(ctx.where(s), "heading", section.heading, section.marking)
        for b, block in enumerate(section.blocks):
            yield Portion(ctx.where(s, b), "block", "", block.marking, block)
            if isinstance(block, Chart):
                yield Portion(
                    ctx.where(s, b),
                    "caption",
                    block.spec.caption or "chart caption",
                    block.caption_marking,
                )
            for item in getattr(block, "items", []):
                name = getattr(item, "name", "") or getattr(item, "title", "") or item.text
                yield Portion(ctx.where(s, b, item=item.id), "item", name, item.marking)


def block_name(block: Block) -> str:
    """How a finding names a block: its opening words, title or caption."""
    if isinstance(block, Paragraph):
        return " ".join(s.text for s in split_markdown(block.text))
    if isinstance(block, Chart):
        return block.spec.title or block.spec.caption or "chart"
    caption = getattr(block, "caption", "")
    return caption or f"{block.type.replace('_', ' ')} block"


def check_markings(ctx: CheckContext) -> Iterator[Finding]:
    briefing = ctx.briefing
    try:
        scheme = get_scheme(briefing.marking_scheme)
    except ValidationError:
        scheme = None
        yield finding(
            "unknown-marking",
            Location(),
            briefing.marking_scheme,
            f"The marking scheme {briefing.marking_scheme!r} is unknown; choose us, uk, nato, "
            "eu or tlp in the briefing's settings.",
        )
        return
    parts = list(portions(ctx))
    if scheme is None:
        yield from _marked_without_scheme(parts)
        return
    banner = scheme.lookup(briefing.classification) if briefing.classification else None
    if briefing.classification and banner is None:
        yield _unknown(Location(), "banner", briefing.classification, scheme)
    marked = [p for p in parts if p.marking]
    for p in parts:
        if not p.marking:
            if marked:
                yield finding(
                    "unmarked-portion",
                    p.location,
                    p.name,
                    f"This {p.kind} has no portion marking while {len(marked)} other "
                    f"portions are marked; mark it (e.g. "
                    f"{scheme.portion_mark(scheme.levels[0].portion)}).",
                )
            continue
        level = scheme.lookup(p.marking)
        if level is None:
            yield _unknown(p.location, p.name, p.marking, scheme)
        elif banner is not None and level.rank > banner.rank:
            yield finding(
                "portion-above-banner",
                p.location,
                p.name,
                f"This portion is marked ({level.portion}), above the banner "
                f"{briefing.classification!r}; raise the banner or re-mark the portion.",
            )
    yield from _inline_marks(ctx, scheme)


def _inline_marks(ctx: CheckContext, scheme: MarkingScheme) -> Iterator[Finding]:
    """A mark typed into the text is printed as well as the portion's own; flag the ones
    the scheme does not know (they would leave the building unexplained)."""
    for s, b, block in ctx.blocks():
        if not isinstance(block, Paragraph):
            continue
        m = _INLINE_MARK.match(block.text)
        if m and scheme.lookup(m.group("mark")) is None:
            yield _unknown(
                ctx.where(s, b, sentence=1),
                f"({m.group('mark')})",
                m.group("mark"),
                scheme,
                typed=True,
            )


def _marked_without_scheme(parts: list[Portion]) -> Iterator[Finding]:
    for p in parts:
        if p.marking:
            yield finding(
                "unknown-marking",
                p.location,
                p.name,
                f"This portion is marked {p.marking!r} but the briefing has no marking scheme; "
                "choose one (us, uk, nato, eu, tlp) or remove the marking.",
            )


def _unknown(
    where: Location, name: str, marking: str, scheme: MarkingScheme, typed: bool = False
) -> Finding:
    allowed = ", ".join(level.portion for level in scheme.levels)
    how = (
        "Delete the typed mark and set the paragraph's portion marking instead"
        if typed
        else "Use one of its levels"
    )
    return finding(
        "unknown-marking",
        where,
        name,
        f"The marking {marking!r} is not in the {scheme.name} scheme ({allowed}). {how}.",
    )
