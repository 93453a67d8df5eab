"""PNG files written with zlib alone: the one place that knows the chunk layout.

Charts (rows streamed from a QImage), preview pages (rows from pdfium) and generated test
and benchmark images all need "these pixel rows as a PNG"; an imaging library would be a
large dependency for a few lines. No Qt here.
"""

from __future__ import annotations

import struct
import zlib

#: Colour types of the PNG header.
GREY, RGB, RGBA = 0, 2, 6


def png_file(width: int, height: int, colour_type: int, idat: bytes, dpi: int = 0) -> bytes:
    """A PNG of 8-bit samples from `idat`, the zlib-compressed filtered rows; with `dpi` a
    pHYs chunk records the resolution (so Word places the image at its printed size)."""
    chunks = [b"IHDR", struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)]
    if dpi:
        per_metre = round(dpi / 0.0254)
        chunks += [b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)]
    chunks += [b"IDAT", idat, b"IEND", b""]
    return b"\x89PNG\r\n\x1a\n" + b"".join(
        _chunk(kind, body) for kind, body in zip(chunks[::2], chunks[1::2], strict=True)
    )


def png_from_rows(
    width: int, height: int, rows: bytes, colour_type: int = RGB, level: int = -1
) -> bytes:
    """A PNG of `rows`: each row a filter byte (0) followed by its samples."""
    return png_file(width, height, colour_type, zlib.compress(rows, level))


def _chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)
