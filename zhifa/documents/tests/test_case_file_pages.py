"""The case file's own pages (D6.2a) as documents: 卷宗封面, 卷内文件目录 and 卷内备考表,
composed from the archived CaseFile (archive number, retention, contents, digest) and
issued on their own after archiving; the bound file lays out the same composition."""

import os
import re
import subprocess
from pathlib import Path

import pytest

from zhifa.cases import services as case_services
from zhifa.cases.tests.builders import D0, filed, wd
from zhifa.core.errors import DomainError
from zhifa.documents import binding, compose_records, services, store
from zhifa.documents.kinds import Kind
from zhifa.testing import assert_refused

pytestmark = pytest.mark.django_db
PNG_DIR = Path(os.environ.get("ZHIFA_DOCUMENT_PNG_DIR", "/tmp/zhifa-document-pngs"))


def archived(w):
    case = filed(w)
    case = case_services.terminate(actor=w.head, case=case, reason="当事人已注销，无权利义务承受人。", on=wd(D0, 3))
    case = case_services.close(actor=w.head, case=case, on=wd(D0, 3))
    case_services.archive(actor=w.wang, case=case, on=wd(D0, 4))
    return type(case).objects.get(pk=case.pk)


def text_of(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


@pytest.mark.clause("D3.10b")
def test_the_case_files_pages_are_refused_before_archiving(w):
    case = filed(w)
    for kind in (Kind.FILE_COVER, Kind.FILE_INDEX, Kind.FILE_NOTE):
        with pytest.raises(DomainError) as e:
            services.document_issue(actor=w.zhang, case=case, kind=kind)
        assert_refused(e, "D3.10b", code="record_on_file")
        assert "立卷归档" in e.value.message


@pytest.mark.clause("D6.2a")
def test_the_cover_index_and_note_are_issued_from_the_archived_file(w, rendered, tmp_path):
    case = archived(w)
    case_file = case.file
    texts = {}
    for kind in (Kind.FILE_COVER, Kind.FILE_INDEX, Kind.FILE_NOTE):
        doc = services.document_issue(actor=w.zhang, case=case, kind=kind)
        assert doc.number == case_file.archive_number and doc.source_type == "cases.casefile"
        assert doc.is_pdf and doc.signed
        pdf = store.read(doc.sha256)
        texts[kind] = text_of(pdf, tmp_path)
        # To look at: the issued pages as PNG (pdftoppm), beside the decision's and the notice's.
        PNG_DIR.mkdir(parents=True, exist_ok=True)
        (tmp_path / f"{kind}.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(tmp_path / f"{kind}.pdf"), str(PNG_DIR / kind)], check=True)
    cover = texts[Kind.FILE_COVER]
    assert "行政处罚案卷" in cover and case_file.archive_number in cover and case.number in cover
    assert f"保管期限{case_file.retention}" in cover and case.party.name in cover
    assert case_file.digest[:32] in cover and f"{len(case_file.contents)}件" in cover
    index = texts[Kind.FILE_INDEX]
    assert "卷内文件目录" in index and case_file.digest[:32] in index
    for item in case_file.contents:
        assert re.sub(r"\s+", "", item["title"])[:10] in index, item["title"]
        assert item["sha256"][:12] in index
    note = texts[Kind.FILE_NOTE]
    assert "卷内备考表" in note and f"本卷共有材料{len(case_file.contents)}件" in note
    assert f"保管期限{case_file.retention}" in note and f"立卷人：{case.lead_officer.name}" in note
    # Issued once: a second issue is refused; a correction is a new version.
    with pytest.raises(DomainError):
        services.document_issue(actor=w.zhang, case=case, kind=Kind.FILE_COVER)


@pytest.mark.clause("D6.2a")
def test_the_bound_file_lays_out_the_same_composition(w, tmp_path, monkeypatch):
    case = archived(w)
    called = []
    for name in ("file_cover", "file_index", "file_note"):
        original = getattr(compose_records, name)

        def spy(*args, _original=original, _name=name, **kw):
            called.append(_name)
            return _original(*args, **kw)

        monkeypatch.setattr(compose_records, name, spy)
    bound = binding.bind(case)
    assert {"file_cover", "file_index", "file_note"} <= set(called)
    path = tmp_path / "file.pdf"
    path.write_bytes(bound.pdf)
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-l", "2", str(path), str(PNG_DIR / "bound-file")], check=True)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    text = re.sub(r"\s+", "", out)
    assert case.file.archive_number in text and f"共{bound.pages}页" in text and "页号" in text


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_archived_case_page_offers_the_case_files_pages_at_1280_and_390_px(page, live_server):
    from zhifa.documents.tests.conftest import make_documents_world

    w = make_documents_world()
    case = archived(w)
    services.document_issue(actor=w.zhang, case=case, kind=Kind.FILE_COVER)
    w.zhang.set_password("zhifa-test-pw")
    w.zhang.save()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", w.zhang.username)
    page.fill("input[name=password]", "zhifa-test-pw")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/cases/workbench/"))
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server.url}{case.get_absolute_url()}")
        card = page.locator("#documents")
        assert card.locator(".record-docs", has_text="卷宗封面").count() == 1
        assert card.locator("a[data-issue=file_index]").count() == 1
        assert card.locator("a[data-issue=file_note]").count() == 1
        card.scroll_into_view_if_needed()
        page.screenshot(path=str(PNG_DIR / f"case-file-documents-{width}.png"), full_page=True)
        card.screenshot(path=str(PNG_DIR / f"case-file-documents-card-{width}.png"))
        assert page.evaluate("document.documentElement.scrollWidth") <= width
