"""Metadata a reader sees at the top of a text: title line, dateline, byline, thread marks.

Detection only proposes values; the analyst can edit them, and command-line flags win.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.source import SOURCE_TYPES, thread_post_locators
from .dates import parse_date

_HEADER_LINES = 8  # a header is short; deeper lines are body text
_TITLE_MAX = 160

_KEYS = {
    "title": "title",
    "headline": "title",
    "заголовок": "title",
    "author": "author",
    "authors": "author",
    "by": "author",
    "byline": "author",
    "автор": "author",
    "date": "date",
    "dated": "date",
    "published": "date",
    "posted": "date",
    "updated": "date",
    "дата": "date",
    "source": "outlet",
    "outlet": "outlet",
    "publication": "outlet",
    "site": "outlet",
    "newspaper": "outlet",
    "channel": "outlet",
    "джерело": "outlet",
    "publisher": "publisher",
    "url": "url",
    "link": "url",
    "canonical": "url",
    "platform": "platform",
    "language": "language",
    "lang": "language",
    "type": "type",
}
_KEY_LINE = re.compile(r"^\s*([^\W\d_]+)\s*(?::|\s-\s|\s)\s*(.+?)\s*$")
_BYLINE = re.compile(r"^\s*(?:by|від|автор:?)\s+(.+?)\s*$", re.I)
_HANDLE = re.compile(r"(?<![\w@])@(\w{2,30})")
_URL = re.compile(r"https?://\S+")
_MD_HEADING = re.compile(r"^\s*#{1,2}\s+(.+?)\s*#*\s*$")
_POST_START = re.compile(r"^\s*\d{1,3}\s*/")

_PLATFORMS = (
    (re.compile(r"\b(?:twitter\.com|x\.com|on X|X \(formerly Twitter\)|X post|X thread)\b"), "X"),
    (re.compile(r"\btwitter\b", re.I), "Twitter"),
    (re.compile(r"\b(?:telegram|t\.me)\b", re.I), "Telegram"),
    (re.compile(r"\b(?:bluesky|bsky\.app)\b", re.I), "Bluesky"),
    (re.compile(r"\bmastodon\b", re.I), "Mastodon"),
    (re.compile(r"\bfacebook\b", re.I), "Facebook"),
    (re.compile(r"\bthreads\.net\b|\bon Threads\b"), "Threads"),
    (re.compile(r"\b(?:vk\.com|VKontakte)\b"), "VK"),
    (re.compile(r"\binstagram\b", re.I), "Instagram"),
    (re.compile(r"\btiktok\b", re.I), "TikTok"),
    (re.compile(r"\breddit\b", re.I), "Reddit"),
)


@dataclass
class Header:
    """What the top of a text says about it (empty strings where it says nothing)."""

    title: str = ""
    authors: list[str] = field(default_factory=list)
    issued: str = ""
    container_title: str = ""
    publisher: str = ""
    url: str = ""
    platform: str = ""
    language: str = ""
    type: str = ""
    locators: list[tuple[int, str]] = field(default_factory=list)


def read_header(text: str) -> Header:
    """Title, byline, dateline and key: value lines at the top; thread posts as locators."""
    header = Header()
    lines = text.split("\n")
    body = _front_matter(lines, header)
    if body == 0:
        body = _header_block(lines, header)
    if header.title and header.title == text.strip().lstrip("# "):
        header.title = ""  # a one-line text is all body, not a title over nothing
    header.locators = thread_post_locators(text)
    if header.locators:
        _thread(lines[:body] or lines[:1], header)
        if not header.title:
            header.title = _thread_title(text, header)
    return header


def _thread_title(text: str, header: Header) -> str:
    """A thread has no headline: name it by its author and first words, as people do."""
    start = re.search(r"^\s*1\s*/(?:\d+)?", text, re.M)
    first_post = text[start.end() :] if start else text
    words = first_post.split("\n\n", 1)[0].split()
    opening = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
    by = f"Thread by {header.authors[0]}: " if header.authors else "Thread: "
    return by + opening


def _front_matter(lines: list[str], header: Header) -> int:
    """Markdown front matter (--- / key: value / ---); returns the first body line index."""
    if not lines or lines[0].strip() != "---":
        return 0
    for end in range(1, min(len(lines), 40)):
        if lines[end].strip() in ("---", "..."):
            for line in lines[1:end]:
                key, sep, value = line.partition(":")
                if sep:
                    _apply(header, key.strip().lower(), value.strip().strip("\"'"))
            return end + 1
    return 0


def _header_block(lines: list[str], header: Header) -> int:
    """Read leading lines while they look like header lines; return the first body index."""
    index = 0
    seen = 0
    while index < len(lines) and seen < _HEADER_LINES:
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        if _POST_START.match(line) or not _header_line(line, header, first=seen == 0):
            break
        seen += 1
        index += 1
    return index


def _header_line(line: str, header: Header, *, first: bool) -> bool:
    """Take what one header line says; False when it is body text."""
    heading = _MD_HEADING.match(line)
    if heading and not header.title:
        header.title = heading.group(1)
        return True
    m = _KEY_LINE.match(line)
    if m and m.group(1).lower() in _KEYS and len(line) <= 300:
        key = _KEYS[m.group(1).lower()]
        if key != "date" or parse_date(m.group(2)):
            _apply(header, key, m.group(2))
            return True
    byline = _BYLINE.match(line)
    if byline and len(line) <= 120 and not line.endswith("."):
        header.authors = split_authors(byline.group(1))
        return True
    if len(line) <= 40 and not header.issued:
        found = parse_date(line)
        if found and len(re.sub(r"[\W\d_]", "", line)) <= 14:
            header.issued = found
            return True
    if (
        _HANDLE.search(line)
        and len(line) <= 120
        and (detect_platform(line) or parse_date(line) or "thread" in line.lower())
    ):
        return True  # "Thread by @handle on X, Nov 9, 2025": read by `_thread`
    if first and _looks_like_title(line):
        header.title = line.lstrip("# ").strip()
        return True
    # a thread's author line or a bare link; `_thread` reads the former
    return line.startswith("@") or bool(_URL.fullmatch(line))


def _looks_like_title(line: str) -> bool:
    return (
        len(line) <= _TITLE_MAX
        and not line.endswith((".", ",", ";", ":", "-"))
        and not _POST_START.match(line)
        and any(ch.isalpha() for ch in line)
    )


def _apply(header: Header, key: str, value: str) -> None:
    key = _KEYS.get(key, key)
    value = value.strip()
    if not value:
        return
    if key == "title":
        header.title = value
    elif key == "author":
        header.authors = split_authors(value)
    elif key == "date":
        header.issued = parse_date(value)
    elif key == "outlet":
        header.container_title = value
    elif key == "publisher":
        header.publisher = value
    elif key == "url":
        found = _URL.search(value)
        header.url = found.group(0) if found else ""
    elif key == "platform":
        header.platform = value
    elif key == "language":
        header.language = value
    elif key == "type" and value.lower() in SOURCE_TYPES:
        header.type = value.lower()


def _thread(lines: list[str], header: Header) -> None:
    """A numbered thread: its author handle, platform and date, usually above post 1."""
    header.type = header.type or "social"
    context = "\n".join(lines)
    if not header.authors:
        handle = _HANDLE.search(context)
        if handle:
            header.authors = ["@" + handle.group(1)]
    if not header.platform:
        header.platform = detect_platform(context + " " + header.url)
    if not header.issued:
        for line in lines:
            found = parse_date(line)
            if found and "-" in found:
                header.issued = found
                break
    if header.platform and not header.container_title:
        header.container_title = header.platform


def detect_platform(text: str) -> str:
    for pattern, name in _PLATFORMS:
        if pattern.search(text):
            return name
    return ""


def split_authors(value: str) -> list[str]:
    """ "A. Smith and B. Jones", "Smith, Jane; Doe, John" -> one name each."""
    value = value.strip().rstrip(".")
    if ";" in value:
        parts = value.split(";")
    else:
        parts = re.split(r"\s+(?:and|&|та|і|и)\s+|,\s+(?=[^,]+\s)", value)
        # "Smith, Jane" is one name in inverted order, not two people
        if len(parts) == 2 and " " not in parts[0].strip() and " " not in parts[1].strip():
            parts = [value]
    return [p.strip() for p in parts if p.strip()]
