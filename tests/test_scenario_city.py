"""SCENARIOS.md 1 and 7 across the apps, over HTTP, as the people in them would walk it:
a citizen complains on the public site and follows the tracking number; the bureau takes
the complaint up as a clue and files it; two officers inspect; the notice is issued as a
document and served; the party logs in with its access code and defends online; the
defence is received, reviewed and answered in the decision; the decision is issued,
served and paid; the daily tick publishes it; anyone verifies the document by its code
and finds it on the public register, and the complainant sees the answer.

Each app tests its own part; this test checks that the parts fit: what one app hands the
next (the complaint's clue, the notice's access code, the submission's defence, the
decision's document and publication) arrives."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from zhifa.cases.tests.builders import D0, wd
from zhifa.complaints.models import Complaint
from zhifa.documents.tests.conftest import make_documents_world
from zhifa.portal.models import Submission
from zhifa.testing import Api, frozen

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def roots(settings, tmp_path):
    settings.EVIDENCE_ROOT = tmp_path / "evidence"
    settings.DOCUMENT_ROOT = tmp_path / "documents"


def ok(res, status=200):
    assert res.status_code == status, f"{res.status_code}: {res.content.decode()[:800]}"
    return res.json() if res.get("Content-Type", "").startswith("application/json") else res


def test_from_a_public_complaint_to_a_published_decision_that_anyone_can_verify(client):
    w = make_documents_world()
    api = lambda user=None: Api(client, user)  # noqa: E731

    # 1. A citizen complains on the public site, without logging in, and gets a tracking number.
    with frozen(D0):
        res = client.post(
            "/complaints/public/new/",
            {
                "kind": "violation",
                "description": "解放碑某超市货架上有过期牛奶在售。",
                "violation_item": w.item.pk,
                "place": w.district.pk,
                "address": "民族路100号",
                "complainant_name": "市民甲",
                "complainant_contact": "13800001111",
            },
        )
    assert res.status_code == 302, res.content.decode()[:800]
    complaint = Complaint.objects.get()
    number = complaint.tracking_number
    assert w.agency.name in client.get("/complaints/public/track/", {"number": number}).content.decode()

    # 2. The bureau holding the power takes it up as a clue (the complaint was routed to it).
    with frozen(D0):
        client.force_login(w.zhang)
        assert client.post(f"/complaints/{complaint.pk}/take-up/", {}).status_code == 302
    complaint.refresh_from_db()
    pk = complaint.case_id
    case = ok(api(w.zhang).get(f"cases/{pk}"))
    assert case["status"] == "clue" and case["source"] == "complaint"

    # 3. Filing proposed by the officer, approved by the head within 15 working days.
    ok(
        api(w.zhang).post(
            f"cases/{pk}/filing/proposal",
            {
                "party_id": w.org.pk,
                "violation_item_id": w.item.pk,
                "place_id": w.district.pk,
                "act_date": D0,
                "investigator_ids": [w.zhang_officer.pk, w.li_officer.pk],
                "lead_officer_id": w.zhang_officer.pk,
                "reason": "举报属实的可能性大，属本机关管辖。",
                "on": D0,
            },
        )
    )
    case = ok(api(w.head).post(f"cases/{pk}/filing/approval", {"on": wd(D0, 1)}))
    assert case["status"] == "investigating" and case["deadline"]["label"] == "作出处理决定"
    # The bureau answers the complainant within its 15 working days: filed for investigation.
    res = client.post(
        f"/complaints/{complaint.pk}/answer/",
        {"answer": "经查，举报属实，已立案调查，将依法处理并公开处罚决定。", "on": str(wd(D0, 1))},
    )
    assert res.status_code == 302, res.status_code

    # 4. Two certified officers inspect; the report proposes the penalty the benchmark gives.
    ok(
        api(w.zhang).post(
            f"cases/{pk}/inspections",
            {
                "kind": "inspection",
                "place": "渝中区解放碑某超市",
                "subject": "店长王某",
                "officer_ids": [w.zhang_officer.pk, w.li_officer.pk],
                "certificates_shown": True,
                "record": "货架上发现超过保质期的牛奶12盒。",
                "on": wd(D0, 2),
            },
        ),
        201,
    )
    ok(
        api(w.zhang).post(
            f"cases/{pk}/report",
            {
                "facts": "当事人销售超过保质期的牛奶12盒，违法所得240元。",
                "evidence_summary": "现场检查笔录。",
                "outcome": "penalty",
                "reasons": "违法事实清楚，证据确凿。",
                "terms": {"fine": "3000", "confiscation": "240"},
                "basis_article_ids": [w.article.pk],
                "circumstances": {"first_offence": True},
                "on": wd(D0, 3),
            },
        ),
        201,
    )

    # 5. The notice: recorded, issued as a document, served; the party gets its access code.
    ok(api(w.zhang).post(f"cases/{pk}/notice", {"on": wd(D0, 4)}), 201)
    notice = ok(api(w.zhang).post("documents/", {"case_id": pk, "kind": "prior_notice"}), 201)
    approval = ok(api(w.zhang).post("documents/", {"case_id": pk, "kind": "filing_approval"}), 201)
    assert approval["kind_label"] == "立案审批表"
    assert notice["kind_label"] == "行政处罚告知书" and notice["number"]
    ok(api(w.zhang).post(f"cases/{pk}/notice/service", {"method": "direct", "served_to": "店长王某", "on": wd(D0, 4)}))
    client.force_login(w.zhang)
    issued = client.post(f"/party-access/{pk}/issue/", {"on": str(wd(D0, 4))})
    assert issued.status_code == 200
    code = issued.context["code"]
    client.logout()

    # 6. The party logs in with it, sees the notice and defends online.
    assert client.post("/party/login/", {"identifier": w.org.uscc, "code": code}).status_code == 302
    page = client.get(f"/party/cases/{pk}/").content.decode()
    assert "行政处罚事先告知书" in page and notice["number"] in page
    # The notice the party holds is on its page, to read, download and verify; the agency's
    # internal forms (the filing approval) are not.
    assert f"/party/cases/{pk}/documents/{notice['id']}/" in page and notice["verification_code"] in page
    assert f"/party/cases/{pk}/documents/{approval['id']}/" not in page
    held = client.get(f"/party/cases/{pk}/documents/{notice['id']}/")
    assert held.status_code == 200 and notice["number"] in held.content.decode()
    assert client.get(f"/party/cases/{pk}/documents/{approval['id']}/").status_code == 404
    with frozen(wd(D0, 5)):
        res = client.post(f"/party/cases/{pk}/defence/", {"points": "不知道已过保质期"})
    assert res.status_code == 302
    client.post("/party/logout/")

    # 7. The officer receives it into the case; the point is reviewed (not adopted, with reasons).
    submission = Submission.objects.get(case_id=pk)
    client.force_login(w.zhang)
    with frozen(wd(D0, 5)):
        assert client.post(f"/party-submissions/{submission.pk}/receive/", {"on": str(wd(D0, 5))}).status_code == 302
    case = ok(api(w.zhang).get(f"cases/{pk}"))
    point = case["defences"][0]["points"][0]
    assert point["text"] == "不知道已过保质期"
    ok(
        api(w.li).post(
            f"cases/{pk}/defence-points/{point['id']}/review",
            {"adopted": False, "reason": "经营者负有进货查验义务，不知情不能免除责任。", "on": wd(D0, 6)},
        )
    )

    # 8. The head who did not investigate decides after the defence period; the decision
    #    answers the defence; it is issued as a document, served and paid at the bank.
    ok(api(w.zhang).post(f"cases/{pk}/submission", {"on": wd(D0, 12)}))
    case = ok(
        api(w.head2).post(f"cases/{pk}/decision", {"on": wd(D0, 13), "public_summary": "某超市销售过期食品被处罚。"})
    )
    assert "不知道已过保质期" in case["decision"]["defence_answers"]
    decision = ok(api(w.zhang).post("documents/", {"case_id": pk, "kind": "penalty_decision"}), 201)
    assert decision["number"] == case["decision"]["number"]
    ok(
        api(w.wang).post(
            f"cases/{pk}/decision/service", {"method": "direct", "served_to": "法定代表人", "on": wd(D0, 14)}
        )
    )
    case = ok(
        api(w.wang).post(
            f"cases/{pk}/payments",
            {
                "paid_on": wd(D0, 15),
                "amount": "3240",
                "method": "bank",
                "bank": "中国工商银行重庆渝中支行",
                "receipt_number": "5000012026000456",
                "on": wd(D0, 15),
            },
        ),
        201,
    )
    assert case["status"] == "executed"

    # 9. The daily tick publishes the decision within 7 working days; the public finds it.
    with frozen(wd(D0, 16)):
        call_command("tick", verbosity=0)
    client.logout()
    register = client.get("/publications/").content.decode()
    assert decision["number"] in register and w.org.name in register

    # 10. Anyone verifies the decision by its code (the QR code's address): genuine, current,
    #     its audit inclusion proof checked.
    public = ok(api().get(f"documents/verify/{decision['verification_code']}"))
    assert public["number"] == decision["number"] and public["current"] and public["proof_verified"]
    page = client.get(f"/documents/verify/{decision['verification_code']}/").content.decode()
    assert decision["number"] in page and "已验证" in page

    # 11. The complainant reads the bureau's answer by the tracking number.
    client.logout()
    tracked = client.get("/complaints/public/track/", {"number": number}).content.decode()
    assert "举报属实" in tracked
