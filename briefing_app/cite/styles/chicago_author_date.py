"""Chicago Manual of Style (17th ed.), author-date: "(Smith 2025, 4)" and a reference list."""

from __future__ import annotations

from ..style import Style
from ..template import V, first, seq

_NAMES = V("names", "family-first")
_YEAR = V("year", fallback="n.d.")
_ACCESSED = V("accessed", "undated-long", prefix="Accessed ")

BIBLIOGRAPHY = {
    # Smith, Jane. 2025. "Title." *Outlet*, November 7, 2025. https://...
    "article": seq(". ", first(_NAMES, V("container", italic=True)), _YEAR,
                   V("title", quoted=True),
                   seq(", ", V("container", italic=True), V("date", "long")), _ACCESSED, V("url")),
    "social": seq(". ", _NAMES, _YEAR, V("title", quoted=True),
                  seq(", ", V("container"), V("date", "long")), _ACCESSED, V("url")),
    "report": seq(". ", first(_NAMES, V("title", italic=True)), _YEAR, V("title", italic=True),
                  V("publisher", "distinct"), V("url")),
    "other": seq(". ", first(_NAMES, V("title", quoted=True)), _YEAR, V("title", quoted=True),
                 seq(", ", V("genre", cap=True), V("container"), V("date", "long")), _ACCESSED,
                 V("url")),
}  # fmt: skip

STYLE = Style(
    key="chicago-author-date",
    name="Chicago Manual of Style 17th edition (author-date)",
    kind="author-date",
    # Unsigned news is cited by the paper's name, as its reference-list entry begins.
    intext=seq(", ", seq(" ", first(V("names", "family-ad"), V("container", italic=True),
                                    V("title", "short", quoted=True)), _YEAR),
               V("locator")),
    bibliography=BIBLIOGRAPHY,
    locator_labels={"p.": "", "pp.": ""},
    disambiguate=True,
)  # fmt: skip
