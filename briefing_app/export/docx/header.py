"""Page header and footer: the banner marking on every page, and "Page N of M".

The banner is centred (a TLP label is right-aligned, in its colours on black, as TLP 2.0
asks); the footer repeats it above the page numbers. Whatever header the reference
document had is replaced, so a marking can never be missing or stale.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import parse_xml

from ..document import Banner
from . import fields, ooxml
from .styles import StyleIds


def banner_paragraph(banner: Banner, style: str) -> str:
    colour = ooxml.hex_colour(banner.colour)
    if banner.is_tlp:
        fill = ooxml.hex_colour(banner.background)
        props = (
            f'<w:b/><w:color w:val="{colour}"/>'
            f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
        )
        return ooxml.paragraph(ooxml.run(f" {banner.text} ", props), style, jc="right")
    return ooxml.paragraph(
        ooxml.run(banner.text, f'<w:b/><w:color w:val="{colour}"/>'), style, jc="center"
    )


def page_numbers_paragraph(style: str) -> str:
    body = ooxml.run("Page ") + fields.page() + ooxml.run(" of ") + fields.num_pages()
    return ooxml.paragraph(body, style, jc="center")


def write_header_footer(document: DocxDocument, banner: Banner | None, styles: StyleIds) -> None:
    """Replace every section's header and footer with ours."""
    header_style, footer_style = styles["header"], styles["footer"]
    banner_style = styles["Banner"]
    top = (
        [banner_paragraph(banner, banner_style)] if banner else [ooxml.paragraph("", header_style)]
    )
    bottom = [banner_paragraph(banner, banner_style)] if banner else []
    bottom.append(page_numbers_paragraph(footer_style))
    for section in document.sections:
        section.different_first_page_header_footer = False
        _replace(section.header, top)
        _replace(section.footer, bottom)


def _replace(story, paragraphs: list[str]) -> None:  # type: ignore[no-untyped-def]
    story.is_linked_to_previous = False
    element = story.part.element
    for child in list(element):
        element.remove(child)
    for child in parse_xml(f"<w:hdr {ooxml.NSDECLS}>{''.join(paragraphs)}</w:hdr>"):
        element.append(child)
