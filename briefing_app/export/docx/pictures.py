"""Inline pictures: the image part (shared when the same PNG appears twice) and the
DrawingML that places it, with alt text Word and screen readers show."""

from __future__ import annotations

import io

from docx.document import Document as DocxDocument
from docx.image.exceptions import UnrecognizedImageError

from . import ooxml

EMU_PER_INCH = 914400


class Pictures:
    """Adds pictures to the document part; ids are unique among the drawings it makes."""

    def __init__(self, document: DocxDocument, max_width_emu: int) -> None:
        self.part = document.part
        self.max_width = max_width_emu
        self._next_id = 1

    def inline(self, png: bytes, width_in: float, height_in: float, alt: str, title: str) -> str:
        """A run holding the picture, scaled to fit the text width; "" when the bytes are
        not an image python-docx understands (the caller keeps the caption)."""
        if not png:
            return ""
        try:
            rid, image = self.part.get_or_add_image(io.BytesIO(png))
        except (UnrecognizedImageError, ValueError, OSError):
            return ""
        cx, cy = self._extent(width_in, height_in, image.px_width, image.px_height)
        pid = self._next_id
        self._next_id += 1
        descr, name = ooxml.attr(alt), ooxml.attr(title or f"Figure {pid}")
        return (
            '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{pid}" name={name} descr={descr}/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic><pic:nvPicPr><pic:cNvPr id="{pid}" name="figure{pid}.png" descr={descr}/>'
            "<pic:cNvPicPr/></pic:nvPicPr>"
            f'<pic:blipFill><a:blip r:embed="{rid}"/>'
            "<a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
            "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        )

    def _extent(self, width_in: float, height_in: float, px_w: int, px_h: int) -> tuple[int, int]:
        if width_in <= 0 or height_in <= 0:  # size unknown: from the pixels' aspect ratio
            width_in = 6.0
            height_in = width_in * px_h / px_w if px_w else 4.0
        cx, cy = int(width_in * EMU_PER_INCH), int(height_in * EMU_PER_INCH)
        if cx > self.max_width:
            cy = int(cy * self.max_width / cx)
            cx = self.max_width
        return cx, cy
