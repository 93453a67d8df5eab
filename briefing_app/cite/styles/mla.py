"""MLA Handbook 9th edition: "(Smith 4)" and a works-cited list."""

from __future__ import annotations

from ..style import Style
from ..template import V, first, seq

_NAMES = V("names", "mla")
_ACCESSED = V("accessed", "undated-mla", prefix="Accessed ")
_URL = V("url", "bare")

BIBLIOGRAPHY = {
    # Smith, Jane. "Title." *Outlet*, 7 Nov. 2025, example.org/a.
    "article": seq(". ", _NAMES, V("title", quoted=True),
                   seq(", ", V("container", italic=True), V("date", "mla"), _URL), _ACCESSED),
    "social": seq(". ", _NAMES, V("title", quoted=True),
                  seq(", ", V("container", italic=True), V("date", "mla"), _URL), _ACCESSED),
    # Organisation. *Report Title*. Publisher, 2025, example.org/r.
    "report": seq(". ", _NAMES, V("title", italic=True),
                  seq(", ", V("publisher", "distinct"), V("date", "mla"), _URL), _ACCESSED),
    "other": seq(". ", _NAMES, V("title", quoted=True), V("genre", cap=True),
                 seq(", ", V("container", italic=True), V("date", "mla"), _URL), _ACCESSED),
}  # fmt: skip

STYLE = Style(
    key="mla",
    name="MLA Handbook 9th edition",
    kind="author-date",
    intext=seq(" ", first(V("names", "family-mla"), V("title", "short", quoted=True)),
               V("locator")),
    bibliography=BIBLIOGRAPHY,
    handle_wrap="[{}]",
    locator_labels={"p.": "", "pp.": "", "para.": "par.", "paras.": "pars."},
)  # fmt: skip
