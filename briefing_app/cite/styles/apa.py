"""APA 7th edition: "(Smith, 2025, p. 4)" and a reference list."""

from __future__ import annotations

from ..style import Style
from ..template import Text, V, first, seq

_NAMES = V("names", "apa")
_DATE = V("date", "apa", prefix="(", suffix=")", fallback="n.d.")
_YEAR = V("date", "year", prefix="(", suffix=")", fallback="n.d.")

BIBLIOGRAPHY = {
    # Smith, J. (2025, November 7). Title of the article. *Outlet Name*. https://...
    "article": seq(". ", first(_NAMES, V("title")), _DATE, V("title"),
                   V("container", italic=True), V("url")),
    # Smith, J. [@handle]. (2025, November 7). *Post text* [Post]. X. https://...
    "social": seq(". ", _NAMES, _DATE, seq(" ", V("title", italic=True), Text("[Post]")),
                  V("container"), V("url")),
    # Organisation. (2025). *Report title*. Publisher. https://...
    "report": seq(". ", first(_NAMES, V("title", italic=True)), _YEAR, V("title", italic=True),
                  V("publisher", "distinct"), V("url")),
    # Ministry. (2025, November 7). *Statement title* [Press release]. Site. https://...
    "other": seq(". ", first(_NAMES, V("title", italic=True)), _DATE,
                 seq(" ", V("title", italic=True), V("genre", prefix="[", suffix="]", cap=True)),
                 V("container"), V("url")),
}  # fmt: skip

STYLE = Style(
    key="apa",
    name="APA 7th edition",
    kind="author-date",
    intext=seq(", ", first(V("names", "family-apa"), V("title", "short", quoted=True)),
               V("date", "year", fallback="n.d."), V("locator")),
    bibliography=BIBLIOGRAPHY,
    handle_wrap="[{}]",
    period_after_url=False,
    disambiguate=True,
)  # fmt: skip
