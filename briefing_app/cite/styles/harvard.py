"""Harvard as in Cite Them Right (12th ed.): "(Smith, 2025, p. 4)" and a reference list."""

from __future__ import annotations

from ..style import Style
from ..template import V, Wrap, first, seq

_YEAR = Wrap("(", V("year", fallback="no date"), ")")
_ONLINE = seq(" ", V("url", prefix="Available at: "),
              V("accessed", "dmy", prefix="(Accessed: ", suffix=")"))  # fmt: skip


def _lead(alternative: V) -> object:
    return seq(" ", first(V("names", "harvard"), alternative), _YEAR)


BIBLIOGRAPHY = {
    # Smith, J. (2025) 'Title', *Outlet*, 7 November. Available at: URL (Accessed: 8 November 2025).
    "article": seq(". ", seq(" ", _lead(V("title", quoted=True)),
                             seq(", ", V("title", quoted=True), V("container", italic=True),
                                 V("date", "day-month"))), _ONLINE),
    # Smith, J. [@handle] (2025) Post text [X] 7 November. Available at: ...
    "social": seq(". ", seq(" ", _lead(V("title")), V("title"),
                            V("container", prefix="[", suffix="]"), V("date", "day-month")),
                  _ONLINE),
    # Organisation (2025) *Report title*. Publisher. Available at: ...
    "report": seq(". ", seq(" ", _lead(V("title", italic=True)), V("title", italic=True)),
                  V("publisher", "distinct"), _ONLINE),
    # Ministry (2025) *Statement title* [Press release]. 7 November. Available at: ...
    "other": seq(". ", seq(" ", _lead(V("title", italic=True)), V("title", italic=True),
                           V("genre", prefix="[", suffix="]", cap=True)),
                 V("container"), V("date", "day-month"), _ONLINE),
}  # fmt: skip

STYLE = Style(
    key="harvard",
    name="Harvard (Cite Them Right 12th edition)",
    kind="author-date",
    intext=seq(", ", first(V("names", "family-harvard"), V("title", "short", quoted=True)),
               V("year", fallback="no date"), V("locator")),
    bibliography=BIBLIOGRAPHY,
    quotes=("\u2018", "\u2019"),
    punct_in_quote=False,
    handle_wrap="[{}]",
    disambiguate=True,
)  # fmt: skip
