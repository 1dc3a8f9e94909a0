"""Prior notice (D3.9a), statements and defences point by point (D5.2a), hearings (D5.3a)."""

from datetime import timedelta
from decimal import Decimal

import pytest

from zhifa.cases import services
from zhifa.cases.models import Case, Notice, Status
from zhifa.cases.rules import hearing_grounds
from zhifa.cases.tests.builders import D0, TERMS_LARGE, hearing_datetime, notified, reported, staff, wd
from zhifa.core.errors import DomainError
from zhifa.testing import assert_refused

pytestmark = pytest.mark.django_db


def _submit(w, case, on):
    return services.decision_submit(actor=w.zhang, case=case, on=on)


@pytest.mark.clause("D3.9a")
def test_the_notice_states_facts_basis_reasons_penalty_and_rights(w):
    case = reported(w)
    with pytest.raises(DomainError) as e:
        services.notice_issue(actor=w.zhang, case=case, basis_articles=[], on=wd(D0, 4))
    assert_refused(e, "D3.9a", code="notice_complete", field="basis_articles")
    with pytest.raises(DomainError) as e:
        services.notice_issue(actor=w.zhang, case=case, states_defence_right=False, on=wd(D0, 4))
    assert_refused(e, "D3.9a", code="notice_complete", field="states_defence_right")
    with pytest.raises(DomainError) as e:
        services.notice_issue(actor=w.zhang, case=case, facts="", on=wd(D0, 4))
    assert_refused(e, "D3.9a", code="notice_complete", field="facts")
    notice = services.notice_issue(actor=w.zhang, case=case, on=wd(D0, 4))
    assert notice.number == "渝中市监罚告〔2026〕1号" and notice.fine == Decimal("3000")
    assert not notice.states_hearing_right  # 3,000 yuan for an organisation does not reach the threshold


@pytest.mark.clause("D3.9a")
def test_no_decision_without_a_served_notice(w):
    case = reported(w)
    with pytest.raises(DomainError) as e:
        _submit(w, case, wd(D0, 5))
    assert_refused(e, "D3.9a", code="prior_notice_served")
    services.notice_issue(actor=w.zhang, case=case, on=wd(D0, 4))
    with pytest.raises(DomainError) as e:  # issued but not served
        _submit(w, case, wd(D0, 5))
    assert_refused(e, "D3.9a", code="prior_notice_served")


@pytest.mark.clause("D3.9a")
def test_no_decision_before_the_defence_period_has_run(w):
    case = notified(w)  # served on wd(D0, 4): five working days to state and defend
    last_day = wd(wd(D0, 4), 5)
    with pytest.raises(DomainError) as e:
        _submit(w, case, last_day)
    assert_refused(e, "D3.9a", code="defence_period_run", field="on")
    assert _submit(w, case, last_day + timedelta(days=1)).status == Status.DECISION_PENDING


@pytest.mark.clause("D3.9a")
def test_the_head_cannot_decide_early_either(w):
    case = notified(w)
    services.waiver_record(actor=w.zhang, case=case, statement="本人放弃陈述申辩权利。", in_writing=True, on=wd(D0, 5))
    case = _submit(w, case, wd(D0, 5))
    # The waiver made the submission possible; a decision dated before the service is still refused.
    with pytest.raises(DomainError) as e:
        services.decide(actor=w.head2, case=case, on=wd(D0, 3))
    assert_refused(e, "D1.5", code="act_dated_truthfully")
    assert Case.objects.get(pk=case.pk).status == Status.DECISION_PENDING


@pytest.mark.clause("D3.9a")
def test_a_written_waiver_allows_an_earlier_decision_an_oral_one_does_not(w):
    case = notified(w)
    with pytest.raises(DomainError) as e:
        services.waiver_record(actor=w.zhang, case=case, statement="口头表示不申辩", in_writing=False, on=wd(D0, 5))
    assert_refused(e, "D3.9a", code="waiver_in_writing", field="in_writing")
    services.waiver_record(
        actor=w.zhang, case=case, statement="本公司放弃陈述、申辩权利。（签章）", in_writing=True, on=wd(D0, 5)
    )
    case = _submit(w, case, wd(D0, 5))
    decision = services.decide(actor=w.head2, case=case, on=wd(D0, 5))
    assert decision.fine == Decimal("3000")


@pytest.mark.clause("D5.2a")
def test_each_point_is_recorded_and_reviewed_with_reasons_before_the_decision(w):
    case = notified(w)
    with pytest.raises(DomainError) as e:
        services.defence_record(
            actor=w.zhang, case=case, made_by="公司代理人", points=["不知道过期", " "], on=wd(D0, 5)
        )
    assert_refused(e, "D5.2a", code="defence_points_recorded", field="points")
    defence = services.defence_record(
        actor=w.zhang,
        case=case,
        made_by="公司代理人",
        on=wd(D0, 5),
        points=[
            {"kind": "fact", "text": "不知道商品已过保质期。"},
            {"kind": "reason", "text": "初次违法且已主动下架，请求从轻。"},
        ],
    )
    first, second = defence.points.all()
    late = wd(wd(D0, 4), 6)
    with pytest.raises(DomainError) as e:
        _submit(w, case, late)
    assert_refused(e, "D5.2a", code="defence_points_reviewed", field="defences")
    with pytest.raises(DomainError) as e:
        services.defence_review(actor=w.zhang, case=case, point=first, adopted=False, reason="", on=wd(D0, 6))
    assert_refused(e, "D5.2a", code="review_reasoned", field="reason")
    with pytest.raises(DomainError) as e:
        services.defence_review(actor=w.zhang, case=case, point=first, adopted=None, reason="……", on=wd(D0, 6))
    assert_refused(e, "D5.2a", code="review_reasoned", field="adopted")
    services.defence_review(
        actor=w.zhang,
        case=case,
        point=first,
        adopted=False,
        reason="经营者负有查验保质期的义务，不知情不影响违法事实的认定。",
        on=wd(D0, 6),
    )
    services.defence_review(
        actor=w.li, case=case, point=second, adopted=True, reason="初次违法并主动下架，属实。", on=wd(D0, 6)
    )
    case = _submit(w, case, late)
    decision = services.decide(actor=w.head2, case=case, on=late, terms={"fine": "2000", "confiscation": "240"})
    assert "不知道商品已过保质期" in decision.defence_answers and "不予采纳" in decision.defence_answers
    assert "予以采纳" in decision.defence_answers


@pytest.mark.clause("D5.2a")
def test_no_heavier_penalty_than_notified(w):
    case = notified(w)
    services.defence_record(actor=w.zhang, case=case, made_by="代理人", points=["处罚过重"], on=wd(D0, 5))
    point = case.defences.get().points.get()
    services.defence_review(
        actor=w.zhang, case=case, point=point, adopted=False, reason="罚款在裁量基准范围内。", on=wd(D0, 6)
    )
    late = wd(wd(D0, 4), 6)
    case = _submit(w, case, late)
    with pytest.raises(DomainError) as e:
        services.decide(actor=w.head2, case=case, on=late, terms={"fine": "5000", "confiscation": "240"})
    assert_refused(e, "D5.2a", code="no_heavier_than_notified", field="fine")
    with pytest.raises(DomainError) as e:
        services.decide(
            actor=w.head2, case=case, on=late, terms={"fine": "3000", "confiscation": "240", "suspension": True}
        )
    assert_refused(e, "D5.2a", code="no_heavier_than_notified")
    assert services.decide(actor=w.head2, case=case, on=late).fine == Decimal("3000")


@pytest.mark.clause("D5.3a")
def test_a_large_fine_notice_must_state_the_hearing_right(w):
    case = reported(w, terms=TERMS_LARGE)
    with pytest.raises(DomainError) as e:
        services.notice_issue(actor=w.zhang, case=case, states_hearing_right=False, on=wd(D0, 4))
    assert_refused(e, "D5.3a", code="notice_states_hearing_right", field="states_hearing_right")
    notice = services.notice_issue(actor=w.zhang, case=case, on=wd(D0, 4))
    assert notice.states_hearing_right


@pytest.mark.clause("D5.3a")
def test_hearing_thresholds_differ_for_citizens_and_organisations(w):
    on = wd(D0, 4)
    assert hearing_grounds(Notice(fine=Decimal("5000")), True, on)  # a citizen: 5,000 reaches the threshold
    assert not hearing_grounds(Notice(fine=Decimal("4999.99")), True, on)
    assert not hearing_grounds(Notice(fine=Decimal("49999")), False, on)
    assert hearing_grounds(Notice(fine=Decimal("50000")), False, on)
    assert hearing_grounds(Notice(suspension=True), False, on) == ["责令停产停业"]
    assert hearing_grounds(Notice(confiscation=Decimal("60000")), False, on)


@pytest.mark.clause("D5.3a")
def test_a_hearing_request_after_five_days_is_refused(w):
    case = notified(w, terms=TERMS_LARGE)
    served = wd(D0, 4)
    with pytest.raises(DomainError) as e:
        services.hearing_request(actor=w.zhang, case=case, requested_on=wd(served, 6), on=wd(served, 6))
    assert_refused(e, "D5.3a", code="hearing_requested_in_time", field="on")
    hearing = services.hearing_request(actor=w.zhang, case=case, requested_on=wd(served, 5), on=wd(served, 5))
    assert hearing.requested_on == wd(served, 5)


@pytest.mark.clause("D5.3a")
def test_the_hearing_is_notified_seven_days_ahead_and_chaired_by_a_non_investigator(w):
    case = notified(w, terms=TERMS_LARGE)
    served = wd(D0, 4)
    services.hearing_request(actor=w.zhang, case=case, on=wd(served, 2))
    notified_on = wd(served, 3)
    with pytest.raises(DomainError) as e:
        services.hearing_schedule(
            actor=w.head2,
            case=case,
            chair=w.zhao_officer,
            place="听证室",
            scheduled_at=hearing_datetime(wd(notified_on, 6)),
            notified_on=notified_on,
            on=notified_on,
        )
    assert_refused(e, "D5.3a", code="hearing_notified_in_time", field="scheduled_at")
    with pytest.raises(DomainError) as e:
        services.hearing_schedule(
            actor=w.head2,
            case=case,
            chair=w.li_officer,
            place="听证室",
            scheduled_at=hearing_datetime(wd(notified_on, 7)),
            notified_on=notified_on,
            on=notified_on,
        )
    assert_refused(e, "D5.3a", code="hearing_chair_not_investigator", field="chair")
    # A chair without the hearing qualification is refused too (D3.1b).
    with pytest.raises(DomainError) as e:
        services.hearing_schedule(
            actor=w.head2,
            case=case,
            chair=w.wang_officer,
            place="听证室",
            scheduled_at=hearing_datetime(wd(notified_on, 7)),
            notified_on=notified_on,
            on=notified_on,
        )
    assert_refused(e, "D3.1b", code="officer_certified")
    hearing = services.hearing_schedule(
        actor=w.head2,
        case=case,
        chair=w.zhao_officer,
        place="听证室",
        scheduled_at=hearing_datetime(wd(notified_on, 7)),
        notified_on=notified_on,
        on=notified_on,
    )
    assert hearing.chair == w.zhao_officer


@pytest.mark.clause("D5.3a")
def test_the_decision_waits_for_the_hearing_which_then_requires_legal_review(w):
    case = notified(w, terms=TERMS_LARGE)
    served = wd(D0, 4)
    services.hearing_request(actor=w.zhang, case=case, on=wd(served, 1))
    day = wd(wd(served, 2), 7)
    services.hearing_schedule(
        actor=w.head2,
        case=case,
        chair=w.zhao_officer,
        place="听证室",
        scheduled_at=hearing_datetime(day),
        notified_on=wd(served, 2),
        on=wd(served, 2),
    )
    with pytest.raises(DomainError) as e:
        _submit(w, case, wd(served, 8))
    assert_refused(e, "D5.3a", code="hearing_held_before_decision", field="hearing")
    # Only the chair records the hearing: an investigator lacks the hearing qualification (D3.1b),
    # and another qualified officer is not this hearing's chair.
    with pytest.raises(DomainError) as e:
        services.hearing_record(actor=w.zhang, case=case, transcript="……", party_attended=True, on=day)
    assert_refused(e, "D3.1b", code="officer_certified")

    other_chair, _ = staff(w.agency, "officer", "孙主持", fields=("penalty", "hearing"))
    with pytest.raises(DomainError) as e:
        services.hearing_record(actor=other_chair, case=case, transcript="……", party_attended=True, on=day)
    assert e.value.status == 403
    services.hearing_record(
        actor=w.zhao,
        case=case,
        transcript="调查人员陈述事实，当事人申辩质证。",
        party_attended=True,
        points=["罚款数额超出其承受能力。"],
        on=day,
    )
    point = case.defences.get(form="hearing").points.get()
    services.defence_review(
        actor=w.zhang, case=case, point=point, adopted=False, reason="未提供经营困难的证据。", on=day
    )
    case = _submit(w, case, day)
    assert case.status == Status.LEGAL_REVIEW  # after a hearing (PL Art. 58(2))
    assert case.legal_reviews.get().grounds == ["经过听证程序"]


@pytest.mark.clause("D5.3a")
def test_a_party_may_withdraw_its_hearing_request(w):
    case = notified(w, terms=TERMS_LARGE)
    served = wd(D0, 4)
    services.hearing_request(actor=w.zhang, case=case, on=wd(served, 1))
    services.hearing_withdraw(actor=w.zhang, case=case, statement="本公司撤回听证申请。", on=wd(served, 2))
    assert _submit(w, case, wd(served, 6)).status == Status.DECISION_PENDING


@pytest.mark.clause("D5.3a")
def test_no_hearing_is_organised_for_a_penalty_outside_the_hearing_range(w):
    case = notified(w)  # 3,000 yuan for an organisation: the notice states no hearing right
    with pytest.raises(DomainError) as e:
        services.hearing_request(actor=w.zhang, case=case, on=wd(D0, 5))
    assert_refused(e, "D5.3a", code="hearing_within_scope")
    assert not case.hearings.exists()
