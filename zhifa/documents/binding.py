"""The bound case file (D6.2a): one PDF binding the cover (卷宗封面), the index (卷内文件
目录), the file's materials in the checklist's order (zhifa.cases.checklist.file_contents:
the issued documents as issued, the evidence, a registration page for each other record),
and the closing note (卷内备考表), each page numbered in its upper right corner (卷内页号),
the index's page references pointing at the page each material starts on.

The cover, the index and the note are composed by compose_records (``file_cover``,
``file_index``, ``file_note``) as they are issued on their own after archiving: one
composition. Binding reads; it changes nothing. The index is laid out twice: once to learn how many
pages it takes, once with the page numbers that follow from that."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

from django.template.loader import render_to_string
from pypdf import PdfReader, PdfWriter

from zhifa.cases import checklist, evidence_store
from zhifa.cases.models import Case
from zhifa.core import clock
from zhifa.documents import compose_records, rendering, store
from zhifa.documents.kinds import Kind
from zhifa.documents.models import Document
from zhifa.documents.selectors import applies


@dataclass
class Part:
    title: str
    number: str
    on: object
    pdf: bytes
    pages: int = 0
    first: int = 0

    @property
    def last(self) -> int:
        return self.first + self.pages - 1


def _document_pdf(doc: Document) -> bytes | None:
    """The issued file as issued; None when it is missing or no longer has its hash."""
    try:
        data = store.read(doc.sha256)
    except (ValueError, OSError):
        return None
    if store.sha256_of(data) != doc.sha256:
        return None
    return data if doc.is_pdf else rendering.pdf_of(data.decode("utf-8", errors="replace"))


def _evidence(case: Case, entry: dict) -> bytes | dict:
    """An evidence item's PDF as filed, or the context of its page (an image, or its text)."""
    evidence = next((e for e in case.evidence.all() if e.sha256 == entry["sha256"]), None)
    context = {"entry": entry, "evidence": evidence, "image": "", "text": ""}
    try:
        with evidence_store.open_content(evidence.sha256) as f:
            data = f.read()
    except (AttributeError, ValueError, OSError):  # no such evidence, or its file is not readable
        data = None
    if data is not None:
        if data[:5] == b"%PDF-" and _readable_pdf(data):
            return data
        if (evidence.content_type or "").startswith("image/") and data[:4] in IMAGE_MAGIC:
            context["image"] = f"data:{evidence.content_type};base64," + base64.b64encode(data).decode()
        else:
            context["text"] = data[:4000].decode("utf-8", errors="replace")
    return context


def _readable_pdf(data: bytes) -> bool:
    try:
        return len(PdfReader(io.BytesIO(data)).pages) > 0
    except Exception:  # noqa: BLE001 (a broken PDF is bound as a registration page instead)
        return False


#: The first bytes of the images a page embeds (PNG, JPEG).
IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xe1", b"\xff\xd8\xff\xdb")


def _render_pages(parts: list[Part], contexts: dict[int, dict]) -> None:
    """Lay out every registration and evidence page in one pass (WeasyPrint's layout is the
    slow part) and give each part its pages, found by the anchor its section starts with."""
    if not contexts:
        return
    import weasyprint  # slow to import: only when a file is bound

    rendering.require_fonts()
    html = render_to_string("documents/print/parts.html", {"parts": sorted(contexts.items())})
    document = weasyprint.HTML(string=html).render()
    starts = {}
    for number, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor.startswith("part-"):
                starts.setdefault(int(anchor[5:]), number)
    reader = PdfReader(io.BytesIO(document.write_pdf()))
    order = sorted(starts)
    for k, i in enumerate(order):
        end = starts[order[k + 1]] if k + 1 < len(order) else len(reader.pages)
        writer = PdfWriter()
        for page in reader.pages[starts[i] : end]:
            writer.add_page(page)
        out = io.BytesIO()
        writer.write(out)
        parts[i].pdf = out.getvalue()


#: The kinds composed from the record behind each checklist entry (zhifa.cases.checklist.file_contents).
ENTRY_KINDS = {
    "clue": (Kind.SOURCE_RECORD,),
    "filing": (Kind.FILING_APPROVAL,),
    "inspection": (Kind.INSPECTION_RECORD, Kind.INQUIRY_RECORD),
    "evidence": (Kind.EVIDENCE_LIST,),
    "report": (Kind.INVESTIGATION_REPORT,),
    "notice": (Kind.PRIOR_NOTICE, Kind.SERVICE_RECEIPT),
    "defence": (Kind.DEFENCE_RECORD, Kind.REVIEW_OPINION),
    "hearing": (Kind.HEARING_NOTICE, Kind.HEARING_RECORD, Kind.HEARING_REPORT),
    "legal_review": (Kind.LEGAL_REVIEW,),
    "discussion": (Kind.DISCUSSION_RECORD,),
    "decision": (Kind.PENALTY_DECISION, Kind.NO_PENALTY_DECISION, Kind.ON_SPOT_DECISION, Kind.SERVICE_RECEIPT),
    "transfer": (Kind.TRANSFER_LETTER,),
    "reminder": (Kind.PAYMENT_REMINDER,),
    "enforcement": (Kind.ENFORCEMENT_APPLICATION,),
    "ending": (Kind.NO_FILING_APPROVAL,),
}


def _entry_records(case: Case) -> dict[str, list]:
    """The records behind the checklist's entries of each kind, in the checklist's order."""
    decision = getattr(case, "decision", None)
    return {
        "clue": [case],
        "filing": [case],
        "inspection": list(case.inspections.all()),
        "evidence": list(case.evidence.all()),
        "report": list(case.reports.all()),
        "notice": list(case.notices.all()),
        "defence": list(case.defences.all()),
        "hearing": list(case.hearings.all()),
        "legal_review": list(case.legal_reviews.all()),
        "discussion": list(case.discussions.all()),
        "decision": [decision] if decision is not None else [],
        "transfer": [case.transfer_out] if hasattr(case, "transfer_out") else [],
        "reminder": list(case.reminders.all()),
        "enforcement": list(case.enforcements.all()),
        "ending": [case],
    }


def _composed_for(case: Case, docs: dict, entry_kind: str, record) -> tuple[list[Document], bool]:
    """The current documents composed from ``record`` in the kinds' order, and whether
    they are all the record gives (then no registration page is bound for it)."""
    if record is None:
        return [], False
    source_type = record._meta.label_lower
    kinds = [k for k in ENTRY_KINDS.get(entry_kind, ()) if applies(k, record)]
    found = [docs[(source_type, record.pk, k)] for k in kinds if (source_type, record.pk, k) in docs]
    return found, bool(kinds) and len(found) == len(kinds)


def _materials(case: Case) -> list[Part]:
    docs = {
        (d.source_type, d.source_id, d.kind): d
        for d in case.documents.filter(superseded_on__isnull=True).order_by("pk")
    }
    records = _entry_records(case)
    seen: dict[str, int] = {}
    parts: list[Part] = []
    pages: dict[int, dict] = {}

    def bind_documents(found: list[Document]) -> bool:
        pdfs = [(d, _document_pdf(d)) for d in found]
        for d, pdf in pdfs:
            if pdf is not None:
                parts.append(Part(d.title, d.number, d.issued_on, pdf))
        return all(pdf is not None for _, pdf in pdfs)

    for entry in checklist.file_contents(case):
        kind = entry["kind"]
        i = seen.get(kind, 0)
        seen[kind] = i + 1
        rows = records.get(kind, [])
        record = rows[i] if i < len(rows) else None
        found, complete = _composed_for(case, docs, kind, record)
        if kind == "evidence":
            # The evidence list (证据提取单) goes before the evidence, which is bound as filed;
            # a preservation notice for it (先行登记保存证据通知书) after.
            bind_documents(found)
            found_evidence = _evidence(case, entry)
            parts.append(
                Part(entry["title"], "", entry["date"], found_evidence if isinstance(found_evidence, bytes) else b"")
            )
            if not isinstance(found_evidence, bytes):
                pages[len(parts) - 1] = found_evidence
            if record is not None:
                for event in record.custody.all():
                    doc = docs.get(("cases.custodyevent", event.pk, Kind.PRESERVATION_NOTICE))
                    if doc is not None:
                        bind_documents([doc])
            continue
        if found and bind_documents(found) and complete:
            continue
        parts.append(Part(entry["title"], "", entry["date"], b""))
        pages[len(parts) - 1] = {"entry": entry, "evidence": None, "image": "", "text": ""}
    closing = docs.get(("cases.case", case.pk, Kind.CLOSING_APPROVAL))
    if closing is not None:
        bind_documents([closing])
    _render_pages(parts, pages)
    return parts


def _count(part: Part) -> Part:
    part.pages = len(PdfReader(io.BytesIO(part.pdf)).pages)
    return part


def _own_page(composed) -> bytes:
    """One of the case file's own pages, laid out as it is issued (one composition: the
    composers in compose_records), without the page numbers the bound file stamps itself."""
    return rendering.pdf_of(rendering.html_of(composed, layout="bound", seal=False))


def _index(case: Case, parts: list[Part]) -> bytes:
    return _own_page(compose_records.file_index(case, parts, on=clock.today()))


def _numbers(total: int) -> PdfReader:
    html = render_to_string("documents/print/page_numbers.html", {"pages": range(1, total + 1)})
    return PdfReader(io.BytesIO(rendering.pdf_of(html)))


@dataclass
class BoundFile:
    pdf: bytes
    parts: list[Part]
    pages: int


def bind(case: Case) -> BoundFile:
    """The case file as one PDF, its index's page references right."""
    materials = [_count(p) for p in _materials(case)]
    today = clock.today()
    cover = _count(Part("卷宗封面", "", None, _own_page(compose_records.file_cover(case, on=today))))
    # The index's length decides where the materials start: lay it out, count, lay it out again.
    index = _count(Part("卷内文件目录", "", None, _index(case, materials)))
    for _ in range(3):
        page = cover.pages + index.pages + 1
        for part in materials:
            part.first, page = page, page + part.pages
        index.pdf = _index(case, materials)
        before = index.pages
        _count(index)
        if index.pages == before:
            break
    note_pdf = _own_page(compose_records.file_note(case, total=page, materials=len(materials), on=today))
    note = _count(Part("卷内备考表", "", None, note_pdf))
    cover.first, index.first = 1, cover.pages + 1
    note.first = page
    parts = [cover, index, *materials, note]
    total = note.last
    writer = PdfWriter()
    for part in parts:
        for p in PdfReader(io.BytesIO(part.pdf)).pages:
            writer.add_page(p)
    numbers = _numbers(total)
    for i, page_obj in enumerate(writer.pages):
        page_obj.merge_page(numbers.pages[i])
    out = io.BytesIO()
    writer.write(out)
    return BoundFile(out.getvalue(), parts, total)
