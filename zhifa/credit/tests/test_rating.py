"""The credit rating (D5.7): final decisions and inspection results only, line by line,
decay and restoration after the periods the rules set, objections."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from zhifa.cases.tests.builders import executing
from zhifa.core.errors import DomainError
from zhifa.credit import facts, services
from zhifa.credit.rating import DecisionFact, InspectionFact, grade_of, rate
from zhifa.testing import assert_refused

T = Decimal("50000")


def decision(n=1, served_on=date(2026, 3, 2), serious=False, amount=Decimal("3000"), warning=False):
    return DecisionFact(
        f"decision:{n}", f"渝中市监罚〔2026〕{n}号", 1, "渝中区市场监管局", served_on, serious, amount, T, warning
    )


@pytest.mark.clause("D5.7")
def test_each_final_decision_takes_points_by_its_kind_with_its_source():
    r = rate(
        [
            decision(1, serious=True),
            decision(2, amount=Decimal("60000")),
            decision(3),
            decision(4, served_on=date(2026, 11, 2), amount=Decimal("0"), warning=True),
        ],
        [],
        date(2026, 12, 1),
    )
    assert [line.full_points for line in r.lines] == [40, 20, 10, 5]
    assert r.score == 100 - 40 - 20 - 10 - 5 and r.grade == "C" and r.weight == 4
    assert "令第45号）第十三条" in r.lines[0].rule and "3年" in r.lines[0].rule
    assert "3个月" in r.lines[3].rule and r.lines[3].until == date(2027, 2, 2)


@pytest.mark.clause("D5.7")
def test_a_line_decays_in_the_second_half_of_its_period_and_is_restored_after_it():
    line = decision(1, served_on=date(2024, 1, 10))  # counts to 2027-01-10
    assert rate([line], [], date(2025, 1, 1)).lines[0].points == 10
    decayed = rate([line], [], date(2026, 1, 1)).lines[0]
    assert decayed.points == 5 and decayed.state == "减半计入（衰减）"
    restored = rate([line], [], date(2027, 1, 11))
    assert restored.lines[0].points == 0 and restored.lines[0].state == "期满已修复" and restored.score == 100


def test_a_decision_served_before_the_rule_counts_by_its_first_version():
    r = rate([decision(1, served_on=date(2020, 5, 1))], [], date(2021, 1, 1))
    assert r.lines[0].until == date(2023, 5, 1)


def test_inspection_results_and_upheld_objections():
    inspection = InspectionFact(
        "inspection:9", "2026年食品抽查", 1, "渝中区市场监管局", "corrected", "发现问题，已责令整改", date(2026, 6, 1)
    )
    r = rate([decision(1)], [inspection], date(2026, 12, 1), upheld=frozenset({"decision:1"}))
    assert [(line.key, line.points) for line in r.lines] == [("decision:1", 0), ("inspection:9", 1)]
    assert r.lines[0].state == "异议成立，不计入" and r.score == 99 and r.grade == "A"


def test_grades():
    assert grade_of(100)[0] == grade_of(90)[0] == "A"
    assert grade_of(89)[0] == grade_of(70)[0] == "B"
    assert grade_of(69)[:2] == ("C", "较差")


@pytest.mark.django_db
@pytest.mark.clause("D5.7")
def test_a_served_decision_counts_and_the_party_objects(w):
    case = executing(w)
    party = case.party
    rated = facts.rating(party, date(2026, 12, 1))
    assert [line.full_points for line in rated.lines] == [10]
    key = rated.lines[0].key
    with pytest.raises(DomainError) as e:
        services.objection_file(actor=w.zhang, party=party, line_key="decision:999999", reason="不是我们")
    assert_refused(e, "D5.7", code="objection_names_a_line", field="line_key")
    objection = services.objection_file(actor=w.zhang, party=party, line_key=key, reason="该决定已被复议撤销。")
    assert objection.agency_id == w.agency.pk
    with pytest.raises(DomainError) as e:
        services.objection_answer(actor=w.head, objection=objection, upheld=True, answer="成立")
    assert_refused(e, "D5.7", code="objection_answer_gives_reasons", field="answer")
    with pytest.raises(DomainError) as e:
        services.objection_answer(
            actor=w.other_head, objection=objection, upheld=True, answer="经核实决定已被撤销，异议成立。"
        )
    assert e.value.status == 404
    services.objection_answer(actor=w.head, objection=objection, upheld=True, answer="经核实决定已被撤销，异议成立。")
    after = facts.rating(party, date(2026, 12, 1))
    assert after.score == 100 and after.lines[0].state == "异议成立，不计入"
