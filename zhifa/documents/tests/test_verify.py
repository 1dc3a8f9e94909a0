"""The public verification page (anonymous): a document's essentials by its verification
code, an uploaded file's SHA-256 compared with the issued one, and the issuing event's
inclusion proof against the latest signed checkpoint. In Chromium, from the URL read off
the QR code of the rendered PDF."""

import subprocess

import pytest
import zxingcpp
from django.urls import reverse
from PIL import Image

from zhifa.documents import services, store
from zhifa.documents.kinds import Kind
from zhifa.documents.tests.builders import decided, on_the_spot


def _issue(w, kind=Kind.PENALTY_DECISION):
    case = decided(w) if kind == Kind.PENALTY_DECISION else on_the_spot(w)
    return services.document_issue(actor=w.zhang, case=case, kind=kind)


@pytest.mark.django_db
def test_anyone_sees_the_essentials_compares_a_file_and_reads_the_proof(client, w):
    doc = _issue(w)
    url = reverse("documents:verify", args=[doc.verification_code])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    for expected in [doc.number, "行政处罚决定书", "重庆市渝中区市场监督管理局", doc.sha256, "当前为有效版本"]:
        assert expected in html, expected
    assert "已验证" in html and f"第 {doc.audit_seq} 号" in html
    # Lower case and spaces in a typed code still find it.
    assert client.get(reverse("documents:verify", args=[doc.verification_code.lower()])).status_code == 200

    same = client.post(url, {"file": _upload(store.read(doc.sha256))})
    assert "一致：您上传的文件与签发的文书完全相同" in same.content.decode()
    changed = bytearray(store.read(doc.sha256))
    changed[100] ^= 1
    other = client.post(url, {"file": _upload(bytes(changed))})
    assert "不一致" in other.content.decode()
    assert client.post(url, {}).status_code == 400

    assert client.get(reverse("documents:verify", args=["NOSUCHCODE"])).status_code == 404
    found = client.get(reverse("documents:verify_home"), {"code": f" {doc.verification_code} "})
    assert found.status_code == 302 and found["Location"] == url


@pytest.mark.django_db
def test_a_corrected_document_says_it_was_superseded(client, w):
    doc = _issue(w)
    services.document_correct(actor=w.zhang, document=doc, reason="当事人住所登记有误")
    html = client.get(reverse("documents:verify", args=[doc.verification_code])).content.decode()
    assert "已于" in html and "被更正版本取代" in html


def _upload(data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("decision.pdf", data, content_type="application/pdf")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_from_the_qr_code_of_the_pdf_to_the_verification_page_in_chromium(page, live_server, settings, tmp_path):
    from zhifa.documents.tests.conftest import make_documents_world

    settings.ZHIFA_PUBLIC_URL = live_server.url
    settings.ZHIFA_DOCUMENTS_RENDER = True
    w = make_documents_world()
    doc = _issue(w, Kind.ON_SPOT_DECISION)
    pdf = tmp_path / "decision.pdf"
    pdf.write_bytes(store.read(doc.sha256))
    subprocess.run(["pdftoppm", "-png", "-r", "100", str(pdf), str(tmp_path / "page")], check=True)
    urls = [r.text for png in sorted(tmp_path.glob("page*.png")) for r in zxingcpp.read_barcodes(Image.open(png))]
    assert urls == [f"{live_server.url}/documents/verify/{doc.verification_code}/"]

    page.goto(urls[0])
    assert page.locator("h1").first.inner_text().strip() == "核验执法文书"
    body = page.locator("main").inner_text()
    assert doc.number in body and "当前为有效版本" in body and "已验证" in body
    page.set_input_files("input[type=file]", str(pdf))
    page.click("#upload button[type=submit]")
    page.wait_for_selector("#match")
    # On a phone, the page still reads.
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(tmp_path / "verify-390.png"), full_page=True)
    wide = page.evaluate(
        "[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > 391)"
        ".map(e => e.tagName + '.' + e.className + ':' + e.textContent.slice(0, 30))"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, wide


@pytest.mark.django_db
def test_the_proof_is_against_the_cosigned_checkpoint_once_a_witness_has_cosigned(client, w, tmp_path, settings):
    from zhifa.core import audit, witness
    from zhifa.core.tests.test_witness import ClientTransport

    doc = _issue(w)
    url = reverse("documents:verify", args=[doc.verification_code])
    html = client.get(url).content.decode()
    assert 'id="not-cosigned"' in html and "还没有见证者连署的检查点" in html

    store = witness.Store(tmp_path / "witness")
    store.init(name="审计局见证节点", log_public_key=audit.public_key_info()["public_key"])
    settings.AUDIT_WITNESSES = {"审计局见证节点": store.public_key()}
    cosigned = witness.witness_once(store, ClientTransport(client))
    assert cosigned.tree_size > doc.audit_seq

    html = client.get(url).content.decode()
    assert 'id="cosigned"' in html and "审计局见证节点" in html and "已验证" in html
    assert f"树大小 {cosigned.tree_size}" in html
    api = client.get(f"/api/v1/documents/verify/{doc.verification_code}").json()
    assert api["cosigned"] is True and api["witnesses"] == ["审计局见证节点"] and api["tree_size"] == cosigned.tree_size
    assert api["proof_verified"] is True

    # A document issued after the last cosignature: said plainly, proven against the platform's own checkpoint.
    later = _issue(w, Kind.ON_SPOT_DECISION)
    html = client.get(reverse("documents:verify", args=[later.verification_code])).content.decode()
    assert 'id="not-cosigned"' in html and "签发事件尚未被见证者连署" in html and "已验证" in html
