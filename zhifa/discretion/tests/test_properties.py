"""Properties of the engine over generated facts (hypothesis, modest example counts):
never outside the statutory range; an aggravating fact never lowers and a mitigating
fact never raises the outcome; attributes the law does not list never change it (D1.2)."""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhifa.core.errors import DomainError
from zhifa.discretion import engine

V = engine.load_files(engine.bundled_paths())
CODES = sorted({c for v in V for c in v.items})
AGGRAVATING = [
    "intent",
    "egregious",
    "refused_correction",
    "obstruction",
    "evidence_destroyed",
    "vulnerable_victims",
    "emergency",
]
MITIGATING = [
    "corrected",
    "first_offence",
    "cooperation",
    "minor",
    "eliminated_harm",
    "coerced",
    "confessed_unknown",
    "meritorious",
]
SETTINGS = settings(
    max_examples=int(__import__("os").environ.get("DISC_EXAMPLES", 60)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

money = st.one_of(st.none(), st.integers(0, 2_000_000).map(str))
facts_st = st.fixed_dictionaries(
    {"party_kind": st.sampled_from(["individual", "organisation"]), "harm": st.sampled_from(engine.HARM_LEVELS)},
    optional={
        **{k: st.booleans() for k in AGGRAVATING + MITIGATING + ["no_fault_proven"]},
        "illegal_income": money,
        "goods_value": money,
        "annual_sales": money,
        "ad_cost": money,
        "length": st.one_of(st.none(), st.integers(0, 40).map(str)),
        "vulnerable_status": st.sampled_from([None, "disabled", "laid_off", "migrant_worker"]),
        "circumstances": st.lists(
            st.sampled_from(
                [
                    "township_or_county_road",
                    "national_or_provincial_road",
                    "affects_traffic",
                    "caused_accident",
                    "no_damage",
                    "damaged",
                    "especially_serious",
                    "construction_contractor",
                    "serious_circumstances",
                ]
            ),
            max_size=2,
        ),
    },
)
act_st = st.dates(min_value=date(2021, 11, 16), max_value=date(2026, 11, 25))


def run(code, facts, act, prior=0, days=30):
    return engine.propose(
        V, item_code=code, act_date=act, decision_date=act + timedelta(days=days), facts=facts, prior_violations=prior
    )


def proposal_or_none(*args, **kw):
    try:
        return run(*args, **kw)
    except DomainError as exc:
        # No standard in force, or a fine that is a multiple of a base the facts lack.
        assert "standard_in_force" in [v.code for v in exc.violations] or exc.field in engine.BASES, exc
        return None


def clean(facts):
    if facts["party_kind"] == "organisation":
        facts.pop("age", None)
    return facts


@SETTINGS
@given(
    code=st.sampled_from(CODES),
    facts=facts_st,
    act=act_st,
    prior=st.integers(0, 3),
    age=st.one_of(st.none(), st.integers(10, 70)),
)
def test_never_outside_the_statutory_range(code, facts, act, prior, age):
    if age is not None and facts["party_kind"] == "individual":
        facts["age"] = age
    p = proposal_or_none(code, facts, act, prior)
    if p is None or p.outcome != "penalty":
        return
    assert p.recommended <= p.statutory_max
    assert p.fine_min <= p.recommended <= p.fine_max
    if p.tier != "reduce" and "减轻" not in p.tier_label:
        assert p.recommended >= p.statutory_min
    else:
        assert p.mandatory, "reduced below the minimum without a legal ground"


@SETTINGS
@given(
    code=st.sampled_from(CODES),
    facts=facts_st,
    act=act_st,
    prior=st.integers(0, 2),
    extra=st.sampled_from(AGGRAVATING + ["harm_up", "prior_up"]),
)
def test_an_aggravating_fact_never_lowers_the_outcome(code, facts, act, prior, extra):
    base = proposal_or_none(code, facts, act, prior)
    if base is None:
        return
    more, more_prior = dict(facts), prior
    if extra == "harm_up":
        more["harm"] = engine.HARM_LEVELS[min(engine.HARM_LEVELS.index(facts["harm"]) + 1, 4)]
    elif extra == "prior_up":
        more_prior = prior + 1
    else:
        more[extra] = True
    after = run(code, more, act, more_prior)
    assert after.severity() >= base.severity(), (extra, base.tier_label, after.tier_label)


@SETTINGS
@given(
    code=st.sampled_from(CODES),
    facts=facts_st,
    act=act_st,
    prior=st.integers(0, 2),
    extra=st.sampled_from(MITIGATING + ["harm_down", "vulnerable"]),
)
def test_a_mitigating_fact_never_raises_the_outcome(code, facts, act, prior, extra):
    base = proposal_or_none(code, facts, act, prior)
    if base is None:
        return
    less = dict(facts)
    if extra == "harm_down":
        less["harm"] = engine.HARM_LEVELS[max(engine.HARM_LEVELS.index(facts["harm"]) - 1, 0)]
    elif extra == "vulnerable":
        less["vulnerable_status"] = "disabled"
    else:
        less[extra] = True
    after = run(code, less, act, prior)
    assert after.severity() <= base.severity(), (extra, base.tier_label, after.tier_label)


@pytest.mark.clause("D1.2")
@SETTINGS
@given(
    code=st.sampled_from(CODES),
    facts=facts_st,
    act=act_st,
    attribute=st.sampled_from(["region", "occupation", "ownership", "office", "connections", "attitude"]),
    value=st.text(max_size=8),
)
def test_attributes_the_law_does_not_list_never_change_the_outcome(code, facts, act, attribute, value):
    """They are refused (only_listed_factors), so no outcome can depend on them."""
    with pytest.raises(DomainError) as excinfo:
        run(code, {**facts, attribute: value}, act)
    assert "only_listed_factors" in [v.code for v in excinfo.value.violations]
    assert "D1.2" in excinfo.value.all_clauses
