"""The PNG writer: header, optional resolution, compressed rows and checksums, as a reader
would check them."""

from __future__ import annotations

import struct
import zlib

from PySide6.QtGui import QImage

from briefing_app.charts.png import GREY, RGB, png_file, png_from_rows


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    out, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + body)
        out.append((kind, body))
        at += 12 + length
    return out


def test_rows_come_back_from_the_file_as_written() -> None:
    rows = b"".join(b"\x00" + bytes((x * 7 + y) % 256 for x in range(5)) for y in range(3))
    found = chunks(png_from_rows(5, 3, rows, GREY))
    assert [k for k, _ in found] == [b"IHDR", b"IDAT", b"IEND"]
    assert struct.unpack(">IIBBBBB", found[0][1]) == (5, 3, 8, GREY, 0, 0, 0)
    assert zlib.decompress(found[1][1]) == rows


def test_a_resolution_is_recorded_in_dots_per_metre() -> None:
    found = dict(chunks(png_file(2, 2, RGB, zlib.compress(b"\x00" + b"\xff" * 6 * 2), dpi=300)))
    assert struct.unpack(">IIB", found[b"pHYs"]) == (11811, 11811, 1)


def test_a_reader_decodes_the_pixels() -> None:
    rows = b"".join(b"\x00" + bytes((200, 30, 10)) * 4 for _ in range(2))
    image = QImage.fromData(png_from_rows(4, 2, rows))
    assert (image.width(), image.height()) == (4, 2)
    assert image.pixelColor(3, 1).getRgb()[:3] == (200, 30, 10)
