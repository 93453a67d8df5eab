"""Our intelligence endnote style, after source reference citations (ICD 206).

Every note names the originator, title, publication date, locator, URL, access date and the
Admiralty grade, e.g. "[B2]". Repeats use a short form, never "ibid.": a reader checking one
note must not have to page back to find the source.
"""

from __future__ import annotations

from ..style import Style
from ..template import V, first, seq

_ORIGINATOR = first(V("names", "given-first"), V("container", italic=True), V("publisher"))
_DETAILS = seq(
    ", ",
    V("title", quoted=True),
    V("container", italic=True),
    V("publisher", "distinct"),
    V("date", "dmy"),
    V("locator"),
    V("url"),
    V("accessed", "dmy", prefix="accessed "),
)
NOTE = {"other": seq(", ", _ORIGINATOR, _DETAILS)}  # the engine appends the grade: " [B2]"
SHORT = {
    "other": seq(
        ", ",
        first(V("names", "family"), V("container", italic=True), V("publisher")),
        V("title", "short", quoted=True),
        V("locator"),
    ),
}
BIBLIOGRAPHY = {
    "other": seq(". ", first(V("names", "family-first"), V("container", italic=True),
                             V("publisher")),
                 V("title", quoted=True),
                 seq(", ", V("container", italic=True), V("publisher", "distinct"),
                     V("date", "dmy")),
                 V("url"), V("accessed", "dmy", prefix="Accessed ")),
}  # fmt: skip

STYLE = Style(
    key="intelligence",
    name="Intelligence source reference citations (Briefing Studio)",
    kind="note",
    note=NOTE,
    short=SHORT,
    bibliography=BIBLIOGRAPHY,
    grades_in_notes=True,
)
