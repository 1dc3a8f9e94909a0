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
