"""The decision and the discretion benchmark (D3.6, D3.10c): the engine's proposal is kept
on the report; leaving its tier needs written reasons, legal review, and is counted."""

from decimal import Decimal

import pytest

from zhifa.cases import services
from zhifa.cases.checklist import legal_review_grounds
from zhifa.cases.models import Case, Decision, Report, Status
from zhifa.cases.tests.builders import D0, filed, inspect, wd
from zhifa.core.errors import DomainError
from zhifa.discretion.models import Departure
from zhifa.testing import assert_refused

# With these facts the bundled 食品安全法第一百二十四条 benchmark proposes 一般 (65,000–85,000 yuan).
FACTS = {"goods_value": "240", "harm": "ordinary"}
REASONS = "当事人主动召回全部问题食品并赔偿消费者，危害已消除，故在一般档次以下处罚。"


@pytest.fixture
def linked(w):
    w.item.code = "SC-001"  # the catalogue item the market benchmark's SC-FS-124 covers
    w.item.save()
    return w


def report(w, fine, reasons="", circumstances=FACTS):
    case = filed(w)
    inspect(w, case, wd(D0, 2))
    return case, services.report_submit(
        actor=w.zhang,
        case=case,
        facts="当事人销售超过保质期的牛奶12盒，货值240元。",
        evidence_summary="检查笔录、照片。",
        outcome="penalty",
        reasons="违法事实清楚。",
        terms={"fine": fine},
        basis_articles=[w.article],
        circumstances=circumstances,
        departure_reasons=reasons,
        on=wd(D0, 3),
    )


def to_decision(w, case):
    services.notice_issue(actor=w.zhang, case=case, on=wd(D0, 4))
    services.notice_serve(actor=w.zhang, case=case, method="direct", served_to="店长王某", on=wd(D0, 4))
    services.decision_submit(actor=w.zhang, case=case, on=wd(D0, 12))
    return Case.objects.get(pk=case.pk)


@pytest.mark.clause("D3.6", "D3.10c")
def test_a_report_outside_the_proposed_tier_without_reasons_is_refused(linked):
    with pytest.raises(DomainError) as exc:
        report(linked, "55000")
    assert_refused(exc, "D3.6", code="departure_explained", field="departure_reasons")


@pytest.mark.clause("D3.6")
def test_the_report_keeps_the_engines_proposal(linked):
    case, rep = report(linked, "70000")
    assert rep.discretion["tier"] == "一般" and not rep.discretion["departs"]
    assert Decimal(rep.discretion["fine_min"]) == Decimal("65000") and rep.discretion["explanation"]
    steps = rep.discretion["trace"]
    assert steps and any("D3.6" in s["clauses"] for s in steps) and any(s["row"] for s in steps)
    assert "处理意见偏离裁量基准的建议档次" not in services_grounds(case)


def test_the_case_page_shows_the_proposal_and_its_trace(linked, client):
    case, rep = report(linked, "70000")
    client.force_login(linked.zhang)
    page = client.get(f"/cases/{case.pk}/").content.decode()
    assert "裁量过程" in page and rep.discretion["trace"][0]["text"][:10] in page and "一般" in page


def services_grounds(case):
    return legal_review_grounds(Case.objects.get(pk=case.pk))


@pytest.mark.clause("D3.6", "D3.10c")
def test_a_reasoned_departure_goes_to_legal_review_and_is_counted(linked):
    w = linked
    case, rep = report(w, "55000", REASONS)
    assert rep.discretion["departs"] and rep.departure_reasons == REASONS
    case = to_decision(w, case)
    assert case.status == Status.LEGAL_REVIEW
    assert "处理意见偏离裁量基准的建议档次" in case.legal_reviews.get().grounds
    services.legal_review(actor=w.reviewer, case=case, passed=True, opinion="偏离理由充分，同意。", on=wd(D0, 13))
    decision = services.decide(actor=w.head2, case=Case.objects.get(pk=case.pk), on=wd(D0, 14))
    departure = Departure.objects.get(case_id=case.pk)
    assert departure.agency == w.agency and departure.officer == w.zhang_officer
    assert departure.reviewer == w.reviewer and departure.chosen_amount == Decimal("55000")
    assert departure.proposed_tier == "一般"
    assert REASONS in decision.discretion_explanation and "一般" in decision.discretion_explanation


@pytest.mark.clause("D3.6", "D3.10c")
def test_a_head_cannot_leave_the_tier_without_reasons_and_review(linked):
    w = linked
    case, _ = report(w, "75000")
    case = to_decision(w, case)
    assert case.status == Status.DECISION_PENDING
    with pytest.raises(DomainError) as exc:
        services.decide(actor=w.head2, case=case, terms={"fine": "60000"}, on=wd(D0, 14))
    assert_refused(exc, "D3.6", code="departure_reasoned")

    assert not Departure.objects.exists() and not Decision.objects.filter(case=case).exists()
    assert Case.objects.get(pk=case.pk).status == Status.DECISION_PENDING


@pytest.mark.clause("D3.10c")
def test_a_decision_within_the_tier_explains_the_discretion_and_counts_nothing(linked):
    w = linked
    case, _ = report(w, "75000")
    decision = services.decide(actor=w.head2, case=to_decision(w, case), on=wd(D0, 14))
    assert "一般" in decision.discretion_explanation and "未采用" not in decision.discretion_explanation
    assert not Departure.objects.exists()


def test_an_item_without_a_benchmark_records_why(w):
    _case, rep = report(w, "3000", circumstances={"first_offence": True})
    assert "尚无已公布的裁量基准" in rep.discretion["unavailable"]


@pytest.mark.clause("D1.2")
@pytest.mark.parametrize("with_benchmark", [True, False])
def test_a_report_naming_a_factor_the_law_does_not_list_is_refused(w, with_benchmark):
    if with_benchmark:
        w.item.code = "SC-001"
        w.item.save()
    with pytest.raises(DomainError) as exc:
        report(w, "70000", REASONS, circumstances={**FACTS, "attitude": "当事人态度恶劣"})
    assert_refused(exc, "D1.2", code="only_listed_factors", field="attitude")
    assert not Report.objects.exists()


def test_an_engine_refusal_is_the_reports_refusal_not_no_benchmark(linked):
    with pytest.raises(DomainError) as exc:
        report(linked, "70000", circumstances={**FACTS, "goods_value": "很多"})
    assert exc.value.status == 400 and exc.value.field == "goods_value"
    assert not Report.objects.exists()


@pytest.mark.clause("D3.10c")
def test_the_decisions_discretion_explanation_is_in_the_api_as_on_the_page(linked, api):
    w = linked
    case, _ = report(w, "75000")
    decision = services.decide(actor=w.head2, case=to_decision(w, case), on=wd(D0, 14))
    assert decision.discretion_explanation
    res = api(w.head).get(f"cases/{case.pk}")
    assert res.status_code == 200
    assert res.json()["decision"]["discretion_explanation"] == decision.discretion_explanation
