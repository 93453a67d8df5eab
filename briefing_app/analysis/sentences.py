"""Sentence splitting for briefing prose: abbreviations, decimals, quotations and citations.

The checks judge sentences ("states a number without a citation"), so the splitter must not
cut "Gen. Syrskyi", "approx. 3.5 km", "e.g. the T0504" or a quoted sentence in two, and a
citation written after the full stop ("... troops. [@sn3]") belongs to the sentence before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.citation import CITATION_GROUP, Citation, parse_citation_group
from ..model.inline import CiteRun, TextRun, parse_inline

#: Stands in for a citation point inside the plain text while splitting (private use area,
#: so it never occurs in real text).
_CITE = "\ue000"

#: Words that end with a full stop but rarely end a sentence (compared lower-case, no dot).
_ABBREVIATED = """
    e.g i.e cf vs viz approx ca c est incl excl esp al ibid op
    no nos p pp para paras fig figs vol vols ch chap sec art ed eds rev repr n nn
    mr mrs ms dr prof gen lt col maj capt cpt sgt cpl pte pvt adm brig cmdr cdr gov sen rep
    pres st mt ft jr sr hon dept govt univ corp inc ltd bros
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
"""
ABBREVIATIONS = frozenset(_ABBREVIATED.split())

_TERMINALS = ".!?…"
_OPEN_QUOTES = "“«„‘"
_CLOSE_QUOTES = "”»’"
_CLOSERS = ")]" + _CLOSE_QUOTES
_MARKUP = re.compile(r"[*_\\]|\]\(")
_INTERESTING = re.compile(r'[\n.!?…"“”«»„‘’]')


@dataclass(frozen=True)
class Sentence:
    """One sentence as readers see it (citations removed) and the citations it carries."""

    text: str
    citations: tuple[Citation, ...] = ()

    @property
    def cited(self) -> bool:
        return bool(self.citations)


def split_markdown(text: str) -> list[Sentence]:
    """Sentences of a paragraph written in the inline Markdown of `model.inline`."""
    plain, points = _plain_with_citation_marks(text)
    pieces = _attach_leading_citations(split_plain_spans(plain))
    sentences: list[Sentence] = []
    cursor = 0
    for piece in pieces:
        count = piece.count(_CITE)
        cites = tuple(c for group in points[cursor : cursor + count] for c in group)
        cursor += count
        words = " ".join(piece.replace(_CITE, " ").split())
        words = re.sub(r"\s+([.,;:!?)\]])", r"\1", words)  # "troops [@sn3]." -> "troops."
        if words or cites:
            sentences.append(Sentence(words, cites))
    return sentences


def _plain_with_citation_marks(text: str) -> tuple[str, list[tuple[Citation, ...]]]:
    """The paragraph as readers see it, each citation point replaced by one `_CITE` mark.

    Text without emphasis, escapes or links (most paragraphs) only needs its citation groups
    found, which is much faster than the full inline parser and gives the same result.
    """
    text = text.replace(_CITE, "")
    points: list[tuple[Citation, ...]] = []
    if not _MARKUP.search(text):

        def mark(m: re.Match[str]) -> str:
            group = parse_citation_group(m.group("body"))
            if group is None:
                return m.group(0)
            points.append(tuple(group))
            return _CITE

        return CITATION_GROUP.sub(mark, text), points
    plain: list[str] = []
    for run in parse_inline(text):
        if isinstance(run, CiteRun):
            plain.append(_CITE)
            points.append(run.citations)
        elif isinstance(run, TextRun):
            plain.append(run.text)
    return "".join(plain), points


def split_plain(text: str) -> list[str]:
    """Sentences of plain text (key judgments, narratives), whitespace squeezed."""
    return [" ".join(s.split()) for s in split_plain_spans(text) if s.strip()]


def split_plain_spans(text: str) -> list[str]:
    """The text cut at sentence ends; pieces keep their whitespace so nothing is lost.

    A quotation left open (a missing closing mark) would swallow the rest of the paragraph
    into one sentence, so then the text is split again as if it had no quotation marks.
    """
    pieces, balanced = _split(text, quotes=True)
    return pieces if balanced else _split(text, quotes=False)[0]


def _split(text: str, *, quotes: bool) -> tuple[list[str], bool]:
    pieces: list[str] = []
    start = 0
    depth = 0  # open quotations: a full stop inside one does not end the sentence
    skip_to = 0
    # Only these characters can change anything; jumping between them keeps long
    # briefings fast (the check runs on every edit in the UI).
    for m in _INTERESTING.finditer(text):
        i = m.start()
        if i < skip_to:
            continue
        ch = text[i]
        if ch == "\n":
            if text.startswith("\n\n", i):
                pieces.append(text[start:i])
                start = i
        elif ch in _TERMINALS:
            end, depth_after = _sentence_end(text, i, depth)
            if end is not None:
                pieces.append(text[start:end])
                start = skip_to = end
                depth = depth_after
        elif not quotes:
            continue
        elif ch in _OPEN_QUOTES and _opens_quote(text, i):
            depth += 1
        elif ch in _CLOSE_QUOTES and depth and not _apostrophe(text, i):
            depth -= 1
        elif ch == '"':
            depth = depth + 1 if _opens_quote(text, i) else max(0, depth - 1)
    pieces.append(text[start:])
    return [p for p in pieces if p.strip()], depth == 0


def _apostrophe(text: str, i: int) -> bool:
    """ "ring’s", "troops’ lines" at a word end is an apostrophe when a letter follows."""
    return text[i] == "’" and i + 1 < len(text) and text[i + 1].isalpha()


def _opens_quote(text: str, i: int) -> bool:
    """A quote mark opens when it starts a word (after space, bracket or another opener);
    a typographic apostrophe inside a word ("ring’s") is not a quote mark at all."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == "‘" and before.isalnum():
        return False
    return (before.isspace() or before in "([—–-/" + _OPEN_QUOTES + _CITE) and not after.isspace()


def _sentence_end(text: str, i: int, depth: int) -> tuple[int | None, int]:
    """Where the sentence ends if the terminal at `i` ends it, with the quote depth after."""
    j = i
    while j < len(text) and text[j] in _TERMINALS:
        j += 1
    if text[i] == "." and j == i + 1 and _is_abbreviation(text, i):
        return None, depth
    while j < len(text) and (text[j] in _CLOSERS or text[j] == '"'):
        if text[j] in _CLOSE_QUOTES or text[j] == '"':
            depth = max(0, depth - 1)
        j += 1
    if depth:
        return None, depth
    k = j
    while k < len(text) and text[k].isspace():
        k += 1
    if k == len(text):
        return len(text), 0
    if k == j or not _starts_sentence(text, k):
        return None, depth
    return j, 0


def _starts_sentence(text: str, k: int) -> bool:
    ch = text[k]
    if ch.isupper() or ch == _CITE:
        return True
    if ch in _OPEN_QUOTES or ch in '"(':
        rest = text[k + 1 : k + 2]
        return bool(rest) and (rest.isupper() or rest.isdigit())
    return False


def _is_abbreviation(text: str, i: int) -> bool:
    """The word before the full stop at `i` is a known abbreviation or an initial."""
    k = i
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:i]
    if not word:
        return False
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith", "Unit A. Then" is rare enough to accept
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        return True  # "e.g", "i.e", "U.S"
    return word.lower() in ABBREVIATIONS


# ---------------------------------------------------------------- quotations

_QUOTATION = re.compile(
    r'(?<![\w"])"(?P<straight>[^"\n]+?)"(?!\w)'
    r"|“(?P<curly>[^”\n]+)”"
    r"|«(?P<guillemets>[^»\n]+)»"
    r"|„(?P<low>[^“”\n]+)[“”]"
    r"|(?<!\w)‘(?P<single>[^‘\n]+?)’(?!\w)"
)

_QUOTE_MARKS = ('"', "“", "«", "„", "‘")

#: Fewer words than this in quotation marks are scare quotes ("so-called"), not a quotation.
MIN_QUOTATION_WORDS = 3


def quotations(text: str) -> list[str]:
    """Quoted passages of at least MIN_QUOTATION_WORDS words, in order."""
    if not any(mark in text for mark in _QUOTE_MARKS):
        return []
    found = []
    for m in _QUOTATION.finditer(text):
        inner = next(g for g in m.groups() if g is not None)
        if len(inner.split()) >= MIN_QUOTATION_WORDS:
            found.append(inner.strip())
    return found


def without_quotations(text: str) -> str:
    """The text with quoted passages blanked: a source's words are not our judgment."""
    if not any(mark in text for mark in _QUOTE_MARKS):
        return text
    return _QUOTATION.sub(lambda m: " " * len(m.group(0)), text)


def _attach_leading_citations(pieces: list[str]) -> list[str]:
    """A piece that opens with citations ("[@sn1] Next ...") hands them to the piece before."""
    out: list[str] = []
    for piece in pieces:
        stripped = piece.lstrip()
        lead = len(stripped) - len(stripped.lstrip(_CITE + " \t\n.,;:"))
        head = stripped[:lead]
        if out and _CITE in head:
            out[-1] += head
            piece = stripped[lead:]
        if piece.strip():
            out.append(piece)
        elif out:
            out[-1] += piece
    return out
