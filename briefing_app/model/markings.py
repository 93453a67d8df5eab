"""Handling and classification markings: schemes, levels, portion marks and the banner."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .errors import ValidationError


@dataclass(frozen=True)
class MarkingLevel:
    """One level of a scheme.

    `portion` is what stands in brackets before a paragraph ("U" -> "(U)"), `banner` is the
    spelled-out form at the top and bottom of every page. Colours are hex RGB strings used
    by the exporters; TLP labels are printed in `colour` on `background` (black).
    """

    portion: str
    banner: str
    rank: int
    colour: str
    background: str = "#FFFFFF"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class MarkingScheme:
    key: str
    name: str
    levels: tuple[MarkingLevel, ...]
    #: TLP labels are right-aligned and coloured; classification banners are centred.
    is_tlp: bool = False

    def lookup(self, marking: str) -> MarkingLevel | None:
        wanted = _fold(marking)
        for level in self.levels:
            if wanted in {_fold(level.portion), _fold(level.banner), *map(_fold, level.aliases)}:
                return level
        return None

    def level(self, marking: str, path: str = "marking") -> MarkingLevel:
        found = self.lookup(marking)
        if found is None:
            allowed = ", ".join(level.portion for level in self.levels)
            raise ValidationError(
                f"marking {marking!r} is not in the {self.name} scheme; use one of: {allowed}",
                path,
            )
        return found

    def highest(self, markings: Iterable[str]) -> MarkingLevel | None:
        """The high-water mark of the given portion markings (None when none is marked)."""
        found = [self.level(m) for m in markings if m]
        return max(found, key=lambda lv: lv.rank) if found else None

    def portion_mark(self, marking: str) -> str:
        return f"({self.level(marking).portion})"


def _fold(text: str) -> str:
    return " ".join(str(text).upper().replace("(", "").replace(")", "").split())


_BLACK = "#000000"

SCHEMES: dict[str, MarkingScheme] = {
    "us": MarkingScheme(
        "us",
        "US classification",
        (
            MarkingLevel("U", "UNCLASSIFIED", 0, "#007A33", aliases=("UNCLASS",)),
            MarkingLevel("CUI", "CUI", 1, "#502B85", aliases=("CONTROLLED",)),
            MarkingLevel("C", "CONFIDENTIAL", 2, "#0033A0"),
            MarkingLevel("S", "SECRET", 3, "#C8102E"),
            MarkingLevel("TS", "TOP SECRET", 4, "#FF8C00"),
        ),
    ),
    "uk": MarkingScheme(
        "uk",
        "UK Government Security Classifications",
        (
            MarkingLevel("O", "OFFICIAL", 0, "#000000", aliases=("OFFICIAL",)),
            MarkingLevel("OS", "OFFICIAL-SENSITIVE", 1, "#000000"),
            MarkingLevel("S", "SECRET", 2, "#C8102E"),
            MarkingLevel("TS", "TOP SECRET", 3, "#FF8C00"),
        ),
    ),
    "nato": MarkingScheme(
        "nato",
        "NATO classification",
        (
            MarkingLevel("NU", "NATO UNCLASSIFIED", 0, "#007A33"),
            MarkingLevel("NR", "NATO RESTRICTED", 1, "#000000"),
            MarkingLevel("NC", "NATO CONFIDENTIAL", 2, "#0033A0"),
            MarkingLevel("NS", "NATO SECRET", 3, "#C8102E"),
            MarkingLevel("CTS", "COSMIC TOP SECRET", 4, "#FF8C00"),
        ),
    ),
    "eu": MarkingScheme(
        "eu",
        "EU classified information",
        (
            MarkingLevel("U", "UNCLASSIFIED", 0, "#007A33"),
            MarkingLevel("R-UE", "RESTREINT UE/EU RESTRICTED", 1, "#000000",
                         aliases=("EU-R", "EU RESTRICTED")),
            MarkingLevel("C-UE", "CONFIDENTIEL UE/EU CONFIDENTIAL", 2, "#0033A0",
                         aliases=("EU-C", "EU CONFIDENTIAL")),
            MarkingLevel("S-UE", "SECRET UE/EU SECRET", 3, "#C8102E",
                         aliases=("EU-S", "EU SECRET")),
            MarkingLevel("TS-UE", "TRÈS SECRET UE/EU TOP SECRET", 4, "#FF8C00",
                         aliases=("EU-TS", "EU TOP SECRET")),
        ),
    ),
    "tlp": MarkingScheme(
        "tlp",
        "Traffic Light Protocol 2.0",
        (
            MarkingLevel("TLP:CLEAR", "TLP:CLEAR", 0, "#FFFFFF", _BLACK),
            MarkingLevel("TLP:GREEN", "TLP:GREEN", 1, "#33FF00", _BLACK),
            MarkingLevel("TLP:AMBER", "TLP:AMBER", 2, "#FFC000", _BLACK),
            MarkingLevel("TLP:AMBER+STRICT", "TLP:AMBER+STRICT", 3, "#FFC000", _BLACK),
            MarkingLevel("TLP:RED", "TLP:RED", 4, "#FF2B2B", _BLACK),
        ),
        is_tlp=True,
    ),
}


def get_scheme(key: str | None, path: str = "marking_scheme") -> MarkingScheme | None:
    """The scheme named `key`; None (no markings) for an empty key."""
    if not key:
        return None
    try:
        return SCHEMES[str(key).lower()]
    except KeyError:
        raise ValidationError(
            f"unknown marking scheme {key!r}; use one of: {', '.join(SCHEMES)} (or leave empty)",
            path,
        ) from None
