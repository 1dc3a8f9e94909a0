"""The pages: the case page's documents card and the issuing form, a document's page with
its preview, the DOCX draft (same content, East Asian fonts set) and the 80 mm receipt
of the on-the-spot decision."""

import io

import pytest
from django.urls import reverse
from docx import Document as Docx
from docx.oxml.ns import qn

from zhifa.documents.kinds import Kind
from zhifa.documents.models import Document
from zhifa.documents.tests.builders import decided, on_the_spot

pytestmark = pytest.mark.django_db


def test_the_case_page_offers_the_decision_and_the_officer_issues_it(client, w):
    case = decided(w)
    client.force_login(w.zhang)
    page = client.get(case.get_absolute_url()).content.decode()
    assert 'data-issue="penalty_decision"' in page and 'data-issue="prior_notice"' in page
    url = reverse("documents:document_issue", args=[case.pk])
    assert client.get(url, {"kind": "penalty_decision"}).status_code == 200
    res = client.post(url, {"kind": "penalty_decision"})
    doc = Document.objects.get(kind=Kind.PENALTY_DECISION)
    assert res.status_code == 302 and res["Location"] == doc.get_absolute_url()
    page = client.get(case.get_absolute_url()).content.decode()
    assert doc.number in page and 'data-issue="penalty_decision"' not in page
    # Issuing again is refused at the field, nothing saved.
    again = client.post(url, {"kind": "penalty_decision"})
    assert again.status_code >= 400 and "已经签发" in again.content.decode()
    assert Document.objects.count() == 1

    detail = client.get(doc.get_absolute_url()).content.decode()
    assert "现行版本" in detail and doc.sha256 in detail and "下载 Word 稿" in detail
    preview = client.get(reverse("documents:document_file", args=[doc.pk]))
    assert preview.status_code == 200 and doc.number in preview.content.decode()
    assert "default-src 'none'" in preview["Content-Security-Policy"]

    draft = client.get(reverse("documents:document_docx", args=[doc.pk]))
    assert draft.status_code == 200 and "attachment" in draft["Content-Disposition"]
    word = Docx(io.BytesIO(draft.content))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "行政处罚决定书" in text and doc.number in text and "罚款人民币3,000.00元（大写：叁仟元整）" in text
    run = next(p for p in word.paragraphs if p.text == "行政处罚决定书").runs[0]
    assert run._element.rPr.rFonts.get(qn("w:eastAsia")) == "Noto Serif CJK SC" and run.font.size.pt == 22
    assert round(word.sections[0].left_margin.mm) == 28 and round(word.sections[0].top_margin.mm) == 37

    # Another agency's officer finds nothing.
    client.force_login(w.other_officer)
    assert client.get(doc.get_absolute_url()).status_code == 404
    assert client.get(reverse("documents:document_docx", args=[doc.pk])).status_code == 404
    assert client.get(url).status_code == 404


def test_the_on_the_spot_decision_prints_on_an_80_mm_receipt(client, w):
    case = on_the_spot(w)
    client.force_login(w.zhang)
    client.post(reverse("documents:document_issue", args=[case.pk]), {"kind": "on_spot_decision"})
    doc = Document.objects.get(kind=Kind.ON_SPOT_DECISION)
    receipt = client.get(reverse("documents:document_receipt", args=[doc.pk])).content.decode()
    assert 'class="receipt"' in receipt and doc.number in receipt and "张执法" in receipt
    assert "size: 80mm 297mm" in receipt


def test_a_correction_from_the_page_keeps_the_old_version(client, w):
    case = decided(w)
    client.force_login(w.zhang)
    client.post(reverse("documents:document_issue", args=[case.pk]), {"kind": "penalty_decision"})
    doc = Document.objects.get()
    url = reverse("documents:document_correct", args=[doc.pk])
    assert client.post(url, {"reason": ""}).status_code >= 400
    res = client.post(url, {"reason": "当事人住所登记有误"})
    new = Document.objects.get(version=2)
    assert res.status_code == 302 and res["Location"] == new.get_absolute_url()
    page = client.get(new.get_absolute_url()).content.decode()
    assert "第1版" in page and "当事人住所登记有误" in page


def test_each_acts_record_on_the_case_page_links_to_the_document_it_produced(client, w):
    case = decided(w)
    inspection = case.inspections.get()
    client.force_login(w.zhang)
    page = client.get(case.get_absolute_url()).content.decode()
    make = (
        f"{reverse('documents:document_issue', args=[case.pk])}?kind=inspection_record"
        f"&amp;source_type=cases.inspection&amp;source_id={inspection.pk}"
    )
    assert make in page and "制作现场笔录" in page and "制作案件调查终结报告" in page and "制作立案审批表" in page
    res = client.post(
        reverse("documents:document_issue", args=[case.pk]),
        {"kind": "inspection_record", "source_type": "cases.inspection", "source_id": inspection.pk},
    )
    doc = Document.objects.get(kind=Kind.INSPECTION_RECORD)
    assert res.status_code == 302 and doc.source_id == inspection.pk
    page = client.get(case.get_absolute_url()).content.decode()
    assert make not in page
    for link in (
        reverse("documents:document_file", args=[doc.pk]),
        reverse("documents:document_file", args=[doc.pk]) + "?download=1",
        reverse("documents:document_docx", args=[doc.pk]),
    ):
        assert f'href="{link}"' in page, link
    draft = client.get(reverse("documents:document_docx", args=[doc.pk]))
    word = Docx(io.BytesIO(draft.content))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert "渝中区解放碑某超市" in cells and "店长王某" in cells
    # A user who may not issue documents sees the documents, not the links to make them.
    client.force_login(w.reviewer)
    page = client.get(case.get_absolute_url()).content.decode()
    assert "制作现场笔录" not in page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_case_page_with_its_acts_documents_reads_at_1280_and_390_px(page, live_server, tmp_path):
    import os
    import re
    from pathlib import Path

    from zhifa.documents import services
    from zhifa.documents.tests.builders import through_the_court
    from zhifa.documents.tests.conftest import make_documents_world

    w = make_documents_world()
    case = through_the_court(w)
    for kind in (Kind.INSPECTION_RECORD, Kind.HEARING_NOTICE, Kind.HEARING_RECORD, Kind.PAYMENT_REMINDER):
        services.document_issue(actor=w.zhang, case=case, kind=kind)
    w.zhang.set_password("zhifa-test-pw")
    w.zhang.save()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", w.zhang.username)
    page.fill("input[name=password]", "zhifa-test-pw")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/cases/workbench/"))
    shots = Path(os.environ.get("ZHIFA_DOCUMENT_PNG_DIR", "/tmp/zhifa-document-pngs"))
    shots.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server.url}{case.get_absolute_url()}")
        assert page.locator("#hearings .record-docs a", has_text="Word 稿").count() == 2
        assert page.locator("#execution .record-docs a", has_text="预览").count() == 1
        page.screenshot(path=str(shots / f"case-documents-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width


def _edited(draft: bytes, change) -> bytes:
    word = Docx(io.BytesIO(draft))
    for p in word.paragraphs:
        change(p)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _upload(data: bytes, name="edited.docx"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.mark.clause("D3.10c")
def test_an_edited_word_draft_is_uploaded_checked_and_issued_with_its_hash_recorded(client, w):
    import hashlib

    from zhifa.core.errors import DomainError
    from zhifa.core.models import AuditEvent
    from zhifa.documents import services, store
    from zhifa.documents.tests.builders import decided_with_defence
    from zhifa.testing import assert_refused

    case = decided_with_defence(w)
    url = reverse("documents:document_issue", args=[case.pk])
    client.force_login(w.zhang)
    form = client.get(url, {"kind": "penalty_decision"}).content.decode()
    assert "下载 Word 草稿" in form and 'type="file"' in form
    draft = client.get(url, {"kind": "penalty_decision", "draft": "1"})
    assert draft.status_code == 200 and "attachment" in draft["Content-Disposition"]

    def drop_court(p):
        if "重庆市渝中区人民法院" in p.text:
            p.runs[0].text = p.text.replace("重庆市渝中区人民法院", "有管辖权的人民法院")
            for r in p.runs[1:]:
                r.text = ""

    res = client.post(url, {"kind": "penalty_decision", "docx": _upload(_edited(draft.content, drop_court))})
    assert res.status_code == 422 and "人民法院“重庆市渝中区人民法院”" in res.content.decode()
    with pytest.raises(DomainError) as e:
        services.document_issue(
            actor=w.zhang, case=case, kind=Kind.PENALTY_DECISION, docx=_edited(draft.content, drop_court)
        )
    assert_refused(e, "D3.10c", code="edited_text_keeps_what_the_law_requires", field="docx")

    def other_amount(p):
        if p.text.startswith("违法事实清楚"):
            p.runs[0].text = p.text + "依法并处罚款195元。"
            for r in p.runs[1:]:
                r.text = ""

    res = client.post(url, {"kind": "penalty_decision", "docx": _upload(_edited(draft.content, other_amount))})
    assert res.status_code == 422 and "195.00" in res.content.decode()
    res = client.post(url, {"kind": "penalty_decision", "docx": _upload(b"not a word file")})
    assert res.status_code == 400 and "Word 文档" in res.content.decode()
    assert not Document.objects.exists()

    def reasoned(p):
        if p.text.startswith("违法事实清楚"):
            p.runs[0].text = p.text + "当事人系初次违法，且积极配合调查。"
            for r in p.runs[1:]:
                r.text = ""

    edited = _edited(draft.content, reasoned)
    res = client.post(url, {"kind": "penalty_decision", "docx": _upload(edited)})
    doc = Document.objects.get(kind=Kind.PENALTY_DECISION)
    assert res.status_code == 302
    issued = store.read(doc.sha256).decode()
    assert "当事人系初次违法，且积极配合调查" in issued and doc.number in issued and "重庆市渝中区人民法院" in issued
    event = AuditEvent.objects.get(act="document.issue", object_id=str(doc.pk))
    assert (
        event.changes["edited_docx_sha256"]
        == hashlib.sha256(edited).hexdigest()
        == doc.content["checks"]["edited_docx_sha256"]
    )
    assert store.read(event.changes["edited_docx_sha256"]) == edited
