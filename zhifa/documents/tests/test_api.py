"""The documents API: the list (scoped, filtered, a constant number of queries), one
document, issuing and correcting, and the public verification by code."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhifa.documents.kinds import Kind
from zhifa.documents.models import Document
from zhifa.documents.tests.builders import decided, make_document
from zhifa.testing import assert_api_refused

pytestmark = pytest.mark.django_db


def test_issue_correct_list_and_verify_over_http(api, w):
    case = decided(w)
    res = api(w.zhang).post("documents/", {"case_id": case.pk, "kind": "penalty_decision"})
    assert res.status_code == 201, res.content
    doc = res.json()
    assert doc["number"] == case.decision.number and doc["kind_label"] == "行政处罚决定书" and doc["current"]
    again = api(w.zhang).post("documents/", {"case_id": case.pk, "kind": "penalty_decision"})
    assert again.status_code == 422 and again.json()["code"] == "duplicate"
    bad = api(w.zhang).post("documents/", {"case_id": case.pk, "kind": "no_such_kind"})
    assert bad.status_code == 400
    # The case file's cover is issued once the case is archived (D3.10b: the record on file).
    early = api(w.zhang).post("documents/", {"case_id": case.pk, "kind": "file_cover"})
    assert early.status_code == 422 and "立卷归档" in early.json()["message"]
    other = api(w.other_officer).post("documents/", {"case_id": case.pk, "kind": "penalty_decision"})
    assert other.status_code == 400 and other.json()["field"] == "case_id"

    fixed = api(w.zhang).post(f"documents/{doc['id']}/corrections", {"reason": "收款账号登记有误"})
    assert fixed.status_code == 201 and fixed.json()["version"] == 2 and fixed.json()["previous_id"] == doc["id"]
    assert api(w.zhang).get(f"documents/{doc['id']}").json()["current"] is False
    assert api(w.other_officer).get(f"documents/{doc['id']}").status_code == 404

    listed = api(w.zhang).get("documents/", query_params={"case": case.pk, "current": "yes"}).json()
    assert [d["version"] for d in listed["items"]] == [2]
    assert api(w.zhang).get("documents/", query_params={"current": "maybe"}).status_code == 400
    assert api(w.other_officer).get("documents/").json()["count"] == 0

    public = api().get(f"documents/verify/{doc['verification_code']}")
    assert public.status_code == 200
    body = public.json()
    assert body["number"] == doc["number"] and body["current"] is False and body["proof_verified"] is True
    assert api().get("documents/verify/NOSUCH").status_code == 404
    assert_api_refused(api().post("documents/", {"case_id": case.pk, "kind": "penalty_decision"}), 401)


@pytest.mark.parametrize("n", [5, 50])
def test_the_list_costs_the_same_queries_for_5_and_50_documents(api, w, n, django_assert_max_num_queries):
    case = decided(w)
    for i in range(n):
        make_document(case, w.zhang, kind=Kind.SERVICE_RECEIPT, title="送达回证", version=i + 1)
        Document.objects.filter(kind=Kind.SERVICE_RECEIPT).update(superseded_on=case.decision.decided_on)
    client = api(w.zhang)
    client.get("documents/")  # the session and user, once
    with CaptureQueriesContext(connection) as ctx:
        res = client.get("documents/", query_params={"limit": 100})
    assert res.json()["count"] == n
    assert len(ctx.captured_queries) <= 8, [q["sql"] for q in ctx.captured_queries]


@pytest.mark.clause("D3.10b")
def test_any_kind_is_issued_over_http_from_the_record_named_and_refused_without_one(api, w):
    case = decided(w)
    notice = case.notices.get()
    res = api(w.zhang).post(
        "documents/",
        {"case_id": case.pk, "kind": "service_receipt", "source_type": "cases.notice", "source_id": notice.pk},
    )
    assert res.status_code == 201, res.content
    assert res.json()["kind_label"] == "送达回证" and res.json()["number"] == case.filing_number
    receipt = Document.objects.get(pk=res.json()["id"])
    assert receipt.source_type == "cases.notice" and receipt.source_id == notice.pk
    # The decision is not served yet: its receipt has nothing to state.
    res = api(w.zhang).post(
        "documents/",
        {"case_id": case.pk, "kind": "service_receipt", "source_type": "cases.decision", "source_id": case.decision.pk},
    )
    body = assert_api_refused(res, 422, "D3.10b", code="record_on_file")
    assert "尚未送达" in body["message"]
    res = api(w.zhang).post("documents/", {"case_id": case.pk, "kind": "hearing_report"})
    assert_api_refused(res, 422, "D3.10b", code="record_on_file")
    res = api(w.zhang).post("documents/", {"case_id": case.pk, "kind": "report", "source_type": "cases.nothing"})
    assert res.status_code == 400


@pytest.mark.clause("D3.10c")
def test_an_edited_word_draft_is_issued_through_the_api_with_the_same_rules(client, w):
    """A multipart POST (the docx and the issue's fields): a draft that names the court no
    more is refused naming D3.10c; a draft with a reasoned addition is issued, its hash recorded."""
    import hashlib
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from docx import Document as Docx

    from zhifa.core.models import AuditEvent
    from zhifa.documents import compose_records, rendering
    from zhifa.documents.tests.builders import decided_with_defence

    case = decided_with_defence(w)
    draft = rendering.docx_of(compose_records.draft(case, Kind.PENALTY_DECISION, None, "", w.zhang))

    def edited(change) -> bytes:
        word = Docx(io.BytesIO(draft))
        for p in word.paragraphs:
            change(p)
        out = io.BytesIO()
        word.save(out)
        return out.getvalue()

    def replace(old, new):
        def change(p):
            if old in p.text:
                p.runs[0].text = p.text.replace(old, new)
                for r in p.runs[1:]:
                    r.text = ""

        return change

    def post(data: bytes, user=w.zhang, **fields):
        client.force_login(user)
        upload = SimpleUploadedFile("edited.docx", data, content_type="application/octet-stream")
        body = {"case_id": case.pk, "kind": "penalty_decision", "docx": upload, **fields}
        return client.post("/api/v1/documents/edited", body)

    res = post(edited(replace("重庆市渝中区人民法院", "有管辖权的人民法院")))
    assert res.status_code == 422, res.content
    body = res.json()
    assert "D3.10c" in body["message"] and "人民法院“重庆市渝中区人民法院”" in body["message"]
    assert body["field"] == "docx"
    assert post(b"not a word file").status_code == 400
    assert post(draft, user=w.other_officer).status_code == 400  # another agency's case: case_id
    assert not Document.objects.exists()

    good = edited(replace("违法事实清楚", "当事人系初次违法，且积极配合调查。违法事实清楚"))
    res = post(good)
    assert res.status_code == 201, res.content
    doc = Document.objects.get(pk=res.json()["id"])
    assert "当事人系初次违法" in "".join(p for s in doc.content["sections"] for p in s["paragraphs"])
    event = AuditEvent.objects.get(act="document.issue", object_id=str(doc.pk))
    assert event.changes["edited_docx_sha256"] == hashlib.sha256(good).hexdigest()
    again = post(good)
    assert again.status_code == 422 and again.json()["code"] == "duplicate"
