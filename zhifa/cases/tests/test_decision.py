"""The decision: separation of stages and legal review (D3.3), the legal basis (D3.10a),
the time limit and extensions (D1.4), publication without relatives (D5.6)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from zhifa.cases import services
from zhifa.cases.models import Case, Participation, Status
from zhifa.cases.rules import legal_review_passed
from zhifa.cases.tests.builders import D0, decision_pending, executing, filed, notified, reported, staff, wd
from zhifa.core.errors import DomainError
from zhifa.law.models import Article, LegalBasis
from zhifa.testing import assert_refused, make_user

pytestmark = pytest.mark.django_db

LATE = wd(D0, 13)


def _to_decision(w, case, on=None):
    return services.decision_submit(actor=w.zhang, case=case, on=on or wd(D0, 12))


@pytest.mark.clause("D3.3")
def test_the_investigator_cannot_decide_the_same_case(w):
    # An investigator who is also a head (a deputy head leading the case) is still refused.
    head_inv, head_inv_officer = staff(w.agency, "head", "吴副局长")
    case = filed(w)
    services.officer_assign(actor=w.head2, case=case, officer=head_inv_officer, on=wd(D0, 2))
    services.inspection_record(
        actor=head_inv,
        case=case,
        kind="inquiry",
        place="询问室",
        subject="店长",
        officers=[head_inv_officer, w.zhang_officer],
        certificates_shown=True,
        record="问答……",
        on=wd(D0, 2),
    )
    services.report_submit(
        actor=w.zhang,
        case=case,
        facts="……",
        evidence_summary="……",
        outcome="no_penalty_unfounded",
        reasons="证据不足",
        on=wd(D0, 3),
    )
    case = _to_decision(w, case, wd(D0, 4))
    with pytest.raises(DomainError) as e:
        services.decide(actor=head_inv, case=case, on=wd(D0, 5))
    assert_refused(e, "D3.3", code="stages_separated", field="actor")


@pytest.mark.clause("D3.3")
def test_the_head_who_approved_filing_may_decide_it(w):
    # 行政处罚法第五十四条 and 第五十七条: approving filing and deciding are both the head's acts.
    case = decision_pending(w)
    assert Participation.objects.filter(case=case, user=w.head, stage="filing").exists()
    assert services.decide(actor=w.head, case=case, on=LATE).number == "渝中市监罚〔2026〕1号"


@pytest.mark.clause("D3.3")
def test_a_head_assigned_as_investigator_and_named_on_a_record_entered_by_another_may_not_decide(w):
    deputy, deputy_officer = staff(w.agency, "head", "吴副局长")
    case = filed(w)
    services.officer_assign(actor=w.head2, case=case, officer=deputy_officer, on=wd(D0, 2))
    services.inspection_record(
        actor=w.zhang,  # entered by another officer: the deputy never acted on the case himself
        case=case,
        kind="inspection",
        place="现场",
        subject="店长",
        officers=[deputy_officer, w.zhang_officer],
        certificates_shown=True,
        record="检查情况……",
        on=wd(D0, 2),
    )
    assert not Participation.objects.filter(case=case, user=deputy).exists()
    services.report_submit(
        actor=w.zhang,
        case=case,
        facts="……",
        evidence_summary="……",
        outcome="no_penalty_unfounded",
        reasons="证据不足",
        on=wd(D0, 3),
    )
    case = _to_decision(w, case, wd(D0, 4))
    with pytest.raises(DomainError) as e:
        services.decide(actor=deputy, case=case, on=wd(D0, 5))
    assert_refused(e, "D3.3", code="stages_separated", field="actor")
    assert "调查" in str(e.value)
    assert services.decide(actor=w.head, case=case, on=wd(D0, 5)).outcome == "no_penalty_unfounded"


@pytest.mark.clause("D3.3")
def test_only_being_assigned_is_investigating(w):
    deputy, deputy_officer = staff(w.agency, "head", "吴副局长")
    case = reported(w)
    services.officer_assign(actor=w.head2, case=case, officer=deputy_officer, on=wd(D0, 4))
    services.notice_issue(actor=w.zhang, case=case, on=wd(D0, 4))
    services.notice_serve(actor=w.zhang, case=case, method="direct", served_to="店长王某", on=wd(D0, 4))
    case = _to_decision(w, case)
    with pytest.raises(DomainError) as e:
        services.decide(actor=deputy, case=case, on=LATE)
    assert_refused(e, "D3.3", code="stages_separated")


def test_the_administrator_performs_no_legal_act(w, api):
    admin = make_user("admin", username="admin-legal")
    case = decision_pending(w, major_public_interest=True)
    assert case.status == Status.LEGAL_REVIEW
    res = api(admin).post(f"cases/{case.pk}/legal-review", {"passed": True, "opinion": "同意"})
    assert res.status_code == 403 and "系统管理员" in res.json()["message"]
    with pytest.raises(DomainError) as e:
        services.legal_review(actor=admin, case=case, passed=True, opinion="同意", on=wd(D0, 12))
    assert e.value.status == 403
    detail = api(admin).get(f"cases/{case.pk}").json()
    assert detail["acts"] == []
    assert services.legal_review(actor=w.reviewer, case=case, passed=True, opinion="同意", on=wd(D0, 12))


@pytest.mark.clause("D3.3")
def test_the_decider_cannot_then_execute(w):
    case = executing(w)
    # the executing officer records payments (services.payment_record); the decider may not

    # A head who decided is not an officer; an officer who investigated cannot execute.
    with pytest.raises(DomainError) as e:
        services.payment_record(
            actor=w.zhang,
            case=case,
            paid_on=wd(D0, 15),
            amount="3240",
            method="bank",
            bank="工商银行",
            receipt_number="NO-1",
            on=wd(D0, 15),
        )
    assert_refused(e, "D3.3", code="stages_separated")
    assert staff  # (builder imported for symmetry with other tests)


@pytest.mark.clause("D3.3")
def test_legal_review_for_major_public_interest_by_a_non_investigator(w):
    case = decision_pending(w, major_public_interest=True)
    assert case.status == Status.LEGAL_REVIEW
    # An investigator holding the reviewer role may not review the case.

    Participation.objects.create(
        case=case, user=w.reviewer, stage="investigation", first_act="inspection_record", first_on=wd(D0, 2)
    )
    with pytest.raises(DomainError) as e:
        services.legal_review(actor=w.reviewer, case=case, passed=True, opinion="同意", on=wd(D0, 12))
    assert_refused(e, "D3.3", code="reviewer_not_investigator")
    Participation.objects.filter(case=case, user=w.reviewer).delete()
    review = services.legal_review(
        actor=w.reviewer, case=case, passed=True, opinion="事实清楚，程序合法，适用依据正确。", on=wd(D0, 12)
    )
    assert review.result == "passed"
    assert services.decide(actor=w.head2, case=Case.objects.get(pk=case.pk), on=LATE).outcome == "penalty"


@pytest.mark.clause("D3.3")
def test_no_decision_without_a_passed_legal_review_where_required(w):
    case = decision_pending(w, complex_case=True)
    services.legal_review(actor=w.reviewer, case=case, passed=False, opinion="证据不足，退回补充调查。", on=wd(D0, 12))
    case = Case.objects.get(pk=case.pk)
    assert case.status == Status.INVESTIGATING
    # A review that did not pass does not allow a decision, whatever the path back.

    assert legal_review_passed(["案情疑难复杂"], case.legal_reviews.get()) is not None
    assert legal_review_passed(["案情疑难复杂"], None).code == "legal_review_passed"


@pytest.mark.clause("D3.3")
def test_a_case_that_needs_review_is_refused_if_decided_without_one(w):
    case = decision_pending(w)
    Case.objects.filter(pk=case.pk).update(law_requires_review=True)  # e.g. a law requiring review applies
    with pytest.raises(DomainError) as e:
        services.decide(actor=w.head2, case=Case.objects.get(pk=case.pk), on=LATE)
    assert_refused(e, "D3.3", code="legal_review_passed")


@pytest.mark.clause("D3.3")
def test_a_major_violation_is_decided_after_collective_discussion(w):
    case = decision_pending(w, major_violation=True)
    with pytest.raises(DomainError) as e:
        services.decide(actor=w.head2, case=case, on=LATE)
    assert_refused(e, "D3.3", code="collective_discussion_held")
    services.collective_discussion(
        actor=w.head2,
        case=case,
        participants="局长、副局长、纪检组长",
        minutes="……",
        conclusion="同意给予行政处罚",
        on=LATE,
    )
    assert services.decide(actor=w.head2, case=Case.objects.get(pk=case.pk), on=LATE).outcome == "penalty"


@pytest.mark.clause("D3.10a")
def test_a_normative_document_is_refused_as_a_basis(w):
    case = filed(w)
    with pytest.raises(DomainError) as e:
        services.report_submit(
            actor=w.zhang,
            case=case,
            facts="……",
            evidence_summary="……",
            outcome="penalty",
            reasons="……",
            terms={"fine": "1000"},
            basis_articles=[w.doc_article],
            on=wd(D0, 3),
        )
    assert_refused(e, "D3.10a", code="basis_is_law_or_rule", field="basis_articles")
    case = decision_pending(w)
    with pytest.raises(DomainError) as e:
        services.decide(actor=w.head2, case=case, basis_articles=[w.article, w.doc_article], on=LATE)
    assert_refused(e, "D3.10a", code="basis_is_law_or_rule")


@pytest.mark.clause("D3.10a")
def test_a_penalty_without_any_article_is_refused(w):
    with pytest.raises(DomainError) as e:
        services.report_submit(
            actor=w.zhang,
            case=filed(w),
            facts="……",
            evidence_summary="……",
            outcome="penalty",
            reasons="……",
            terms={"fine": "1000"},
            basis_articles=[],
            on=wd(D0, 3),
        )
    assert_refused(e, "D3.10a", code="basis_cited")


@pytest.mark.clause("D3.10a")
def test_the_basis_must_be_in_force_on_the_acts_date_unless_a_lenient_new_law_applies(w):
    new_rule = LegalBasis.objects.create(
        title="新修订的食品经营办法",
        slug="new-rule",
        level="department_rule",
        issuer="国家市场监督管理总局",
        promulgated_on=date(2026, 1, 1),
        effective_from=D0 + timedelta(days=5),
    )
    new_article = Article.objects.create(basis=new_rule, number=30, label="第三十条", text="处罚较轻的新规定。")
    case = filed(w)  # the act happened three days before D0
    with pytest.raises(DomainError) as e:
        services.report_submit(
            actor=w.zhang,
            case=case,
            facts="……",
            evidence_summary="……",
            outcome="penalty",
            reasons="……",
            terms={"fine": "1000"},
            basis_articles=[new_article],
            on=D0 + timedelta(days=8),
        )
    assert_refused(e, "D3.10a", code="basis_in_force")
    with pytest.raises(DomainError) as e:
        services.report_submit(
            actor=w.zhang,
            case=case,
            facts="……",
            evidence_summary="……",
            outcome="penalty",
            reasons="……",
            terms={"fine": "1000"},
            basis_articles=[new_article],
            lenient_new_law=True,
            on=D0 + timedelta(days=8),
        )
    assert_refused(e, "D3.10a", code="lenient_new_law_reasoned")
    report = services.report_submit(
        actor=w.zhang,
        case=case,
        facts="……",
        evidence_summary="……",
        outcome="penalty",
        reasons="……",
        terms={"fine": "1000"},
        basis_articles=[new_article],
        lenient_new_law=True,
        lenient_reason="新规定罚款下限较低，处罚较轻。",
        on=D0 + timedelta(days=8),
    )
    assert report.lenient_new_law
    # A repealed basis no longer grounds anything.
    LegalBasis.objects.filter(pk=w.basis.pk).update(repealed_on=D0 - timedelta(days=30), repeal_reason="废止")
    with pytest.raises(DomainError) as e:
        services.report_submit(
            actor=w.zhang,
            case=filed(w),
            facts="……",
            evidence_summary="……",
            outcome="penalty",
            reasons="……",
            terms={"fine": "1000"},
            basis_articles=[Article.objects.get(pk=w.article.pk)],
            on=wd(D0, 3),
        )
    assert_refused(e, "D3.10a", code="basis_in_force")


@pytest.mark.clause("D1.4")
def test_no_decision_after_ninety_days_without_an_approved_extension(w):
    case = decision_pending(w)
    due = case.decision_due_on
    assert due == date(2026, 6, 1)  # filed Tue 2026-03-03 + 90 days = Mon 2026-06-01
    with pytest.raises(DomainError) as e:
        services.decide(actor=w.head2, case=case, on=due + timedelta(days=1))
    assert_refused(e, "D1.4", code="decision_within_time_limit")
    # An extension must be approved before the limit runs out, within the allowed days, with reasons.
    with pytest.raises(DomainError) as e:
        services.extension_approve(actor=w.head, case=case, days=45, reason="案情复杂", on=due)
    assert_refused(e, "D1.4", code="extension_allowed", field="days")
    with pytest.raises(DomainError) as e:
        services.extension_approve(actor=w.head, case=case, days=30, reason="案情复杂", on=due + timedelta(days=1))
    assert_refused(e, "D1.4", code="extension_allowed", field="on")
    ext = services.extension_approve(actor=w.head, case=case, days=30, reason="需等待检验结果", on=due)
    assert ext.new_due_on == date(2026, 7, 1)
    decision = services.decide(actor=w.head2, case=Case.objects.get(pk=case.pk), on=due + timedelta(days=1))
    assert decision.decided_on == date(2026, 6, 2)


@pytest.mark.clause("D5.6")
def test_the_public_summary_never_names_relatives_or_id_numbers(w):
    case = decision_pending(w, party=w.person)
    services.relative_record(
        actor=w.zhang,
        case=case,
        name="甲某之子",
        relation="儿子",
        age_group="minor",
        circumstances="在读小学",
        arrangement="避免在其面前执法",
        on=LATE,
    )
    with pytest.raises(DomainError) as e:
        services.decide(actor=w.head2, case=case, on=LATE, public_summary="当事人之子甲某之子在场。")
    assert_refused(e, "D5.6", code="publication_excludes_relatives", field="public_summary")
    with pytest.raises(DomainError) as e:
        services.decide(actor=w.head2, case=case, on=LATE, public_summary=f"当事人身份证号{w.person.id_number}。")
    assert_refused(e, "D5.6", code="publication_excludes_relatives")
    decision = services.decide(actor=w.head2, case=case, on=LATE, public_summary="个体户销售过期食品被处罚。")
    assert "甲某之子" not in decision.public_summary


def test_no_penalty_for_a_minor_violation_needs_no_notice(w):
    case = reported(w, outcome="no_penalty_minor")
    case = _to_decision(w, case, wd(D0, 4))
    assert case.status == Status.DECISION_PENDING
    decision = services.decide(actor=w.head2, case=case, on=wd(D0, 5))
    assert decision.number == "渝中市监不罚〔2026〕1号" and not decision.has_penalty
    decision = services.decision_serve(actor=w.wang, case=case, method="direct", served_to="店长", on=wd(D0, 6))
    assert Case.objects.get(pk=case.pk).status == Status.EXECUTED


def test_a_suspected_crime_is_transferred_to_the_judiciary(w):
    case = reported(w, outcome="transfer_judiciary")
    case = _to_decision(w, case, wd(D0, 4))
    with pytest.raises(DomainError):
        services.decide(actor=w.head2, case=case, on=wd(D0, 5))
    case = services.judiciary_transfer(
        actor=w.head2, case=case, reason="涉嫌生产销售不符合安全标准的食品罪，移送区公安分局。", on=wd(D0, 5)
    )
    assert case.status == Status.TRANSFERRED_JUDICIARY and "刑移" in case.end_reason
    assert services.close(actor=w.head, case=case, on=wd(D0, 6)).status == Status.CLOSED


def test_a_case_may_be_terminated_with_reasons(w):
    case = filed(w)
    case = services.terminate(actor=w.head, case=case, reason="当事人已注销，无权利义务承受人。", on=wd(D0, 3))
    assert case.status == Status.TERMINATED
    assert services.close(actor=w.head, case=case, on=wd(D0, 3)).status == Status.CLOSED


def test_the_decision_defaults_to_the_report_and_states_remedies(w):
    case = decision_pending(w)
    decision = services.decide(actor=w.head2, case=case, on=LATE)
    assert decision.fine == Decimal("3000") and decision.confiscation == Decimal("240")
    assert "六十日" in decision.remedies or "60日" in decision.remedies
    assert list(decision.basis_articles.all()) == [w.article]


def test_a_stale_version_is_a_conflict(w):
    case = notified(w)
    with pytest.raises(DomainError) as e:
        services.decision_submit(actor=w.zhang, case=case, on=wd(D0, 12), expected_version=case.version - 1)
    assert e.value.status == 409 and e.value.code == "conflict"
    services.decision_submit(actor=w.zhang, case=case, on=wd(D0, 12), expected_version=case.version)
    with pytest.raises(DomainError) as e:  # the same act again: the case has moved on
        services.decision_submit(actor=w.zhang, case=case, on=wd(D0, 12))
    assert e.value.status == 409


@pytest.mark.clause("D3.10c")
def test_a_penalty_states_its_terms_and_no_penalty_states_none(w):
    case = decision_pending(w)
    with pytest.raises(DomainError) as e:
        services.decide(actor=w.head2, case=case, outcome="no_penalty_minor", terms={"fine": "100"}, on=wd(D0, 13))
    assert_refused(e, "D3.10c", code="terms_match_outcome", field="outcome")
    with pytest.raises(DomainError) as e:
        services.decide(actor=w.head2, case=case, terms={}, on=wd(D0, 13))
    assert_refused(e, "D3.10c", code="terms_match_outcome", field="fine")
    assert Case.objects.get(pk=case.pk).status == Status.DECISION_PENDING
