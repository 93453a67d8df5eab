"""The fonts PDF and preview typeset with, and which characters of a document they cannot show.

Typst silently substitutes a box for a character no font has; we check every character
of the user's text against the shipped fonts' character maps first and report the gaps,
so an analyst learns that the Thai quote will not print before a reader does.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from ...paths import resources_dir

#: Shipped with the product (see resources/fonts/README.md for the licences).
FONT_FILES = (
    "LinLibertine_R.otf",
    "LinLibertine_RI.otf",
    "LinLibertine_RB.otf",
    "LinLibertine_RBI.otf",
    "LinBiolinum_R.otf",
    "LinBiolinum_RB.otf",
    "LinBiolinum_RI.otf",
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
)
#: Characters that are layout controls, not glyphs: no font needs to draw them.
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}


def font_dir() -> Path:
    return resources_dir() / "fonts"


def font_paths() -> list[Path]:
    folder = font_dir()
    missing = [name for name in FONT_FILES if not (folder / name).is_file()]
    if missing:
        from ..atomic import ExportError

        raise ExportError(
            f"the bundled fonts are missing from {folder} ({', '.join(missing)}); "
            "reinstall Briefing Studio"
        )
    return [folder / name for name in FONT_FILES]


#: The union of the shipped fonts' character maps as ranges, precomputed because reading
#: nine cmaps with fontTools costs about 0.4 s of every cold export. A test keeps it true;
#: regenerate with `python -m briefing_app.export.pdf.fonts` after changing the fonts.
COVERAGE_FILE = "coverage.txt"


@lru_cache(maxsize=1)
def covered_codepoints() -> frozenset[int]:
    """Every code point some shipped font can draw."""
    table = font_dir() / COVERAGE_FILE
    if not table.is_file():
        return cmap_codepoints()
    covered: set[int] = set()
    for line in table.read_text(encoding="ascii").split():
        first, _, last = line.partition("-")
        covered.update(range(int(first, 16), int(last or first, 16) + 1))
    return frozenset(covered)


def cmap_codepoints() -> frozenset[int]:
    """The union of the shipped fonts' character maps, read from the font files."""
    from fontTools.ttLib import TTFont

    covered: set[int] = set()
    for path in font_paths():
        with TTFont(path, lazy=True) as font:
            covered.update(font.getBestCmap() or {})
    return frozenset(covered)


def coverage_ranges(points: frozenset[int]) -> list[str]:
    ranges: list[str] = []
    ordered = sorted(points)
    start = prev = ordered[0]
    for cp in [*ordered[1:], -1]:
        if cp != prev + 1:
            ranges.append(f"{start:04X}" if start == prev else f"{start:04X}-{prev:04X}")
            start = cp
        prev = cp
    return ranges


def uncovered(text: str) -> list[str]:
    """The distinct characters of `text` that no shipped font has, in first-seen order."""
    covered = covered_codepoints()
    missing = {ch for ch in set(text) if ord(ch) not in covered and _needs_glyph(ch)}
    return sorted(missing, key=text.index)


def _needs_glyph(ch: str) -> bool:
    if ch.isspace() or unicodedata.category(ch) in _INVISIBLE_CATEGORIES:
        return False
    # Variation selectors and emoji skin-tone modifiers only alter the character before them.
    return not (0xFE00 <= ord(ch) <= 0xFE0F or 0x1F3FB <= ord(ch) <= 0x1F3FF)


def coverage_problem(text: str) -> str | None:
    """One message naming the characters the PDF cannot show, or None when all can be."""
    missing = uncovered(text)
    if not missing:
        return None
    shown = ", ".join(f"{ch} (U+{ord(ch):04X} {_name(ch)})" for ch in missing[:12])
    more = f" and {len(missing) - 12} more" if len(missing) > 12 else ""
    return (
        f"the PDF fonts cannot show {len(missing)} character(s): {shown}{more}; they print "
        "as empty boxes. Transliterate or translate that text, or use the HTML export"
    )


def _name(ch: str) -> str:
    return unicodedata.name(ch, "unnamed").lower()


if __name__ == "__main__":
    (font_dir() / COVERAGE_FILE).write_text(
        "\n".join(coverage_ranges(cmap_codepoints())) + "\n", encoding="ascii"
    )
