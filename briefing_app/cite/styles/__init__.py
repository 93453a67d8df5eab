"""The styles we offer, by key; each module holds one style as data."""

from __future__ import annotations

from ..style import Style
from . import apa, chicago_author_date, chicago_notes, harvard, ieee, intelligence, mla

STYLES: dict[str, Style] = {
    s.key: s
    for s in (
        chicago_notes.STYLE,
        chicago_author_date.STYLE,
        apa.STYLE,
        harvard.STYLE,
        ieee.STYLE,
        mla.STYLE,
        intelligence.STYLE,
    )
}
DEFAULT_STYLE = "chicago-notes"
