"""One source, two outputs: a composed document (zhifa.documents.compose.Composed) as
HTML (the browser preview), as PDF laid out by GB/T 9704-2012 (WeasyPrint; print.css)
and as DOCX with the same content (python-docx, East Asian fonts set) for an officer
to edit a draft. The PDF carries the agency's seal and a QR code leading to the public
verification page."""

from __future__ import annotations

import io

import segno
from django.conf import settings
from django.template.loader import select_template
from django.urls import reverse
from docx import Document as Docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from pypdf import PdfReader

from zhifa.documents.compose import Composed, date_text
from zhifa.documents.fonts import FAMILIES, require_fonts
from zhifa.documents.seal import seal_data_uri

#: The seal's wording under the star (the demo seal's; a real agency scans its own).
SEAL_USE = "行政处罚专用章"


def verification_url(code: str) -> str:
    return settings.ZHIFA_PUBLIC_URL + reverse("documents:verify", args=[code])


def qr_data_uri(url: str) -> str:
    return segno.make(url, error="m").svg_data_uri(scale=4, border=1)


def html_of(doc: Composed, *, code: str = "", layout: str = "a4", seal: bool = True) -> str:
    """The document as one self-contained HTML page (styles, seal and QR code inline)."""
    url = verification_url(code) if code else ""
    # One template per kind (documents/print/kinds/<kind>.html), all extending one layout.
    template = select_template([f"documents/print/kinds/{doc.kind}.html", "documents/print/document.html"])
    return template.render(
        {
            "doc": doc,
            "layout": layout,
            "date": date_text(doc.date),
            "seal": seal_data_uri(doc.agency, SEAL_USE) if seal else "",
            "qr": qr_data_uri(url) if url else "",
            "code": code,
            "url": url,
        },
    )


def pdf_of(html: str) -> bytes:
    """The PDF of a document's HTML. Raises FontMissing before anything is drawn in boxes."""
    import weasyprint  # slow to import (Pango, fontconfig): loaded only when a PDF is made

    require_fonts()
    return weasyprint.HTML(string=html).write_pdf()


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _font(run, size: float, bold: bool = False) -> None:
    family = FAMILIES["serif-bold" if bold else "serif"][0]
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = family
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), family)
    fonts.set(qn("w:ascii"), family)
    fonts.set(qn("w:hAnsi"), family)


def docx_of(doc: Composed) -> bytes:
    """The same content as a Word document, A4 with GB/T 9704's margins, for editing."""
    out = Docx()
    sec = out.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(37), Mm(35), Mm(28), Mm(26)
    normal = out.styles["Normal"]
    normal.font.size = Pt(16)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FAMILIES["serif"][0])

    def para(text: str, *, size=16, bold=False, center=False, indent=True):
        p = out.add_paragraph()
        p.paragraph_format.line_spacing = Pt(28.95)
        p.paragraph_format.space_after = Pt(0)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif indent:
            p.paragraph_format.first_line_indent = Pt(32)
        _font(p.add_run(text), size, bold)
        return p

    para(doc.agency, bold=True, center=True)
    para(doc.title, size=22, bold=True, center=True)
    if doc.number:
        para(doc.number, center=True)
    if doc.addressee:
        para(f"{doc.addressee}：", indent=False)
    for label, value in doc.party:
        para(f"{label}：{value}", indent=False)
    if doc.rows:
        table = out.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, value in doc.rows:
            cells = table.add_row().cells
            _font(cells[0].paragraphs[0].add_run(label), 14, True)
            _font(cells[1].paragraphs[0].add_run(value), 14)
    if doc.table:
        grid = out.add_table(rows=0, cols=len(doc.table[0]))
        grid.style = "Table Grid"
        for i, row in enumerate(doc.table):
            cells = grid.add_row().cells
            for cell, value in zip(cells, row, strict=False):
                _font(cell.paragraphs[0].add_run(value), 12, i == 0)
    for s in doc.sections:
        para(s.heading, bold=True)
        for text in s.paragraphs:
            para(text)
    if doc.officers:
        para("执法人员", bold=True)
        for name, number in doc.officers:
            para(f"{name}　执法证号：{number}", indent=False)
    right = para(doc.agency, indent=False)
    right.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    when = para(date_text(doc.date), indent=False)
    when.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


class DraftUnreadable(ValueError):
    """An uploaded draft that is not a Word document this platform can read."""


def _paragraph_facts(p) -> tuple[str, bool, bool, bool]:
    """(text, centred, right-aligned, bold) of a python-docx paragraph."""
    text = p.text.strip()
    runs = [r for r in p.runs if r.text.strip()]
    bold = bool(runs) and all(r.bold for r in runs)
    return text, p.alignment == WD_ALIGN_PARAGRAPH.CENTER, p.alignment == WD_ALIGN_PARAGRAPH.RIGHT, bold


def composed_from_docx(data: bytes, base: Composed) -> Composed:
    """An edited Word draft read back into a document's parts, laid out as :func:`docx_of`
    writes them: the centred head (agency, title, number: the composed ones are kept),
    the party's lines, the form's table, bold headings with their paragraphs, the
    officers, the right-aligned signature (kept from the composed document). The kind,
    date and the facts the rules check stay the composed document's."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from zhifa.documents.compose import Section

    try:
        word = Docx(io.BytesIO(data))
    except Exception as error:
        raise DraftUnreadable("上传的文件不是可以读取的 Word 文档（.docx）。") from error
    party, rows, sections, officers = [], [], [], []
    current = None
    in_officers = False
    for child in word.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "tbl" and base.table:
            continue  # a several-column table (the index) is the composed one, not an edit
        if tag == "tbl":
            for row in Table(child, word).rows:
                cells = [c.text.strip() for c in row.cells]
                if len(cells) >= 2 and (cells[0] or cells[1]):
                    rows.append((cells[0], cells[-1]))
            continue
        if tag != "p":
            continue
        text, centred, right, bold = _paragraph_facts(Paragraph(child, word))
        if not text or centred or right:
            continue
        if bold:
            in_officers = text == "执法人员"
            if not in_officers:
                current = Section(text, [])
                sections.append(current)
            continue
        if in_officers:
            name, _, number = text.partition("执法证号：")
            officers.append((name.strip().rstrip("　").strip(), number.strip()))
        elif current is None and text == f"{base.addressee}：":
            continue
        elif current is None and "：" in text:
            label, _, value = text.partition("：")
            party.append((label.strip(), value.strip()))
        else:
            if current is None:
                current = Section("", [])
                sections.append(current)
            current.paragraphs.append(text)
    return Composed(
        kind=base.kind,
        title=base.title,
        number=base.number,
        agency=base.agency,
        date=base.date,
        party=party,
        addressee=base.addressee,
        rows=rows,
        sections=sections,
        officers=officers,
        table=base.table,
        checks=base.checks,
    )
