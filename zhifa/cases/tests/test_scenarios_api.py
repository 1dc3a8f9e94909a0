"""Whole cases walked through the HTTP API, from the clue to the archive, as the officer,
the agency head, the legal reviewer and the executing officer would; with the refused
roles and scopes along the way (SCENARIOS.md 1, 3, 4, 5)."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from zhifa.cases import api
from zhifa.cases.tests.builders import D0, wd
from zhifa.cases.transitions import TRANSITIONS
from zhifa.core.models import AuditEvent
from zhifa.testing import Api, assert_api_refused

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_(client):
    return lambda user: Api(client, user)


def ok(res, status=200):
    assert res.status_code == status, f"{res.status_code}: {res.content.decode()[:800]}"
    return res.json()


def upload(client, user, case_id, on, text="照片"):
    client.force_login(user)
    res = client.post(
        f"/api/v1/cases/{case_id}/evidence",
        {
            "kind": "audiovisual",
            "title": "现场照片",
            "source": "执法人员现场拍摄",
            "collected_on": on.isoformat(),
            "on": on.isoformat(),
            "content": SimpleUploadedFile("photo.jpg", text.encode(), content_type="image/jpeg"),
        },
    )
    return ok(res, 201)


def open_case(as_, w, *, on=D0, item=None, party=None):
    body = ok(
        as_(w.zhang).post(
            "cases/",
            {
                "source": "complaint",
                "received_on": on,
                "on": on,
                "summary": "群众举报：超市销售过期牛奶。",
                "party_id": (party or w.org).pk,
                "violation_item_id": (item or w.item).pk,
                "place_id": w.district.pk,
                "act_date": on - timedelta(days=2),
                "reporter_name": "市民甲",
                "reporter_contact": "138xxxx0000",
            },
        ),
        201,
    )
    assert body["status"] == "clue" and body["deadline"]["label"] == "决定是否立案"
    return body


def file_case(as_, w, case, *, on=D0, **flags):
    ok(
        as_(w.zhang).post(
            f"cases/{case['id']}/filing/proposal",
            {
                "party_id": w.org.pk,
                "violation_item_id": w.item.pk,
                "place_id": w.district.pk,
                "act_date": on - timedelta(days=2),
                "investigator_ids": [w.zhang_officer.pk, w.li_officer.pk],
                "lead_officer_id": w.zhang_officer.pk,
                "reason": "有证据初步证明当事人销售过期食品，属本机关管辖。",
                "on": on,
                **flags,
            },
        )
    )
    # An officer may not approve filing; the head does.
    assert_api_refused(as_(w.li).post(f"cases/{case['id']}/filing/approval", {"on": wd(on, 1)}), 403, code="forbidden")
    body = ok(as_(w.head).post(f"cases/{case['id']}/filing/approval", {"on": wd(on, 1)}))
    assert body["status"] == "investigating" and body["filing_number"].startswith("渝中市监立〔2026〕")
    assert body["deadline"]["label"] == "作出处理决定"
    return body


def investigate(as_, client, w, case, *, on=D0, terms, outcome="penalty"):
    pk = case["id"]
    # One officer alone: refused, naming D3.8.
    assert_api_refused(
        as_(w.zhang).post(
            f"cases/{pk}/inspections",
            {
                "kind": "inspection",
                "place": "解放碑某超市",
                "subject": "店长王某",
                "officer_ids": [w.zhang_officer.pk],
                "certificates_shown": True,
                "record": "……",
                "on": wd(on, 2),
            },
        ),
        422,
        clause="D3.8",
    )
    ok(
        as_(w.zhang).post(
            f"cases/{pk}/inspections",
            {
                "kind": "inspection",
                "place": "解放碑某超市",
                "subject": "店长王某",
                "officer_ids": [w.zhang_officer.pk, w.li_officer.pk],
                "certificates_shown": True,
                "record": "货架上有超过保质期的牛奶12盒，已拍照取证。",
                "on": wd(on, 2),
            },
        ),
        201,
    )
    body = upload(client, w.zhang, pk, wd(on, 2), text=f"photo of case {pk}")
    assert len(body["evidence"][0]["sha256"]) == 64
    ok(
        as_(w.zhang).post(
            f"cases/{pk}/report",
            {
                "facts": "当事人销售超过保质期的牛奶12盒，违法所得1200元。",
                "evidence_summary": "现场检查笔录、照片。",
                "outcome": outcome,
                "reasons": "违法事实清楚，证据确凿，依法应予处罚。",
                "terms": terms,
                "basis_article_ids": [w.article.pk] if outcome != "no_penalty_unfounded" else [],
                "circumstances": {"first_offence": True},
                "on": wd(on, 3),
            },
        ),
        201,
    )


def test_a_large_fine_with_a_hearing_from_clue_to_archive(as_, client, w):
    case = open_case(as_, w)
    pk = case["id"]
    # Out of scope: another agency does not find the case; the legal affairs office reads it but cannot act.
    assert_api_refused(as_(w.other_officer).get(f"cases/{pk}"), 404, code="not_found")
    assert ok(as_(w.legal_office).get(f"cases/{pk}"))["id"] == pk
    assert_api_refused(as_(w.legal_office).post(f"cases/{pk}/filing/approval", {}), 403)
    file_case(as_, w, case)
    investigate(as_, client, w, case, terms={"fine": "80000", "confiscation": "1200"})

    # The notice must state the hearing right; the default states it.
    assert_api_refused(
        as_(w.zhang).post(f"cases/{pk}/notice", {"states_hearing_right": False, "on": wd(D0, 4)}), 422, clause="D5.3a"
    )
    body = ok(as_(w.zhang).post(f"cases/{pk}/notice", {"on": wd(D0, 4)}), 201)
    assert body["notice"]["states_hearing_right"] and body["notice"]["number"] == "渝中市监罚告〔2026〕1号"
    # Deciding before the notice is served is refused (D3.9a).
    assert_api_refused(as_(w.zhang).post(f"cases/{pk}/submission", {"on": wd(D0, 4)}), 422, clause="D3.9a")
    served = wd(D0, 4)
    body = ok(
        as_(w.zhang).post(f"cases/{pk}/notice/service", {"method": "direct", "served_to": "法定代表人", "on": served})
    )
    assert body["status"] == "notified"

    # The company asks for a hearing within five days; the head designates a non-investigator.
    ok(as_(w.zhang).post(f"cases/{pk}/hearing/request", {"on": wd(served, 3)}), 201)
    day = wd(wd(served, 3), 7)
    assert_api_refused(
        as_(w.head2).post(
            f"cases/{pk}/hearing/schedule",
            {"chair_id": w.li_officer.pk, "scheduled_at": f"{day}T09:30:00", "place": "听证室", "on": wd(served, 3)},
        ),
        422,
        clause="D5.3a",
    )
    ok(
        as_(w.head2).post(
            f"cases/{pk}/hearing/schedule",
            {"chair_id": w.zhao_officer.pk, "scheduled_at": f"{day}T09:30:00", "place": "听证室", "on": wd(served, 3)},
        )
    )
    assert_api_refused(as_(w.zhang).post(f"cases/{pk}/submission", {"on": wd(served, 6)}), 422, clause="D5.3a")
    body = ok(
        as_(w.zhao).post(
            f"cases/{pk}/hearing/record",
            {
                "transcript": "调查人员提出违法事实、证据和处罚建议；当事人申辩、质证。",
                "party_attended": True,
                "points": [{"kind": "reason", "text": "罚款过重，超出承受能力。"}],
                "on": day,
            },
        )
    )
    point = body["defences"][0]["points"][0]
    assert_api_refused(as_(w.zhang).post(f"cases/{pk}/submission", {"on": day}), 422, clause="D5.2a")
    ok(
        as_(w.li).post(
            f"cases/{pk}/defence-points/{point['id']}/review",
            {
                "adopted": False,
                "reason": "罚款在法定幅度和裁量基准的一般档次内，当事人未提供经营困难的证据。",
                "on": day,
            },
        )
    )
    body = ok(as_(w.zhang).post(f"cases/{pk}/submission", {"on": day}))
    assert body["status"] == "legal_review" and body["legal_reviews"][0]["grounds"] == ["经过听证程序"]

    # The reviewer's queue shows it; the review passes; the head (who did not approve filing) decides.
    queue = ok(as_(w.reviewer).get("cases/workbench"))["reviews"]
    assert [r["id"] for r in queue] == [pk]
    ok(
        as_(w.reviewer).post(
            f"cases/{pk}/legal-review", {"passed": True, "opinion": "主体合法，事实清楚，程序合法。", "on": day}
        )
    )
    approvals = ok(as_(w.head2).get("cases/workbench"))["approvals"]
    assert pk in [r["id"] for r in approvals]
    # The head who approved filing might decide too (docs/separation-of-stages.md); the deputy does.
    assert "decide" in [a["name"] for a in ok(as_(w.head).get(f"cases/{pk}"))["acts"]]
    assert_api_refused(
        as_(w.head2).post(f"cases/{pk}/decision", {"on": day, "basis_article_ids": [w.doc_article.pk]}),
        422,
        clause="D3.10a",
    )
    body = ok(as_(w.head2).post(f"cases/{pk}/decision", {"on": day, "public_summary": "某超市销售过期食品被处罚。"}))
    assert body["status"] == "decided" and body["decision"]["number"] == "渝中市监罚〔2026〕1号"
    assert "罚款过重" in body["decision"]["defence_answers"]

    # Service, payment through the bank, follow-up, closing, archive.
    body = ok(
        as_(w.wang).post(
            f"cases/{pk}/decision/service", {"method": "direct", "served_to": "法定代表人", "on": wd(day, 1)}
        )
    )
    assert body["status"] == "executing" and body["obligation"]["principal"] == "81200.00"
    assert_api_refused(
        as_(w.wang).post(
            f"cases/{pk}/payments",
            {"paid_on": wd(day, 3), "amount": "81200", "method": "on_spot", "receipt_number": "X", "on": wd(day, 3)},
        ),
        422,
        clause="D2.3",
    )
    body = ok(
        as_(w.wang).post(
            f"cases/{pk}/payments",
            {
                "paid_on": wd(day, 3),
                "amount": "81200",
                "method": "bank",
                "bank": "中国建设银行重庆分行",
                "receipt_number": "5000012026000123",
                "on": wd(day, 3),
            },
        ),
        201,
    )
    assert body["status"] == "executed"
    assert_api_refused(as_(w.head).post(f"cases/{pk}/closing", {"on": wd(day, 4)}), 422, clause="D6.2a")
    ok(
        as_(w.wang).post(
            f"cases/{pk}/followups",
            {"method": "visit", "findings": "已建立进货查验制度，货架无过期食品。", "on": wd(day, 10)},
        ),
        201,
    )
    body = ok(as_(w.head).post(f"cases/{pk}/closing", {"on": wd(day, 10)}))
    assert body["status"] == "closed" and all(i["present"] or not i["required"] for i in body["checklist"])
    body = ok(as_(w.wang).post(f"cases/{pk}/archive", {"on": wd(day, 11)}))
    assert body["status"] == "archived" and len(body["file"]["digest"]) == 64

    # Every act is attributed and audited, with the clauses it checked.
    timeline = ok(as_(w.head).get(f"cases/{pk}/timeline"))
    acts = [e["act"] for e in timeline]
    assert acts[0] == "case.clue_register" and acts[-1] == "case.archive"
    assert all(e["actor"] for e in timeline)
    decide_event = next(e for e in timeline if e["act"] == "case.decide")
    assert {"D3.9a", "D5.2a", "D5.3a", "D3.3", "D3.10a", "D1.4"} <= set(decide_event["clauses"])
    assert AuditEvent.objects.filter(object_id=str(pk), act="case.decide").get().actor == w.head2


def test_no_penalty_for_a_minor_violation_from_clue_to_archive(as_, client, w):
    case = open_case(as_, w, party=w.person)
    pk = case["id"]
    ok(
        as_(w.zhang).post(
            f"cases/{pk}/filing/proposal",
            {
                "party_id": w.person.pk,
                "violation_item_id": w.item.pk,
                "place_id": w.district.pk,
                "act_date": D0 - timedelta(days=2),
                "investigator_ids": [w.zhang_officer.pk, w.li_officer.pk],
                "lead_officer_id": w.li_officer.pk,
                "reason": "……",
                "on": D0,
            },
        )
    )
    ok(as_(w.head).post(f"cases/{pk}/filing/approval", {"on": wd(D0, 1)}))
    investigate(as_, client, w, case, terms={}, outcome="no_penalty_minor")
    body = ok(as_(w.li).post(f"cases/{pk}/submission", {"on": wd(D0, 4)}))
    assert body["status"] == "decision_pending"
    body = ok(as_(w.head2).post(f"cases/{pk}/decision", {"on": wd(D0, 5)}))
    assert body["decision"]["number"] == "渝中市监不罚〔2026〕1号"
    body = ok(
        as_(w.wang).post(
            f"cases/{pk}/decision/service", {"method": "direct", "served_to": "当事人本人", "on": wd(D0, 6)}
        )
    )
    assert body["status"] == "executed"
    ok(as_(w.head).post(f"cases/{pk}/closing", {"on": wd(D0, 7)}))
    assert ok(as_(w.li).post(f"cases/{pk}/archive", {"on": wd(D0, 7)}))["status"] == "archived"


def test_a_clue_for_another_agency_is_transferred_and_answered(as_, w):
    case = open_case(as_, w, item=w.other_item)
    pk = case["id"]
    res = as_(w.zhang).post(
        f"cases/{pk}/filing/proposal",
        {
            "party_id": w.org.pk,
            "violation_item_id": w.other_item.pk,
            "place_id": w.district.pk,
            "act_date": D0,
            "investigator_ids": [w.zhang_officer.pk, w.li_officer.pk],
            "lead_officer_id": w.zhang_officer.pk,
            "reason": "……",
            "on": D0,
        },
    )
    body = assert_api_refused(res, 422, clause="D3.1a", code="agency_has_power")
    assert w.other_agency.name in body["message"] and body["field"] == "violation_item_id"  # the body's field
    body = ok(
        as_(w.head).post(
            f"cases/{pk}/transfer",
            {
                "to_agency_id": w.other_agency.pk,
                "reasons": "本机关无管辖权。",
                "materials": "举报材料1份",
                "on": wd(D0, 1),
            },
        )
    )
    assert body["status"] == "transferred_out" and body["transfer_out"]["to_agency"] == w.other_agency.name
    # The receiver finds the transferred clue on its list and answers in writing.
    listing = ok(as_(w.other_head).get("cases/?status=clue"))
    received = next(r for r in listing["items"] if r["agency"] == w.other_agency.name)
    ok(
        as_(w.other_officer).post(
            f"cases/{received['id']}/transfer/answer", {"answer": "已立案调查。", "on": wd(D0, 3)}
        )
    )
    body = ok(as_(w.zhang).get(f"cases/{pk}"))
    assert body["transfer_out"]["answer"] == "已立案调查。"
    ok(as_(w.head).post(f"cases/{pk}/closing", {"on": wd(D0, 4)}))
    assert ok(as_(w.zhang).post(f"cases/{pk}/archive", {"on": wd(D0, 4)}))["status"] == "archived"


def test_an_unpaid_fine_goes_to_the_court_after_a_reminder(as_, client, w):
    case = open_case(as_, w)
    pk = case["id"]
    file_case(as_, w, case)
    investigate(as_, client, w, case, terms={"fine": "3000", "confiscation": "1200"})
    ok(as_(w.zhang).post(f"cases/{pk}/notice", {"on": wd(D0, 4)}), 201)
    served = wd(D0, 4)
    ok(as_(w.zhang).post(f"cases/{pk}/notice/service", {"method": "mail", "served_to": "法定代表人", "on": served}))
    body = ok(as_(w.zhang).post(f"cases/{pk}/submission", {"on": wd(served, 6)}))
    ok(as_(w.head2).post(f"cases/{pk}/decision", {"on": wd(served, 6), "expected_version": body["version"]}))
    decision_served = wd(served, 7)
    ok(
        as_(w.wang).post(
            f"cases/{pk}/decision/service", {"method": "direct", "served_to": "法定代表人", "on": decision_served}
        )
    )

    # Not paid: a court application without a reminder is refused (D3.9b).
    assert_api_refused(
        as_(w.wang).post(
            f"cases/{pk}/court-application",
            {"court": "重庆市渝中区人民法院", "measures": "罚没款4200元及加处罚款", "on": date(2026, 10, 12)},
        ),
        422,
        clause="D3.9b",
    )
    body = ok(as_(w.wang).get(f"cases/{pk}"))
    assert body["obligation"]["late_fee"] == "3000.00"  # capped at the fine
    assert "当事人逾期未履行，请催告（D3.9b）" in body["warnings"]
    ok(
        as_(w.wang).post(
            f"cases/{pk}/reminders",
            {
                "method": "letter",
                "content": "请于十日内缴纳罚没款4200元及加处罚款3000元，逾期将申请人民法院强制执行；可以陈述申辩。",
                "record": "执法人员王执行、张执法上门送达催告书，法定代表人签收。",
                "performance_due_on": date(2026, 10, 12),
                "on": date(2026, 9, 28),
            },
        ),
        201,
    )
    body = ok(
        as_(w.wang).post(
            f"cases/{pk}/court-application",
            {
                "court": "重庆市渝中区人民法院",
                "measures": "罚没款4200元及加处罚款3000元",
                "approved_by_id": w.head.pk,
                "approved_on": date(2026, 10, 12),
                "on": date(2026, 10, 12),
            },
        )
    )
    assert body["status"] == "compulsory"
    body = ok(
        as_(w.wang).post(
            f"cases/{pk}/enforcement-result",
            {
                "result": "法院裁定准予执行，划拨存款7200元缴入国库。",
                "completed": False,
                "recovered_amount": "7200",
                "receipt_number": "FY2026-0088",
                "on": date(2026, 11, 2),
            },
        )
    )
    assert body["status"] == "executed" and body["obligation"]["outstanding"] == "0.00"
    ok(
        as_(w.wang).post(f"cases/{pk}/followups", {"method": "phone", "findings": "已整改。", "on": date(2026, 11, 5)}),
        201,
    )
    ok(as_(w.head).post(f"cases/{pk}/closing", {"on": date(2026, 11, 6)}))
    body = ok(as_(w.wang).post(f"cases/{pk}/archive", {"on": date(2026, 11, 6)}))
    kinds = [e["key"] for e in body["checklist"]]
    assert "reminders" in kinds and "enforcement" in kinds


def test_conflicting_acts_answer_409(as_, w):
    case = open_case(as_, w)
    body = file_case(as_, w, case)
    stale = body["version"] - 1
    assert_api_refused(
        as_(w.head).post(f"cases/{case['id']}/termination", {"reason": "……", "expected_version": stale}),
        409,
        code="conflict",
    )
    assert_api_refused(as_(w.head).post(f"cases/{case['id']}/filing/approval", {}), 409, code="conflict")


def test_bad_input_is_a_400_at_the_field(as_, w):
    res = as_(w.zhang).post("cases/", {"source": "complaint", "summary": "……"})
    body = assert_api_refused(res, 400, code="invalid")
    assert body["field"] == "received_on"
    case = open_case(as_, w)
    res = as_(w.zhang).post(f"cases/{case['id']}/filing/proposal", {"party_id": w.org.pk, "violation_item_id": 999999})
    assert assert_api_refused(res, 400)["field"] == "violation_item_id"


def test_the_list_filters_and_searches_by_party_number_and_violation(as_, w):
    a = open_case(as_, w)
    file_case(as_, w, a)
    open_case(as_, w, party=w.person)
    assert ok(as_(w.zhang).get("cases/"))["count"] == 2
    assert ok(as_(w.zhang).get(f"cases/?q={w.person.name}"))["count"] == 1
    assert ok(as_(w.zhang).get("cases/?q=渝中市监立"))["count"] == 1
    assert ok(as_(w.zhang).get("cases/?q=保质期"))["count"] == 2
    assert ok(as_(w.zhang).get("cases/?status=investigating"))["count"] == 1
    assert ok(as_(w.zhang).get("cases/?limit=1"))["items"][0]["id"] in (a["id"], a["id"] + 1)
    assert ok(as_(w.other_officer).get("cases/"))["count"] == 0  # another agency sees none of them


def test_every_act_has_an_api_operation():
    operations = {op.view_func.__name__ for view in api.router.path_operations.values() for op in view.operations}
    assert set(TRANSITIONS) <= operations


@pytest.mark.clause("D3.8")
def test_an_on_the_spot_penalty_is_made_through_the_api(as_, w):
    body = {
        "party_id": w.person.pk,
        "violation_item_id": w.item.pk,
        "place_id": w.district.pk,
        "act_date": D0,
        "facts": "执法人员当场发现当事人违法经营。",
        "terms": {"fine": "50"},
        "basis_article_ids": [w.article.pk],
        "certificates_shown": True,
        "collect_on_spot": True,
        "ticket_number": "渝财票0009",
        "on": D0,
    }
    refused = as_(w.zhang).post("cases/simple", {**body, "certificates_shown": False})
    assert_api_refused(refused, 422, clause="D3.8", code="certificates_shown_on_the_spot")
    case = ok(as_(w.zhang).post("cases/simple", body), 201)
    assert case["procedure"] == "simple" and case["status"] == "executing"  # until the cash is handed over
    assert case["decision"]["number"].startswith("渝中市监简罚") and case["payments"][0]["method"] == "on_spot"
    # The party has one shape, in the detail and in a row of the list.
    assert case["party"] == {"id": w.person.pk, "name": w.person.name, "kind": "person"}
    assert ok(as_(w.zhang).get("cases/"))["items"][0]["party"] == case["party"]


def test_a_path_that_names_no_case_is_a_404_in_the_error_contract(as_, w):
    assert_api_refused(as_(w.zhang).get("cases/simple-penalty"), 404, code="not_found")
    assert_api_refused(as_(w.zhang).get("cases/abc/timeline"), 404, code="not_found")
    assert as_(w.zhang).get("cases/simple").status_code == 405  # the simple procedure only takes a POST
