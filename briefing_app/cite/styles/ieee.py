"""IEEE: numbered in order of first citation, "[3]" or "[3, p. 4]"."""

from __future__ import annotations

from ..style import Style
from ..template import V, Wrap, seq

_ONLINE = V("url", prefix="[Online]. Available: ")
_ACCESSED = V("accessed", "abbr", prefix="Accessed: ")

BIBLIOGRAPHY = {
    # J. Smith, "Title," *Outlet*, Nov. 7, 2025. [Online]. Available: https://...
    "article": seq(". ", seq(", ", V("names", "ieee"), V("title", quoted=True),
                             V("container", italic=True), V("date", "abbr")), _ACCESSED, _ONLINE),
    "social": seq(". ", seq(", ", V("names", "ieee"), V("title", quoted=True), V("container"),
                            V("date", "abbr")), _ACCESSED, _ONLINE),
    # Organisation, "Title," Publisher, Rep. 12, Nov. 2025. [Online]. Available: ...
    "report": seq(". ", seq(", ", V("names", "ieee"), V("title", quoted=True),
                            V("publisher", "distinct"), V("number", prefix="Rep. "),
                            V("date", "abbr")), _ACCESSED, _ONLINE),
    "other": seq(". ", seq(", ", V("names", "ieee"), V("title", quoted=True), V("genre"),
                           V("container"), V("date", "abbr")), _ACCESSED, _ONLINE),
}  # fmt: skip

STYLE = Style(
    key="ieee",
    name="IEEE",
    kind="numeric",
    intext=Wrap("[", seq(", ", V("citation-number"), V("locator")), "]"),
    bibliography=BIBLIOGRAPHY,
    intext_open="",
    intext_close="",
    intext_delim=", ",
    wrap_each_item=True,
    period_after_url=False,
    bib_order="citation",
    bib_label="[{n}] ",
)
