"""One scenario file per benchmark item (scenarios/<code>.yaml): recorded facts → the
expected outcome, on both sides of each version's effective date (D3.6)."""

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from zhifa.core.errors import DomainError
from zhifa.discretion import engine

SCENARIOS = sorted((Path(__file__).resolve().parent.parent / "scenarios").glob("*.yaml"))
VERSIONS = engine.load_files(engine.bundled_paths())
CASES = [(path.stem, case) for path in SCENARIOS for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]]
#: An example standard (not a published one) with tiers of no penalty and of no fine, and its scenarios.
EXAMPLES = Path(__file__).resolve().parent / "examples"
EXAMPLE_VERSIONS = engine.load_files(sorted(EXAMPLES.glob("*.yaml")))
EXAMPLE_CASES = [
    (path.stem, case)
    for path in sorted((EXAMPLES / "scenarios").glob("*.yaml"))
    for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
]


def test_the_scenarios_reach_every_tier_of_the_common_split():
    labels = {case["expect"].get("tier_label") for _, case in CASES if "expect" in case}
    assert {"减轻", "从轻", "一般", "从重"} <= labels


def test_every_item_has_a_scenario_file_and_there_are_enough_items():
    codes = {c for v in VERSIONS for c in v.items}
    assert len(codes) >= 30
    assert {p.stem for p in SCENARIOS} == codes


@pytest.mark.clause("D3.6")
@pytest.mark.parametrize("code,case", CASES, ids=[f"{c}:{i}" for i, (c, _) in enumerate(CASES)])
def test_scenario(code, case):
    run_scenario(VERSIONS, code, case)


@pytest.mark.clause("D3.6", "D5.1a")
@pytest.mark.parametrize("code,case", EXAMPLE_CASES, ids=[f"{c}:{i}" for i, (c, _) in enumerate(EXAMPLE_CASES)])
def test_a_standards_tiers_of_no_penalty_and_of_no_fine(code, case):
    run_scenario(EXAMPLE_VERSIONS, code, case)


def run_scenario(versions, code, case):
    call = {
        "item_code": code,
        "act_date": case["act_date"],
        "decision_date": case["decision_date"],
        "facts": case["facts"],
        "prior_violations": case.get("prior_violations", 0),
    }
    if "refused" in case:
        with pytest.raises(DomainError) as excinfo:
            engine.propose(versions, **call)
        assert case["refused"] in excinfo.value.all_clauses
        assert "standard_in_force" in [v.code for v in excinfo.value.violations]
        return
    p = engine.propose(versions, **call)
    want = case["expect"]
    assert p.outcome == want["outcome"], case["name"]
    assert p.version == want["version"], case["name"]
    if "tier_label" in want:
        assert p.tier_label == want["tier_label"], case["name"]
    for key in ("fine_min", "fine_max", "recommended"):
        if key in want:
            assert getattr(p, key) == Decimal(want[key]), (case["name"], key, getattr(p, key))
    if p.outcome == "penalty" and p.tier == "reduce":
        # 减轻: below the statutory minimum, on a legal ground (行政处罚法第三十二条), never nothing.
        assert 0 < p.recommended < p.statutory_min, case["name"]
    elif p.outcome == "penalty":
        assert p.statutory_min <= p.recommended <= p.statutory_max
    assert p.explanation and p.trace
