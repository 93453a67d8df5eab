"""Chicago Manual of Style (17th ed.), notes and bibliography: the default style."""

from __future__ import annotations

from ..style import Style
from ..template import V, Wrap, first, seq

_NAMES = V("names", "given-first")
_DATE_OR_ACCESSED = first(V("date", "long"), V("accessed", "long", prefix="accessed "))
_BIB_NAMES = V("names", "family-first")
_BIB_ACCESSED = V("accessed", "undated-long", prefix="Accessed ")

NOTE = {
    # Jane Smith, "Title," *Outlet*, November 7, 2025, 4, https://...
    "article": seq(", ", _NAMES, V("title", quoted=True), V("container", italic=True),
                   _DATE_OR_ACCESSED, V("locator"), V("url")),
    # Jane Smith (@handle), "Post," X, November 7, 2025, https://...
    "social": seq(", ", _NAMES, V("title", quoted=True), V("container"), _DATE_OR_ACCESSED,
                  V("locator"), V("url")),
    # Organisation, *Report Title* (Publisher, 2025), 4, https://...
    "report": seq(", ", _NAMES,
                  seq(" ", V("title", italic=True),
                      Wrap("(", seq(", ", V("publisher", "distinct"), V("year")), ")")),
                  V("locator"), V("url")),
    # Ministry, "Statement," press release, Site, November 7, 2025, https://...
    "other": seq(", ", _NAMES, V("title", quoted=True), V("genre"), V("container"),
                 _DATE_OR_ACCESSED, V("locator"), V("url")),
}  # fmt: skip

_SHORT_QUOTED = seq(", ", first(V("names", "family"), V("title", "short", quoted=True)),
                    V("title", "short", quoted=True), V("locator"))  # fmt: skip
SHORT = {
    "report": seq(", ", first(V("names", "family"), V("title", "short", italic=True)),
                  V("title", "short", italic=True), V("locator")),
    "other": _SHORT_QUOTED,
}  # fmt: skip

BIBLIOGRAPHY = {
    # Unsigned news: the outlet stands in for the author (CMOS 14.207).
    "article": seq(". ", first(_BIB_NAMES, V("container", italic=True)), V("title", quoted=True),
                   seq(", ", V("container", italic=True), V("date", "long")), _BIB_ACCESSED,
                   V("url")),
    "social": seq(". ", _BIB_NAMES, V("title", quoted=True),
                  seq(", ", V("container"), V("date", "long")), _BIB_ACCESSED, V("url")),
    "report": seq(". ", _BIB_NAMES, V("title", italic=True),
                  seq(", ", V("publisher", "distinct"), V("year")), V("url")),
    "other": seq(". ", _BIB_NAMES, V("title", quoted=True),
                 seq(", ", V("genre", cap=True), V("container"), V("date", "long")), _BIB_ACCESSED,
                 V("url")),
}  # fmt: skip

STYLE = Style(
    key="chicago-notes",
    name="Chicago Manual of Style 17th edition (notes and bibliography)",
    kind="note",
    note=NOTE,
    short=SHORT,
    bibliography=BIBLIOGRAPHY,
    ibid=True,
    locator_labels={"p.": "", "pp.": ""},
)
