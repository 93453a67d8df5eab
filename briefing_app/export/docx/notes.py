"""Real Word footnotes and endnotes, which python-docx has no API for.

A notes part is `word/footnotes.xml` (or `endnotes.xml`): the two separator notes Word
expects (ids -1 and 0), then one note per number. It needs a relationship from the
document part, a content-type override (python-docx writes one for every part it saves),
the separators listed in settings (`w:footnotePr`), and in the text a reference run per
note in the Footnote Reference style. Links inside notes are relationships of the notes
part, not of the document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from ...cite import RichText
from . import ooxml
from .runs import Links
from .styles import StyleIds


@dataclass(frozen=True)
class NoteKind:
    """Everything that differs between footnotes and endnotes."""

    tag: str  # "footnote" / "endnote"
    partname: str
    content_type: str
    reltype: str
    text_style: str
    ref_style: str
    number_format: str = ""  # settings numFmt; Word's endnote default is lower-roman

    @property
    def plural(self) -> str:
        return f"{self.tag}s"


FOOTNOTES = NoteKind(
    "footnote",
    "/word/footnotes.xml",
    CT.WML_FOOTNOTES,
    RT.FOOTNOTES,
    "footnote text",
    "footnote reference",
)
ENDNOTES = NoteKind(
    "endnote",
    "/word/endnotes.xml",
    CT.WML_ENDNOTES,
    RT.ENDNOTES,
    "endnote text",
    "endnote reference",
    number_format="decimal",
)

#: w:settings children that must follow w:footnotePr / w:endnotePr (schema order).
_SETTINGS_AFTER_NOTES = (
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def note_kind(placement: str) -> NoteKind:
    return ENDNOTES if placement == "endnotes" else FOOTNOTES


def reference_run(kind: NoteKind, number: int, ref_style: str) -> str:
    """The mark in the text: Word numbers notes itself, in order of their references."""
    return (
        f'<w:r><w:rPr><w:rStyle w:val="{ref_style}"/></w:rPr>'
        f'<w:{kind.tag}Reference w:id="{number}"/></w:r>'
    )


def _separators(kind: NoteKind) -> str:
    spacing = '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    return (
        f'<w:{kind.tag} w:type="separator" w:id="-1"><w:p>{spacing}'
        f"<w:r><w:separator/></w:r></w:p></w:{kind.tag}>"
        f'<w:{kind.tag} w:type="continuationSeparator" w:id="0"><w:p>{spacing}'
        f"<w:r><w:continuationSeparator/></w:r></w:p></w:{kind.tag}>"
    )


def _note(kind: NoteKind, number: int, body: str, text_style: str, ref_style: str) -> str:
    return (
        f'<w:{kind.tag} w:id="{number}"><w:p><w:pPr><w:pStyle w:val="{text_style}"/></w:pPr>'
        f'<w:r><w:rPr><w:rStyle w:val="{ref_style}"/></w:rPr><w:{kind.tag}Ref/></w:r>'
        f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{body}</w:p></w:{kind.tag}>'
    )


def write_notes_part(
    document: DocxDocument,
    kind: NoteKind,
    notes: list[RichText],
    styles: StyleIds,
    render: Callable[[RichText, Links], str],
) -> XmlPart:
    """Add (or replace) the notes part holding `notes` (note N is `notes[N - 1]`).

    `render` turns a note's rich text into runs, relating its links to the notes part.
    """
    doc_part = document.part
    for rid, rel in list(doc_part.rels.items()):
        if rel.reltype == kind.reltype:  # the reference's own (empty) notes part
            doc_part.rels.pop(rid)
    root = parse_xml(f"<w:{kind.plural} {ooxml.NSDECLS}/>")
    part = XmlPart(PackURI(kind.partname), kind.content_type, root, doc_part.package)
    links = Links(part)
    text_style, ref_style = styles[kind.text_style], styles[kind.ref_style]
    body = "".join(
        _note(kind, n, render(rt, links), text_style, ref_style) for n, rt in enumerate(notes, 1)
    )
    for child in parse_xml(
        f"<w:{kind.plural} {ooxml.NSDECLS}>{_separators(kind)}{body}</w:{kind.plural}>"
    ):
        root.append(child)
    doc_part.relate_to(part, kind.reltype)
    _declare_separators(document, kind)
    if kind.number_format:
        _section_number_format(document, kind)
    return part


def _declare_separators(document: DocxDocument, kind: NoteKind) -> None:
    """`w:footnotePr` in settings lists the separator notes, as Word writes it."""
    settings = document.settings.element
    old = settings.find(qn(f"w:{kind.tag}Pr"))
    if old is not None:
        settings.remove(old)
    fmt = f'<w:numFmt w:val="{kind.number_format}"/>' if kind.number_format else ""
    pr = parse_xml(
        f'<w:{kind.tag}Pr {ooxml.NSDECLS}>{fmt}<w:{kind.tag} w:id="-1"/>'
        f'<w:{kind.tag} w:id="0"/></w:{kind.tag}Pr>'
    )
    successors = (
        _SETTINGS_AFTER_NOTES if kind is ENDNOTES else ("w:endnotePr", *_SETTINGS_AFTER_NOTES)
    )
    settings.insert_element_before(pr, *successors)


#: w:sectPr children that follow w:footnotePr / w:endnotePr (schema order).
_SECTION_AFTER_NOTES = (
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
)


def _section_number_format(document: DocxDocument, kind: NoteKind) -> None:
    """The number format again on each section: LibreOffice reads it only from there
    (with settings alone it printed endnotes as i, ii, iii)."""
    for sect_pr in document.element.body.iter(qn("w:sectPr")):
        old = sect_pr.find(qn(f"w:{kind.tag}Pr"))
        if old is not None:
            sect_pr.remove(old)
        pr = parse_xml(
            f'<w:{kind.tag}Pr {ooxml.NSDECLS}><w:numFmt w:val="{kind.number_format}"/>'
            f"</w:{kind.tag}Pr>"
        )
        successors = (
            _SECTION_AFTER_NOTES if kind is ENDNOTES else ("w:endnotePr", *_SECTION_AFTER_NOTES)
        )
        sect_pr.insert_element_before(pr, *successors)
