"""Accessible Word documents with python-docx: real headings, header rows that repeat, page
numbers, pictures with alternative text, the document language, and an organisation template.

Every text that goes in passes :func:`clean`, so a stray control character in a participant's
note can never make the file unwritable or unreadable.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from workshop.i18n import t
from workshop.models import utcnow

LANGUAGE_TAGS = {"fi": "fi-FI", "en": "en-GB"}
DEFAULT_PICTURE_WIDTH = Cm(16)

# Characters XML 1.0 cannot hold (and C1 controls, which Word shows as boxes): dropped.
_NOT_IN_WORD = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
)
_HEADING_SIZES = {"Title": 24, "Heading 1": 16, "Heading 2": 13, "Heading 3": 12}


def clean(text: object) -> str:
    """Text Word can store: illegal characters removed, never an exception."""
    value = text if isinstance(text, str) else ("" if text is None else str(text))
    return _NOT_IN_WORD.sub("", value)


def language_tag(lang: str) -> str:
    return LANGUAGE_TAGS.get(lang, LANGUAGE_TAGS["fi"])


# --- the base document -----------------------------------------------------------------------

def new_document(template: bytes | None = None) -> DocumentType:
    """A blank document, or the organisation's template with its body emptied: styles,
    headers, footers (logo) and page setup of its last section are kept."""
    if template is None:
        document = Document()
    else:
        document = Document(io.BytesIO(template))
        body = document.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)
    _ensure_styles(document)
    return document


def _ensure_styles(document: DocumentType) -> None:
    """Templates made in a word processor may lack heading styles; without them there is no
    navigation pane, so they are added (with an outline level) when missing."""
    styles = document.styles
    for name, size in _HEADING_SIZES.items():
        if name in styles:
            continue
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if "Normal" in styles:
            style.base_style = styles["Normal"]
        style.font.bold = True
        style.font.size = Pt(size)
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.space_before = Pt(12)
        if name != "Title":
            p_pr = style.element.get_or_add_pPr()
            outline = OxmlElement("w:outlineLvl")
            outline.set(qn("w:val"), str(int(name.rsplit(" ", 1)[1]) - 1))
            p_pr.append(outline)


# --- helpers usable on any python-docx Document ------------------------------------------------

def add_picture_with_alt(document: DocumentType, png_bytes: bytes, alt: str,
                         width: Length | None = None) -> Any:
    """A picture in its own paragraph with alternative text (``docPr/@descr``) that screen
    readers announce; returns the inline shape."""
    paragraph = document.add_paragraph()
    shape = paragraph.add_run().add_picture(io.BytesIO(png_bytes),
                                            width=width or DEFAULT_PICTURE_WIDTH)
    text = clean(alt).strip()
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", text)
    doc_pr.set("title", text[:120])
    return shape


def repeat_header_row(table: Table) -> None:
    """Mark the first row as the table's header: repeated on every page and announced as
    column headers by screen readers."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:tblHeader")) is None:
        header = OxmlElement("w:tblHeader")
        header.set(qn("w:val"), "true")
        tr_pr.append(header)


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """A Word field (PAGE, NUMPAGES) as begin/instruction/separate/result/end runs."""
    def run_with(element: Any) -> None:
        paragraph.add_run()._r.append(element)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run(placeholder)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _has_page_field(part_element: Any) -> bool:
    instructions = [el.text or "" for el in part_element.iter(qn("w:instrText"))]
    simple = [el.get(qn("w:instr"), "") for el in part_element.iter(qn("w:fldSimple"))]
    return any("PAGE" in text.split() for text in instructions + simple)


def add_page_numbers(document: DocumentType, label: str) -> None:
    """'Sivu N / M' in every section's footer, unless the template's footer has one."""
    for section in document.sections:
        footer = section.footer
        if not footer.is_linked_to_previous and _has_page_field(footer._element):
            continue
        footer.is_linked_to_previous = False
        if _has_page_field(footer._element):
            continue
        paragraph = footer.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(f"{clean(label)} ")
        add_field(paragraph, "PAGE")
        paragraph.add_run(" / ")
        add_field(paragraph, "NUMPAGES")


def set_language(document: DocumentType, lang: str) -> None:
    """The document language for spelling, hyphenation and screen readers: the default run
    properties in styles.xml (``w:docDefaults``) and every style that names a language."""
    tag = language_tag(lang)
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    r_pr_default = defaults.find(qn("w:rPrDefault"))
    if r_pr_default is None:
        r_pr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, r_pr_default)
    r_pr = r_pr_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        r_pr_default.append(r_pr)
    if r_pr.find(qn("w:lang")) is None:
        r_pr.append(OxmlElement("w:lang"))
    for lang_element in styles.iter(qn("w:lang")):
        lang_element.set(qn("w:val"), tag)
    document.core_properties.language = tag


# --- a small writer for the memo and the model description -------------------------------------

class DocBuilder:
    """What memo and model sections write with. Keeps headings, tables and pictures
    consistent (and accessible) whatever the section; ``lang`` is the document language."""

    def __init__(self, lang: str, template: bytes | None = None) -> None:
        self.lang = lang
        self.document = new_document(template)
        self._style_ids: dict[str, str | None] = {}

    def _paragraph(self, style: str | None = None) -> Paragraph:
        """A new body paragraph; the style id is looked up once per name (python-docx
        searches every style on each lookup, which dominated long memos)."""
        paragraph = self.document.add_paragraph()
        if style is not None:
            if style not in self._style_ids:
                styles = self.document.styles
                self._style_ids[style] = styles[style].style_id if style in styles else None
            if self._style_ids[style]:
                paragraph._p.style = self._style_ids[style]
        return paragraph

    def t(self, key: str, **params: Any) -> str:
        return t(key, self.lang, **params)

    def title(self, text: str) -> Paragraph:
        return self.document.add_heading(clean(text), level=0)

    def heading(self, text: str, level: int = 1) -> Paragraph:
        return self.document.add_heading(clean(text), level=max(1, min(level, 3)))

    def paragraph(self, text: str = "", *, italic: bool = False, bold: bool = False,
                  style: str | None = None) -> Paragraph:
        paragraph = self._paragraph(style)
        self._add_lines(paragraph, text, italic=italic, bold=bold)
        return paragraph

    def label_value(self, label: str, value: str) -> Paragraph:
        paragraph = self._paragraph()
        paragraph.add_run(f"{clean(label)}: ").bold = True
        self._add_lines(paragraph, value)
        return paragraph

    def bullets(self, items: Iterable[str]) -> int:
        count = 0
        styled = "List Bullet" in self.document.styles
        for item in items:
            paragraph = self._paragraph("List Bullet" if styled else None)
            self._add_lines(paragraph, item if styled else f"• {item}")
            count += 1
        return count

    def table(self, headers: Sequence[str], rows: Iterable[Sequence[object]],
              widths: Sequence[float] | None = None) -> Table:
        """A table whose first row is a repeating header row."""
        table = self.document.add_table(rows=1, cols=len(headers))
        if "Table Grid" in self.document.styles:
            table.style = self.document.styles["Table Grid"]
        for cell, header in zip(table.rows[0].cells, headers, strict=True):
            cell.paragraphs[0].add_run(clean(header)).bold = True
        repeat_header_row(table)
        for values in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, values, strict=True):
                self._add_lines(cell.paragraphs[0], "" if value is None else str(value))
        if widths:
            for row in table.rows:
                for cell, width in zip(row.cells, widths, strict=False):
                    cell.width = Cm(width)
        self.document.add_paragraph()
        return table

    def picture(self, png_bytes: bytes, alt: str, width_cm: float = 16) -> Any:
        return add_picture_with_alt(self.document, png_bytes, alt, Cm(width_cm))

    def _add_lines(self, paragraph: Paragraph, text: str, *, italic: bool = False,
                   bold: bool = False) -> None:
        lines = clean(text).split("\n")
        for index, line in enumerate(lines):
            run = paragraph.add_run(line)
            run.italic = italic or None
            run.bold = bold or None
            if index < len(lines) - 1:
                run.add_break()

    def finish(self, title: str, *, subject: str = "") -> bytes:
        """Page numbers, language and document properties; the .docx bytes."""
        add_page_numbers(self.document, self.t("doc.page"))
        set_language(self.document, self.lang)
        properties = self.document.core_properties
        properties.title = clean(title)[:255]
        properties.subject = clean(subject)[:255]
        properties.author = "Kehittämö"
        properties.last_modified_by = "Kehittämö"
        properties.comments = ""
        properties.keywords = ""
        properties.category = ""
        now = utcnow().replace(microsecond=0, tzinfo=None)
        properties.created = now
        properties.modified = now
        properties.revision = 1
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()

