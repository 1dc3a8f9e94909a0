"""The engine on the cases the Decision and the law name: each rule refused when broken
(assert_refused names the clause and the rule), and the proposal that satisfies it."""

from datetime import date
from decimal import Decimal

import pytest

from zhifa.core.errors import DomainError
from zhifa.core.rules import enforce
from zhifa.discretion import engine, rules, services
from zhifa.testing import assert_refused

V = engine.load_files(engine.bundled_paths())
ACT, DECIDED = date(2025, 3, 1), date(2025, 4, 1)


def propose(code, facts, prior=0, act=ACT, decided=DECIDED):
    # The harm is a fact the engine asks for (test_an_unrecorded_harm_is_asked_for_not_assumed);
    # the tests here that do not vary it record the ordinary one.
    facts = {"harm": "ordinary", **facts} if isinstance(facts, dict) else facts
    return engine.propose(V, item_code=code, act_date=act, decision_date=decided, facts=facts, prior_violations=prior)


# --- D1.2: only listed factors --------------------------------------------------------


@pytest.mark.clause("D1.2")
@pytest.mark.parametrize(
    "attribute", ["region", "occupation", "ownership", "office", "connections", "attitude", "hukou"]
)
def test_attributes_the_law_does_not_list_are_refused(attribute):
    with pytest.raises(DomainError) as excinfo:
        propose("CG-ZD-18", {"harm": "ordinary", "party_kind": "individual", attribute: "x"})
    assert_refused(excinfo, "D1.2", code="only_listed_factors", field=attribute)


@pytest.mark.clause("D1.2")
def test_an_unknown_attribute_is_refused_too_and_listed_ones_pass():
    with pytest.raises(DomainError) as excinfo:
        engine.Facts.from_dict({"shoe_size": 42})
    assert_refused(excinfo, "D1.2", code="only_listed_factors")
    assert rules.only_listed_factors(["harm", "first_offence"], engine.FACT_FIELDS) is None


# --- D3.6 and 行政处罚法第三十七条 ------------------------------------------------------


@pytest.mark.clause("D3.6")
def test_no_standard_in_force_on_the_act_date_is_refused():
    with pytest.raises(DomainError) as excinfo:
        propose("HW-74", {}, act=date(2021, 6, 1), decided=date(2021, 7, 1))
    assert_refused(excinfo, "D3.6", code="standard_in_force", field="item_code")


@pytest.mark.clause("D3.6")
def test_a_decision_before_the_act_is_refused():
    with pytest.raises(DomainError) as excinfo:
        propose("HW-74", {}, act=date(2025, 6, 1), decided=date(2025, 5, 1))
    assert_refused(excinfo, "D3.6", code="standard_in_force", field="decision_date")


@pytest.mark.clause("D3.6")
def test_the_version_in_force_on_the_act_date_applies():
    # The amended Anti-Monopoly Law took effect on 2022-08-01 (50万 → 300万 for an agreement not yet implemented).
    before = propose("SC-AM-UNIMPL", {}, act=date(2022, 7, 31), decided=date(2022, 7, 31))
    after = propose("SC-AM-UNIMPL", {}, act=date(2022, 8, 1), decided=date(2022, 8, 1))
    assert (before.version, before.statutory_max) == ("2021", Decimal("500000"))
    assert (after.version, after.statutory_max) == ("2022-08", Decimal("3000000"))
    later = propose("SC-AM-UNIMPL", {}, act=date(2023, 9, 19), decided=date(2023, 9, 19))
    assert (later.version, later.statutory_max) == ("2023", Decimal("3000000"))


@pytest.mark.clause("D3.6")
def test_between_act_and_decision_every_version_is_computed_and_the_most_lenient_applied():
    p = propose("SC-AM-UNIMPL", {}, act=date(2022, 6, 1), decided=date(2022, 10, 1))
    assert p.version == "2021" and p.recommended == Decimal("250000")
    assert [c["version"] for c in p.candidates] == ["2021", "2022-08"]
    assert any("行政处罚法第三十七条" in s.law for s in p.trace)
    assert "第三十七条" in p.explanation


@pytest.mark.clause("D3.6")
def test_choosing_a_heavier_version_is_refused():
    with pytest.raises(DomainError) as excinfo:
        enforce(rules.most_lenient_version((2, 0, Decimal(900)), [(2, 0, Decimal(500)), (2, 0, Decimal(900))]))
    assert_refused(excinfo, "D3.6", code="most_lenient_version")
    assert rules.most_lenient_version((2, 0, Decimal(500)), [(2, 0, Decimal(500))]) is None


# --- D5.1a / 行政处罚法第三十条、第三十一条、第三十三条 -------------------------------------


@pytest.mark.clause("D5.1a")
@pytest.mark.parametrize(
    "facts,law",
    [
        ({"minor": True, "corrected": True, "harm": "none"}, "行政处罚法第三十三条"),
        ({"harm": "ordinary", "party_kind": "individual", "age": 13}, "行政处罚法第三十条"),
        ({"mental": "unable"}, "行政处罚法第三十一条"),
        ({"no_fault_proven": True}, "行政处罚法第三十三条"),
    ],
)
def test_no_penalty_where_the_law_excuses(facts, law):
    p = propose("SC-FS-124", {"harm": "ordinary", "goods_value": "300", **facts})
    assert p.outcome == "no_penalty" and p.education and p.recommended is None
    assert any("D5.1a" in s.clauses and law in s.law for s in p.trace)
    assert "不予行政处罚" in p.explanation


@pytest.mark.clause("D5.1a")
def test_a_penalty_where_the_law_excuses_is_refused():
    p = propose("SC-FS-124", {"minor": True, "corrected": True, "harm": "none"})
    with pytest.raises(DomainError) as excinfo:
        services.decision_check(
            p, outcome="penalty", amount=Decimal("50000"), facts={"minor": True, "corrected": True, "harm": "none"}
        )
    assert_refused(excinfo, "D5.1a", code="no_penalty_when_the_law_excuses")


# --- D5.1b: scenario 2 (education first, city management) -----------------------------

MIGRANT = {
    "party_kind": "individual",
    "vulnerable_status": "migrant_worker",
    "first_offence": True,
    "minor": True,
    "harm": "minor",
    "corrected": True,
}


@pytest.mark.clause("D5.1b")
def test_a_migrant_worker_selling_fruit_for_the_first_time_gets_a_warning_and_no_fine():
    p = propose("CG-ZD-18", MIGRANT)
    assert p.outcome == "warning" and p.recommended is None and not p.confiscation and p.education
    assert any("D5.1b" in s.clauses for s in p.trace)
    assert "进城务工农民" in p.explanation and "不予罚款" in p.explanation
    # The same facts without the listed status: a lighter-tier fine, never a lighter outcome than the warning.
    other = propose("CG-ZD-18", {k: v for k, v in MIGRANT.items() if k != "vulnerable_status"})
    assert other.outcome == "penalty" and other.tier_label == "从轻"


@pytest.mark.clause("D5.1b")
def test_a_fine_for_the_vulnerable_first_minor_offender_is_refused():
    p = propose("CG-ZD-18", MIGRANT)
    with pytest.raises(DomainError) as excinfo:
        services.decision_check(p, outcome="penalty", amount=Decimal("50"), facts=MIGRANT)
    assert_refused(excinfo, "D5.1b", code="warning_for_vulnerable_first_minor")
    services.decision_check(p, outcome="warning", amount=None, facts=MIGRANT)


@pytest.mark.clause("D5.1b")
def test_a_repeat_offender_is_not_a_first_offender():
    p = propose("CG-ZD-18", MIGRANT, prior=1)
    assert p.outcome == "penalty"


# --- D5.1c ------------------------------------------------------------------------------


@pytest.mark.clause("D5.1c")
def test_without_factors_the_ordinary_tier_midpoint():
    p = propose("CG-ZD-18", {"harm": "ordinary", "party_kind": "individual"})
    assert (p.tier_label, p.fine_min, p.fine_max, p.recommended) == (
        "一般",
        Decimal("185.00"),
        Decimal("365.00"),
        Decimal("275"),
    )


@pytest.mark.clause("D5.1c")
def test_aggravation_without_a_listed_factor_is_refused():
    p = propose("CG-ZD-18", {"harm": "ordinary", "party_kind": "individual"})
    with pytest.raises(DomainError) as excinfo:
        services.decision_check(
            p, outcome="penalty", amount=Decimal("480"), facts={"harm": "ordinary", "party_kind": "individual"}
        )
    assert_refused(excinfo, "D5.1c", code="no_aggravation_without_listed_factor")
    with pytest.raises(DomainError) as excinfo:
        enforce(rules.no_aggravation_without_listed_factor(True, []))
    assert_refused(excinfo, "D5.1c", code="no_aggravation_without_listed_factor", field="tier")


@pytest.mark.clause("D5.1c")
def test_never_above_the_statutory_maximum():
    p = propose(
        "CG-ZD-18",
        {"party_kind": "individual", "egregious": True, "intent": True, "harm": "especially_serious"},
        prior=3,
    )
    assert p.recommended <= p.statutory_max == Decimal("500")
    with pytest.raises(DomainError) as excinfo:
        services.decision_check(
            p,
            outcome="penalty",
            amount=Decimal("501"),
            facts={"harm": "ordinary", "party_kind": "individual", "egregious": True},
        )
    assert_refused(excinfo, "D5.1c", code="within_statutory_maximum")


@pytest.mark.clause("D5.1c")
def test_below_the_minimum_only_on_a_legal_ground():
    p = propose("SC-FS-124", {"harm": "ordinary", "goods_value": "300"})
    with pytest.raises(DomainError) as excinfo:
        services.decision_check(
            p, outcome="penalty", amount=Decimal("20000"), facts={"harm": "ordinary", "goods_value": "300"}
        )
    assert_refused(excinfo, "D5.1c", code="below_minimum_only_when_reduced")


@pytest.mark.clause("D5.1c")
def test_one_fine_per_act_under_the_higher_provision():
    p = engine.propose_for_act(
        V,
        item_codes=["SC-FS-125", "SC-FS-124"],
        act_date=ACT,
        decision_date=DECIDED,
        facts={"harm": "ordinary", "goods_value": "300"},
    )
    assert p.item_code == "SC-FS-124"
    assert any("行政处罚法第二十九条" in s.law for s in p.trace)
    with pytest.raises(DomainError) as excinfo:
        enforce(rules.one_fine_per_act(2))
    assert_refused(excinfo, "D5.1c", code="one_fine_per_act")


# --- 行政处罚法第三十条、第三十二条: mandatory mitigation ----------------------------------


@pytest.mark.clause("D5.1c")
def test_a_minor_of_sixteen_is_mitigated_and_reduced_below_the_minimum_when_harm_is_slight():
    p = propose("SC-FS-124", {"party_kind": "individual", "age": 16, "goods_value": "300", "harm": "minor"})
    assert p.tier_label == "减轻" and p.recommended < p.statutory_min
    assert any("行政处罚法第三十条" in s.law for s in p.trace)
    q = propose("SC-FS-124", {"party_kind": "individual", "age": 16, "goods_value": "300", "harm": "ordinary"})
    assert q.tier_label == "从轻"


@pytest.mark.clause("D5.1c")
def test_ignoring_mandatory_mitigation_is_refused():
    facts = {"harm": "ordinary", "eliminated_harm": True, "goods_value": "300"}
    p = propose("SC-FS-124", facts)
    assert p.tier in ("reduce", "mitigate")
    with pytest.raises(DomainError) as excinfo:
        services.decision_check(p, outcome="penalty", amount=Decimal("90000"), facts=facts)
    assert_refused(excinfo, "D5.1c", code="mandatory_mitigation_applied")


# --- D5.9 ---------------------------------------------------------------------------------


@pytest.mark.clause("D5.9")
@pytest.mark.parametrize("facts", [{"intent": True, "harm": "serious"}, {"egregious": True}])
def test_intentional_and_serious_or_egregious_is_aggravated(facts):
    p = propose("SC-FS-124", {"harm": "ordinary", "goods_value": "300", **facts})
    assert p.tier == "aggravate" and p.fine_min >= Decimal("85000")
    assert any("D5.9" in s.clauses for s in p.trace)


@pytest.mark.clause("D5.9")
def test_not_aggravating_an_egregious_violation_is_refused():
    facts = {"harm": "ordinary", "goods_value": "300", "egregious": True}
    p = propose("SC-FS-124", facts)
    with pytest.raises(DomainError) as excinfo:
        services.decision_check(p, outcome="penalty", amount=Decimal("60000"), facts=facts)
    assert_refused(excinfo, "D5.9", code="aggravate_intentional_serious")


@pytest.mark.clause("D5.9")
def test_licence_revocation_only_when_serious():
    assert not any(
        k == "licence_revocation" for k, _ in propose("SC-FS-124", {"harm": "ordinary", "goods_value": "300"}).penalties
    )
    p = propose("SC-FS-124", {"harm": "ordinary", "goods_value": "300", "egregious": True})
    assert any(k == "licence_revocation" for k, _ in p.penalties)


# --- standards with their own tiers ------------------------------------------------------


def test_the_highway_benchmark_tiers_as_published():
    cases = [
        ({"circumstances": ["township_or_county_road"]}, "轻微", "1000"),
        ({"circumstances": ["national_or_provincial_road"]}, "一般", "3000"),
        ({"circumstances": ["affects_traffic"]}, "较重", "5000"),
        ({"circumstances": ["caused_accident"]}, "严重", "20000"),
        ({"circumstances": ["affects_traffic"], "illegal_income": "2000"}, "较重", "4000"),
    ]
    for facts, level, amount in cases:
        p = propose("HW-74", facts)
        assert (p.tier_label, p.recommended) == (level, Decimal(amount)), facts
    assert propose("HW-75", {"circumstances": ["damaged"], "length": "12"}).recommended == Decimal("20000")
    assert propose("HW-75", {"circumstances": ["damaged"], "length": "8"}).recommended == Decimal("10000")


def test_a_circumstance_the_item_does_not_list_is_simply_not_matched():
    p = propose("HW-74", {"circumstances": ["nonsense"]})
    assert p.tier_label == "一般"


def test_bad_values_are_refused_at_their_field():
    with pytest.raises(DomainError) as excinfo:
        engine.Facts.from_dict({"harm": "apocalyptic", "goods_value": "-1"})
    assert {v.field for v in excinfo.value.violations} == {"harm", "goods_value"}


def test_the_explanation_cites_the_standard_the_articles_and_the_amount():
    p = propose("SC-FS-124", {"harm": "ordinary", "goods_value": "300", "first_offence": True, "corrected": True})
    assert "《食品安全法》第一百二十四条" in p.explanation and "渝市监发〔2023〕89号" in p.explanation
    assert "罚款50000元至65000元" in p.explanation and "罚款53750元。" in p.explanation
    d = p.as_dict()
    assert d["recommended"] == "53750" and d["trace"][0]["row"].startswith("cq-market@2023")


def test_a_bad_standard_file_names_the_entry():
    with pytest.raises(engine.StandardError, match="statutory"):
        engine.parse_version(
            {
                "standard": {"code": "x", "title": "x", "issuer": "x", "field": "city"},
                "version": {
                    "label": "1",
                    "effective_from": "2024-01-01",
                    "source": {"title": "t", "url": "https://example.org"},
                },
                "items": [{"code": "A", "violation": "v", "violated": ["x"], "penalty": ["y"]}],
            }
        )


def test_a_multiple_of_an_unrecorded_base_asks_for_it():
    """产品质量法第五十二条: 货值金额二倍以下 — without the goods' value there is no amount to propose."""
    from datetime import date

    import pytest

    from zhifa.core.errors import DomainError
    from zhifa.discretion import engine

    versions = engine.load_files(engine.bundled_paths())
    with pytest.raises(DomainError) as exc:
        engine.propose(
            versions,
            item_code="SC-PQ-52",
            act_date=date(2026, 3, 1),
            decision_date=date(2026, 4, 1),
            facts={"harm": "ordinary", "first_offence": True},
        )
    assert exc.value.field == "goods_value" and "货值金额" in exc.value.message
    p = engine.propose(
        versions,
        item_code="SC-PQ-52",
        act_date=date(2026, 3, 1),
        decision_date=date(2026, 4, 1),
        facts={"harm": "ordinary", "first_offence": True, "goods_value": "1300"},
    )
    assert p.statutory_max == 2600


def test_the_ages_of_article_30_are_dated_parameters_on_both_sides_of_2021_07_15():
    from zhifa.core import parameters

    assert engine.age_limits(date(2021, 7, 14)) == engine.age_limits(date(2021, 7, 15)) == (14, 18)
    assert parameters.version("penalty_age_of_responsibility", on=date(2021, 7, 14)).source.startswith(
        "行政处罚法（1996）"
    )
    assert parameters.version("penalty_age_of_adulthood", on=date(2021, 7, 15)).source == "行政处罚法第三十条"
    assert (
        engine.excuse(engine.Facts.from_dict({"harm": "ordinary", "party_kind": "individual", "age": 13}))[0]
        == "当事人不满十四周岁"
    )
    minor = engine.factors_of(
        engine.Facts.from_dict({"harm": "ordinary", "party_kind": "individual", "age": 17}), 0, None
    )
    assert [m[1] for m in minor.mandatory] == ["已满十四周岁不满十八周岁"]


@pytest.mark.clause("D5.1a")
def test_an_unrecorded_harm_is_asked_for_not_assumed():
    """No harm recorded: the engine asks for it (as for the base amount) instead of assuming an
    ordinary one, which would silently rule out 不予处罚 (D5.1a)."""
    facts = {"minor": True, "corrected": True, "goods_value": "300"}
    with pytest.raises(DomainError) as excinfo:
        engine.propose(V, item_code="SC-FS-124", act_date=ACT, decision_date=DECIDED, facts=facts)
    assert excinfo.value.status == 400 and excinfo.value.field == "harm" and "危害后果" in excinfo.value.message
    p = engine.propose(V, item_code="SC-FS-124", act_date=ACT, decision_date=DECIDED, facts={**facts, "harm": "none"})
    assert p.outcome == "no_penalty"
    # A ground of no penalty that does not depend on the harm needs no harm recorded.
    child = {"party_kind": "individual", "age": 13, "goods_value": "300"}
    assert engine.propose(V, item_code="SC-FS-124", act_date=ACT, decision_date=DECIDED, facts=child).outcome == (
        "no_penalty"
    )
