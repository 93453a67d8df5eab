"""Bytes to text: byte-order marks, UTF-8, then a detector for legacy encodings.

A Windows-1251 file from a Ukrainian or Russian desk must come in readable, and a binary
file renamed `.txt` must be refused rather than imported as mojibake.
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from .errors import NoTextError, UnsupportedError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: File signatures worth naming when such a file arrives under a text extension.
_MAGIC = (
    (b"%PDF-", "a PDF document (rename it to .pdf)"),
    (b"PK\x03\x04", "a zip package such as a DOCX (rename it to .docx if it is one)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"SQLite format 3", "a database"),
)


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises if the bytes are empty or not text at all."""
    if not data.strip():
        raise NoTextError("the file is empty; there is no text to import")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(name), name
            except UnicodeDecodeError:
                raise UnsupportedError(
                    f"the file starts with a {name} byte-order mark but is not valid {name}"
                ) from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise UnsupportedError(f"this is not a text file: it is {what}")
    share = _control_share(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    # Valid UTF-8 with a few stray control bytes is text (they are stripped later);
    # bytes that are neither UTF-8 nor free of controls are binary.
    if share > (0.3 if text is not None else 0.05):
        raise UnsupportedError(
            "this is not a text file: it holds binary data (control bytes throughout)"
        )
    if text is not None:
        return _checked(text), "utf-8"
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnsupportedError(
            "this is not readable text in any encoding we recognise; if it is a document, "
            "save it as UTF-8 text, PDF or DOCX and import that"
        )
    return _checked(str(best)), best.encoding


def _control_share(data: bytes) -> float:
    """Share of bytes that no text encoding uses (NUL and C0 controls except tab/CR/LF).

    A stray NUL in a text file is tolerated (it is stripped later); text made of them is not.
    """
    sample = data[:65536]
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(sample)


def _checked(text: str) -> str:
    """Refuse decoded 'text' that is mostly unassigned or private-use code points."""
    sample = text[:20000]
    odd = sum(1 for ch in sample if unicodedata.category(ch) in ("Co", "Cn", "Cs"))
    if sample and odd / len(sample) > 0.02:
        raise UnsupportedError("this is not a text file: it decodes to unreadable characters")
    return text
