"""Transfers (D3.4): the receiver signs for the letter and may not refuse it; without
competence it passes the matter on with reasons to the agency the catalogue names; it
answers in writing within the deadline; the sender follows the status and sees overdue
answers; suspected crimes go to the public security organ."""

from __future__ import annotations

from datetime import date

import pytest

from zhifa.cases.models import Case, Status, Transfer
from zhifa.cooperation import selectors, services
from zhifa.cooperation.models import TransferReceipt
from zhifa.cooperation.tests.builders import D0, road_clue, transferred, wd
from zhifa.core.errors import DomainError
from zhifa.core.models import AuditEvent
from zhifa.testing import assert_api_refused, assert_refused, frozen

pytestmark = pytest.mark.django_db


@pytest.mark.clause("D3.4")
def test_the_receiver_may_not_return_the_letter(w):
    t = transferred(w)
    with pytest.raises(DomainError) as e:
        services.transfer_receive(actor=w.t_officer1, transfer=t, returned=True, on=wd(D0, 1))
    assert_refused(e, "D3.4", code="receiver_may_not_refuse", field="outcome")
    receipt = services.transfer_receive(actor=w.t_officer1, transfer=t, on=wd(D0, 1))
    assert receipt.outcome == TransferReceipt.Outcome.ACCEPTED
    assert "本机关有管辖权" in receipt.competence_note and "第七十六条" in receipt.competence_note
    assert AuditEvent.objects.filter(act="transfer.receive").exists()


@pytest.mark.clause("D3.4")
def test_a_receiver_without_the_power_cannot_accept_and_passes_it_on_with_reasons(w):
    # The ecology bureau's clue sent by mistake to the market bureau (no power over roads):
    # the case procedure refuses an incompetent receiver, so the letter is written as if the
    # catalogue had changed since: the market bureau held the power on the day it was sent.
    from zhifa.org.models import Power

    wrong = Power.objects.create(agency=w.agency, code="TMP", name="临时", valid_from=date(2020, 1, 1), valid_to=D0)
    wrong.violation_items.add(w.road_item)
    t = transferred(w, to=w.agency)
    with pytest.raises(DomainError) as e:
        services.transfer_receive(actor=w.zhang, transfer=t, on=wd(D0, 1))
    assert_refused(e, "D3.4", code="accept_only_with_competence")
    with pytest.raises(DomainError) as e:
        services.transfer_pass_on(actor=w.head, transfer=t, to_agency=w.transport, reasons=" ", on=wd(D0, 1))
    assert_refused(e, "D3.4", code="pass_on_with_reasons", field="reasons")
    with pytest.raises(DomainError) as e:  # only to the agency the catalogue names
        services.transfer_pass_on(actor=w.head, transfer=t, to_agency=w.other_agency, reasons="无职权", on=wd(D0, 1))
    assert_refused(e, "D3.4", code="transfer_to_competent_agency")
    receipt = services.transfer_pass_on(
        actor=w.head, transfer=t, to_agency=w.transport, reasons="本局职权目录无挖掘公路处罚事项。", on=wd(D0, 1)
    )
    assert receipt.outcome == TransferReceipt.Outcome.PASSED_ON
    onward = receipt.passed_on
    assert onward.to_agency == w.transport and onward.received_case.agency == w.transport
    t.refresh_from_db()
    assert t.answered_on == wd(D0, 1) and onward.letter_number in t.answer  # the sender is told in writing


@pytest.mark.clause("D3.4")
def test_a_competent_receiver_may_not_pass_it_on(w):
    t = transferred(w)
    with pytest.raises(DomainError) as e:
        services.transfer_pass_on(actor=w.t_head, transfer=t, to_agency=w.other_agency, reasons="不想办", on=wd(D0, 1))
    assert_refused(e, "D3.4", code="pass_on_only_without_competence", field="to_agency")


def test_only_the_receiving_agency_signs_and_only_once(w):
    t = transferred(w)
    with pytest.raises(DomainError) as e:
        services.transfer_receive(actor=w.zhang, transfer=t, on=wd(D0, 1))
    assert e.value.code == "not_found"
    services.transfer_receive(actor=w.t_officer1, transfer=t, on=wd(D0, 1))
    with pytest.raises(DomainError) as e:
        services.transfer_receive(actor=w.t_officer2, transfer=t, on=wd(D0, 1))
    assert e.value.code == "conflict"


def test_the_sender_follows_the_status_and_overdue_answers_are_alerts(w):
    t = transferred(w)
    due = selectors.transfer_status(t, D0).due_on
    assert due == wd(D0, 15)
    assert selectors.transfer_status(t, D0).label == "已发出，待接收机关签收"
    services.transfer_receive(actor=w.t_officer1, transfer=t, on=wd(D0, 1))
    t = selectors.transfer_get(w.other_head, t.pk)
    assert selectors.transfer_status(t, wd(D0, 2)).label == "已签收，办理中"
    assert selectors.transfer_status(t, wd(D0, 16)).overdue
    rows = selectors.overdue_transfer_answers(w.other_head, on=wd(D0, 16))
    assert [r.transfer.pk for r in rows] == [t.pk] and rows[0].days_overdue >= 1
    assert selectors.overdue_transfer_answers(w.t_head, on=wd(D0, 16))  # the receiver sees it too
    assert not selectors.overdue_transfer_answers(w.zhang, on=wd(D0, 16))  # another agency does not
    assert not selectors.overdue_transfer_answers(w.other_head, on=wd(D0, 10))


def test_the_overdue_list_costs_the_same_queries_for_5_and_50(w):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as ctx:
            list(selectors.overdue_transfer_answers(w.other_head))
        return len(ctx.captured_queries)

    for _ in range(5):
        transferred(w)
    five = count()
    for _ in range(45):
        transferred(w)
    assert count() == five


@pytest.mark.clause("D3.4")
def test_a_suspected_crime_goes_to_public_security_with_its_materials(w):
    case = road_clue(w)
    with pytest.raises(DomainError) as e:  # not yet decided by the head
        services.crime_transfer_send(
            actor=w.other_head,
            case=case,
            police_organ="重庆市公安局渝中区分局",
            procuratorate="重庆市渝中区人民检察院",
            suspected_crime="破坏交通设施罪",
            facts="挖断公路致交通中断。",
            with_report=True,
            with_items_list=True,
            with_expert_opinion=True,
        )
    assert e.value.code == "nothing_pending"
    Case.objects.filter(pk=case.pk).update(
        status=Status.TRANSFERRED_JUDICIARY, ended_on=D0, end_reason="渝中环刑移〔2026〕1号：涉嫌犯罪"
    )  # what the head's judiciary_transfer act leaves (tested in cases)
    case.refresh_from_db()
    kw = {
        "actor": w.other_head,
        "case": case,
        "police_organ": "重庆市公安局渝中区分局",
        "procuratorate": "重庆市渝中区人民检察院",
        "suspected_crime": "破坏交通设施罪",
        "facts": "挖断公路致交通中断。",
        "on": wd(D0, 1),
    }
    with pytest.raises(DomainError) as e:
        services.crime_transfer_send(**kw, with_report=False, with_items_list=True, with_expert_opinion=False)
    assert_refused(e, "D3.4", code="crime_transfer_materials_complete")
    assert "调查报告" in str(e.value) and "检验报告" in str(e.value)
    record = services.crime_transfer_send(**kw, with_report=True, with_items_list=True, with_expert_opinion=True)
    assert record.number == "渝中环刑移〔2026〕1号"
    services.crime_transfer_answer(
        actor=w.other_officer, crime_transfer=record, decision="filed", reasons="符合立案条件", on=wd(D0, 3)
    )
    record.refresh_from_db()
    assert record.get_police_decision_display() == "立案侦查"


# --- The scenario over HTTP ---------------------------------------------------------------


@pytest.mark.clause("D3.4")
def test_scenario_a_road_dug_up_goes_from_the_ecology_bureau_to_transport_enforcement(w, api):
    """SCENARIOS.md §5: the district ecology bureau lacks the power, transfers the clue; the
    receiver cannot refuse, files a case and answers in writing; the sender sees the answer."""
    on = date(2026, 11, 2)
    with frozen(date(2026, 11, 2)):
        r = api(w.other_officer).post(
            "cases/",
            {
                "source": "complaint",
                "received_on": on,
                "summary": "群众举报：某公司未经批准擅自挖掘公路铺设管线。",
                "party_id": w.org.pk,
                "violation_item_id": w.road_item.pk,
                "place_id": w.district.pk,
                "act_date": date(2026, 10, 30),
            },
        )
        assert r.status_code == 201, r.content
        case_id = r.json()["id"]
        # zhifa shows the bureau lacks the power and proposes the transport enforcement agency
        proposal = api(w.other_officer).get(f"cooperation/competence/cases/{case_id}").json()
        assert proposal["agency_competent"] is False and proposal["proposed_agency_id"] == w.transport.pk
        # an officer may not transfer; the head does, with a letter
        letter = {
            "case_id": case_id,
            "to_agency_id": proposal["proposed_agency_id"],
            "reasons": proposal["summary"],
            "materials": "举报记录一份、现场照片三张",
        }
        assert api(w.other_officer).post("cooperation/transfers", letter).status_code == 403
        r = api(w.other_head).post("cooperation/transfers", letter)
        assert r.status_code == 201, r.content
        transfer = r.json()
        assert transfer["status"] == "已发出，待接收机关签收" and "移" in transfer["letter_number"]
        tid = transfer["id"]
        # the receiver cannot refuse
        r = api(w.t_officer1).post(f"cooperation/transfers/{tid}/receipt", {"returned": True})
        assert_api_refused(r, 422, clause="D3.4", code="receiver_may_not_refuse")
        r = api(w.t_officer1).post(f"cooperation/transfers/{tid}/receipt", {})
        assert r.status_code == 200, r.content
        assert r.json()["receipt"]["outcome"] == "接收办理"
        clue_id = r.json()["received_case_id"]
    with frozen(date(2026, 11, 3)):
        # it files a case
        r = api(w.t_officer1).post(
            f"cases/{clue_id}/filing/proposal",
            {
                "party_id": w.org.pk,
                "violation_item_id": w.road_item.pk,
                "place_id": w.district.pk,
                "act_date": "2026-10-30",
                "investigator_ids": [w.t_officer1_officer.pk, w.t_officer2_officer.pk],
                "lead_officer_id": w.t_officer1_officer.pk,
                "reason": "移送线索经核查，有证据初步证明存在擅自挖掘公路的行为。",
            },
        )
        assert r.status_code == 200, r.content
    with frozen(date(2026, 11, 4)):
        r = api(w.t_head).post(f"cases/{clue_id}/filing/approval", {})
        assert r.status_code == 200, r.content
        filing_number = r.json()["filing_number"]
        # and answers in writing
        r = api(w.t_officer1).post(
            f"cooperation/transfers/{tid}/answer", {"answer": f"已于2026年11月4日立案查处，立案编号{filing_number}。"}
        )
        assert r.status_code == 200, r.content
    # the sender sees the answer
    r = api(w.other_head).get(f"cooperation/transfers/{tid}")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "已书面函告处理结果" and filing_number in body["answer"]
    assert body["answered_on"] == "2026-11-04" and not body["overdue"]
    listed = api(w.other_head).get("cooperation/transfers?answered=1").json()
    assert [t["id"] for t in listed["items"]] == [tid]
    assert api(w.zhang).get(f"cooperation/transfers/{tid}").status_code == 404  # a third agency


def test_the_transfer_list_costs_the_same_queries_for_5_and_50(w, api):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = api(w.other_head)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            r = client.get("cooperation/transfers?limit=100")
        assert r.status_code == 200
        return len(ctx.captured_queries), r.json()["count"]

    for _ in range(5):
        transferred(w)
    five, n5 = count()
    for _ in range(45):
        transferred(w)
    fifty, n50 = count()
    assert (n5, n50) == (5, 50) and fifty == five


def test_overdue_answers_over_http(w, api):
    transferred(w)
    r = api(w.other_head).get("cooperation/transfers/overdue")
    assert r.status_code == 200 and r.json()["count"] == 1  # sent in March, unanswered on 1 December
    assert Transfer.objects.count() == 1
