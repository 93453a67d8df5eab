"""Text hygiene shared by every entry point: control characters out, whitespace-blind matching."""

from __future__ import annotations

import re
import unicodedata

# Characters XML 1.0 cannot hold (python-docx raises on them) plus the non-characters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")

_TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ",
    }
)


def clean_text(text: str) -> str:
    """Strip characters that cannot live in XML documents; keep tabs and newlines.

    Done once where text enters the model, so every exporter can trust it.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", _CONTROL.sub("", text))


def fold_for_match(ch: str) -> str:
    """One character as compared by quote matching: typographic quotes/dashes made plain."""
    return ch.translate(_TYPOGRAPHIC)


def find_quote(haystack: str, quote: str) -> list[tuple[int, int]]:
    """All (start, end) spans of `quote` in `haystack`, ignoring whitespace differences,
    line breaks, typographic quotes/dashes and Unicode normal form.

    Offsets refer to `haystack` as given, so a snippet can point into the captured text.
    """
    needle = _squeeze(unicodedata.normalize("NFC", quote).translate(_TYPOGRAPHIC))
    if not needle:
        return []
    folded, index = _fold_with_index(haystack)
    spans: list[tuple[int, int]] = []
    start = folded.find(needle)
    while start != -1:
        end = start + len(needle)
        spans.append((index[start], index[end - 1] + 1))
        start = folded.find(needle, start + 1)
    return spans


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _fold_with_index(text: str) -> tuple[str, list[int]]:
    """Fold `text` for matching, remembering the original offset of every folded char."""
    out: list[str] = []
    index: list[int] = []
    in_space = True  # drop leading whitespace
    for i, ch in enumerate(text):
        ch = ch.translate(_TYPOGRAPHIC)
        if ch.isspace():
            if not in_space:
                out.append(" ")
                index.append(i)
            in_space = True
            continue
        in_space = False
        out.append(ch)
        index.append(i)
    folded = "".join(out)
    return folded, index
