"""From the clue to the filed case: competence (D3.1a), limitation (D3.10a), officers
(D3.8, D3.1b, D3.7, D1.5), the filing deadline (D1.4), transfers (D3.4)."""

from datetime import date, timedelta

import pytest

from zhifa.cases import services
from zhifa.cases.models import Case, Status
from zhifa.cases.tests.builders import D0, clue, propose, staff, wd
from zhifa.core.errors import DomainError
from zhifa.core.models import AuditEvent
from zhifa.org.models import Delegation, Power
from zhifa.people.models import CertificateVerification, ConflictOfInterest
from zhifa.testing import assert_refused, make_agency, make_government, make_officer, make_user

pytestmark = pytest.mark.django_db


def test_a_clue_is_registered_by_a_certified_officer_and_audited(w):
    case = clue(w)
    assert case.status == Status.CLUE and case.agency == w.agency
    event = AuditEvent.objects.get(act="case.clue_register", object_id=str(case.pk))
    assert event.actor == w.zhang and event.agency_id == w.agency.pk


@pytest.mark.clause("D3.1a")
def test_filing_outside_the_agencys_powers_is_refused_and_the_competent_agency_proposed(w):
    case = clue(w, item=False)
    with pytest.raises(DomainError) as e:
        services.filing_propose(
            actor=w.zhang,
            case=case,
            party=w.org,
            violation_item=w.other_item,
            place=w.district,
            act_date=D0 - timedelta(days=3),
            investigators=[w.zhang_officer, w.li_officer],
            lead_officer=w.zhang_officer,
            reason="……",
            on=D0,
        )
    assert_refused(e, "D3.1a", code="agency_has_power", field="violation_item")
    assert w.other_agency.name in e.value.message  # the competent agency is proposed
    assert Case.objects.get(pk=case.pk).status == Status.CLUE


@pytest.mark.clause("D3.1a")
def test_an_agency_without_confirmed_standing_may_not_file(w):
    case = clue(w)
    w.agency.standing = "suspended"
    w.agency.save()
    with pytest.raises(DomainError) as e:
        propose(w, case)
    assert_refused(e, "D3.1a", code="agency_has_standing")


@pytest.mark.clause("D3.1a")
def test_a_place_outside_the_agencys_area_is_refused(w):
    elsewhere = make_government("江北区", "district", w.city, code="500105")
    case = clue(w)
    with pytest.raises(DomainError) as e:
        services.filing_propose(
            actor=w.zhang,
            case=case,
            party=w.org,
            violation_item=w.item,
            place=elsewhere,
            act_date=case.act_date,
            investigators=[w.zhang_officer, w.li_officer],
            lead_officer=w.zhang_officer,
            reason="……",
            on=D0,
        )
    assert_refused(e, "D3.1a", code="place_within_jurisdiction")


@pytest.mark.clause("D3.1a")
def test_an_entrusted_organisation_files_within_scope_and_period_in_the_delegators_name(w):
    team = make_agency(w.district, name="渝中区市场监管综合执法队", kind="entrusted", case_prefix="渝中执法队")
    delegation = Delegation.objects.create(
        kind="entrustment",
        delegator=w.agency,
        recipient=team,
        valid_from=date(2025, 1, 1),
        valid_to=date(2026, 6, 30),
        document_number="渝中市监〔2025〕1号",
    )
    delegation.powers.add(w.power)
    officer_a, a = staff(team, "officer", "队员甲")
    _, b = staff(team, "officer", "队员乙")
    head, _ = staff(team, "head", "队长")
    case = services.clue_register(
        actor=officer_a,
        source="inspection",
        received_on=D0,
        summary="巡查发现过期食品。",
        party=w.org,
        violation_item=w.item,
        place=w.district,
        act_date=D0,
        on=D0,
    )
    services.filing_propose(
        actor=officer_a,
        case=case,
        party=w.org,
        violation_item=w.item,
        place=w.district,
        act_date=D0,
        investigators=[a, b],
        lead_officer=a,
        reason="……",
        on=D0,
    )
    case = services.filing_approve(actor=head, case=case, on=wd(D0, 1))
    assert case.delegation == delegation and case.in_name_of == w.agency
    assert case.filing_number.startswith("渝中市监立〔2026〕")  # in the delegator's name (PL Art. 20)

    # After the entrustment has ended, the same organisation may not file.
    late = services.clue_register(
        actor=officer_a,
        source="inspection",
        received_on=date(2026, 7, 6),
        summary="又发现。",
        party=w.org,
        violation_item=w.item,
        place=w.district,
        act_date=date(2026, 7, 6),
        on=date(2026, 7, 6),
    )
    with pytest.raises(DomainError) as e:
        services.filing_propose(
            actor=officer_a,
            case=late,
            party=w.org,
            violation_item=w.item,
            place=w.district,
            act_date=date(2026, 7, 6),
            investigators=[a, b],
            lead_officer=a,
            reason="……",
            on=date(2026, 7, 6),
        )
    assert_refused(e, "D3.1a", code="agency_has_power")


@pytest.mark.clause("D3.1a")
def test_a_power_no_longer_in_force_on_the_approval_date_is_refused_at_approval(w):
    case = propose(w, clue(w))
    Power.objects.filter(pk=w.power.pk).update(valid_to=D0)
    with pytest.raises(DomainError) as e:
        services.filing_approve(actor=w.head, case=case, on=wd(D0, 1))
    assert_refused(e, "D3.1a", code="agency_has_power")


@pytest.mark.clause("D3.10a")
def test_a_violation_undiscovered_for_two_years_cannot_be_filed(w):
    case = clue(w, act_date=D0 - timedelta(days=2 * 365 + 5))
    with pytest.raises(DomainError) as e:
        propose(w, case)
    assert_refused(e, "D3.10a", code="within_limitation", field="act_date")


@pytest.mark.clause("D3.10a")
def test_five_years_when_health_is_endangered_with_harmful_consequences(w):
    old = D0 - timedelta(days=3 * 365)
    case = propose(w, clue(w, act_date=old), harmful_consequence=True)  # the item concerns food safety
    assert case.status == Status.FILING_PENDING
    # Without harmful consequences, the two-year period applies.
    with pytest.raises(DomainError) as e:
        propose(w, clue(w, act_date=old), harmful_consequence=False)
    assert_refused(e, "D3.10a", code="within_limitation")


@pytest.mark.clause("D3.10a")
def test_limitation_runs_from_the_end_of_a_continuing_violation(w):
    case = clue(w, act_date=D0 - timedelta(days=900))
    case = services.filing_propose(
        actor=w.zhang,
        case=case,
        party=w.org,
        violation_item=w.item,
        place=w.district,
        act_date=case.act_date,
        act_ended_on=D0 - timedelta(days=10),
        investigators=[w.zhang_officer, w.li_officer],
        lead_officer=w.zhang_officer,
        reason="……",
        on=D0,
    )
    assert case.status == Status.FILING_PENDING


@pytest.mark.clause("D3.8")
def test_filing_needs_two_investigators(w):
    with pytest.raises(DomainError) as e:
        propose(w, clue(w), investigators=[w.zhang_officer])
    assert_refused(e, "D3.8", code="two_investigators_assigned", field="investigators")


@pytest.mark.clause("D1.5")
def test_filing_names_a_lead_officer_among_the_investigators(w):
    with pytest.raises(DomainError) as e:
        propose(w, clue(w), lead=w.wang_officer)
    assert_refused(e, "D1.5", code="lead_officer_named", field="lead_officer")


@pytest.mark.clause("D3.1b")
def test_an_investigator_whose_certificate_expired_last_month_cannot_be_assigned(w):
    expired = make_officer(w.agency, name="过期证件员", expires_on=D0 - timedelta(days=30))
    with pytest.raises(DomainError) as e:
        propose(w, clue(w), investigators=[w.zhang_officer, expired])
    assert_refused(e, "D3.1b", code="officer_certified")
    assert "过期" in e.value.message


@pytest.mark.clause("D3.1b")
def test_a_user_without_an_officer_record_cannot_act(w):
    clerk = make_user("officer", agency=w.agency, username="clerk")
    with pytest.raises(DomainError) as e:
        services.clue_register(actor=clerk, source="complaint", received_on=D0, summary="……", on=D0)
    assert_refused(e, "D3.1b", code="actor_is_officer")


@pytest.mark.clause("D3.1b")
def test_a_certificate_not_verified_for_last_year_stops_the_head_approving(w):
    case = propose(w, clue(w))
    CertificateVerification.objects.filter(certificate__officer=w.head_officer, year=2025).delete()
    with pytest.raises(DomainError) as e:
        services.filing_approve(actor=w.head, case=case, on=wd(D0, 1))
    assert_refused(e, "D3.1b", code="officer_certified", field="actor")


@pytest.mark.clause("D3.7")
def test_an_officer_who_declared_a_conflict_with_the_party_cannot_be_assigned(w):
    ConflictOfInterest.objects.create(
        officer=w.li_officer,
        party=w.org,
        party_name=w.org.name,
        relation="kin",
        description="配偶在该公司任职",
        declared_on=date(2025, 1, 1),
    )
    with pytest.raises(DomainError) as e:
        propose(w, clue(w))
    assert_refused(e, "D3.7", code="no_declared_conflict")
    case = propose(w, clue(w), investigators=[w.zhang_officer, w.wang_officer])
    case = services.filing_approve(actor=w.head, case=case, on=wd(D0, 1))
    with pytest.raises(DomainError) as e:
        services.officer_assign(actor=w.head, case=case, officer=w.li_officer, on=wd(D0, 2))
    assert_refused(e, "D3.7", code="no_declared_conflict")


@pytest.mark.clause("D1.4")
def test_filing_after_fifteen_working_days_needs_the_reason_for_the_delay(w):
    case = propose(w, clue(w))
    due = wd(D0, 15)
    with pytest.raises(DomainError) as e:
        services.filing_approve(actor=w.head, case=case, on=due + timedelta(days=1))
    assert_refused(e, "D1.4", code="filing_decided_in_time", field="late_reason")
    case = services.filing_approve(actor=w.head, case=case, on=due + timedelta(days=1), late_reason="等待检验报告")
    assert case.filing_late_reason == "等待检验报告"


@pytest.mark.clause("D1.4")
def test_filing_on_the_last_working_day_is_in_time(w):
    case = services.filing_approve(actor=w.head, case=propose(w, clue(w)), on=wd(D0, 15))
    assert case.status == Status.INVESTIGATING
    # 90 calendar days from filing, ending on a working day (PL Art. 60).
    assert case.decision_due_on >= case.filed_on + timedelta(days=90)


def test_a_head_decides_not_to_file_with_reasons(w):
    case = clue(w)
    with pytest.raises(DomainError) as e:
        services.filing_refuse(actor=w.head, case=case, reason=" ", on=wd(D0, 2))
    assert e.value.field == "reason"
    case = services.filing_refuse(actor=w.head, case=case, reason="经核查，商品在保质期内。", on=wd(D0, 2))
    assert case.status == Status.NOT_FILED


def test_an_officer_may_not_approve_filing(w):
    case = propose(w, clue(w))
    with pytest.raises(DomainError) as e:
        services.filing_approve(actor=w.li, case=case, on=wd(D0, 1))
    assert e.value.status == 403


@pytest.mark.clause("D1.5")
def test_an_act_cannot_be_dated_in_the_future(w):
    with pytest.raises(DomainError) as e:
        services.clue_register(
            actor=w.zhang, source="complaint", received_on=D0, summary="……", on=date.today() + timedelta(days=2)
        )
    assert_refused(e, "D1.5", code="act_dated_truthfully", field="on")


@pytest.mark.clause("D3.4")
def test_a_clue_for_another_agency_is_transferred_by_letter_and_answered(w):
    case = services.clue_register(
        actor=w.zhang,
        source="complaint",
        received_on=D0,
        summary="某工地未批先建排污设施。",
        party=w.org,
        violation_item=w.other_item,
        place=w.district,
        act_date=D0,
        on=D0,
    )
    with pytest.raises(DomainError) as e:  # not to an agency that lacks the power either
        services.transfer_out(
            actor=w.head,
            case=case,
            to_agency=make_agency(w.district, field="city"),
            reasons="无管辖权",
            materials="举报材料",
            on=wd(D0, 1),
        )
    assert_refused(e, "D3.4", code="transfer_to_competent_agency")
    case = services.transfer_out(
        actor=w.head,
        case=case,
        to_agency=w.other_agency,
        reasons="本机关对该违法行为无管辖权。",
        materials="举报材料1份",
        on=wd(D0, 1),
    )
    assert case.status == Status.TRANSFERRED_OUT
    letter = case.transfer_out
    assert letter.letter_number.startswith("渝中市监移〔2026〕")
    received = letter.received_case
    assert received.agency == w.other_agency and received.status == Status.CLUE and received.source == "transfer_in"
    services.transfer_answer(actor=w.other_officer, case=received, answer="已立案查处。", on=wd(D0, 3))
    letter.refresh_from_db()
    assert letter.answer == "已立案查处。" and letter.answered_on == wd(D0, 3)
    case = services.close(actor=w.head, case=case, on=wd(D0, 4))
    assert case.status == Status.CLOSED
