"""The discretion engine: proposes, explains and checks a penalty by the benchmark.

Pure Python (no ORM, no I/O): a benchmark standard version is data (:class:`Version`,
parsed from the YAML files in ``standards/`` or from the database's copy of them);
:func:`propose` takes the item, the act and decision dates, the recorded facts and the
number of prior violations, and returns a :class:`Proposal`:

    proposal = propose(versions, item_code="HW-74", act_date=date(2025, 3, 1),
                       decision_date=date(2025, 4, 1), facts={"party_kind": "organisation",
                       "illegal_income": "2000", "circumstances": ["national_or_provincial_road"]})
    proposal.outcome        # "no_penalty" | "warning" | "penalty"
    proposal.fine_min, proposal.fine_max, proposal.recommended   # Decimal yuan (None without a fine)
    proposal.tier, proposal.tier_label, proposal.penalties, proposal.trace, proposal.explanation

How it decides (each step is recorded in ``trace`` with its clause, article and the
standard's row):

1. D3.6: the versions of the benchmark that hold the item and were in force on the act
   date, or took effect between the act and the decision, are all computed; the most
   lenient outcome is applied (行政处罚法第三十七条).
2. No penalty: under 14 (第三十条; the ages are dated parameters), unable to recognise or control one's conduct
   (第三十一条), proven without fault (第三十三条第二款), or significantly minor,
   promptly corrected and harmless (D5.1a, 第三十三条第一款).
3. D5.1b: a disabled person, laid-off worker or migrant worker, first offence,
   significantly minor with slight consequences, promptly corrected: a warning, no fine
   or confiscation.
4. Otherwise the tier: by the standard's own tiers where it states them (conditions
   on the recorded facts), else the common split of the statutory range (从轻 Y to
   Y+30%(X−Y), 一般 to Y+70%, 从重 to X). Aggravation only on a listed factor (D5.1c),
   always on intent with serious harm or egregious conduct (D5.9); mandatory mitigation
   for minors of 14–18 and 行政处罚法第三十二条 (从轻 or 减轻). Never above the
   statutory maximum; below the minimum only when reduced on a legal ground.

Facts are validated against :data:`FACT_FIELDS`: an attribute the law does not list
(region, occupation, ownership, office, connections, attitude …) is refused (D1.2).

The package, by concern (this module re-exports what callers use):

- :mod:`.facts`: the facts schema (:class:`Facts`, :data:`FACT_FIELDS`) and its validation;
- :mod:`.standards`: the standard types (:class:`Version`, :class:`Item`, :class:`Tier`,
  :class:`FineSpec`) and their parser (:func:`parse_version`, :func:`load_files`);
- :mod:`.evaluation`: one version's outcome (:func:`evaluate`), the circumstances found
  (:func:`factors_of`, :func:`excuse`), and the platform's constants that place a fine
  inside its tier;
- :mod:`.explanation`: the paragraph for the decision document;
- :mod:`.versions`: proposing across versions and for one act (:func:`propose`,
  :func:`propose_for_act`);
- :mod:`.proposal`, :mod:`.wording`: the answer's types and how amounts and conditions read.
"""

from zhifa.discretion.engine.evaluation import (
    LOWEST_TIER_MITIGATION,
    MIDPOINT,
    REDUCTION_FLOOR,
    REDUCTION_SPAN,
    STEP_PER_FACTOR,
    STEP_PER_FACTOR_ORDINARY,
    Factors,
    age_limits,
    branch,
    evaluate,
    excuse,
    factors_of,
    matches,
    vulnerable_first_minor,
)
from zhifa.discretion.engine.explanation import explain
from zhifa.discretion.engine.facts import (
    BASES,
    BOOL_FACTS,
    FACT_FIELDS,
    HARM_LABELS,
    HARM_LEVELS,
    MEASURES,
    MENTAL,
    VULNERABLE,
    Facts,
    FactsError,
)
from zhifa.discretion.engine.proposal import Proposal, Step
from zhifa.discretion.engine.standards import (
    FIVE_LEVEL,
    KINDS,
    STANDARDS_DIR,
    TIER_CODES,
    TIER_OUTCOMES,
    FineSpec,
    Item,
    OtherPenalty,
    StandardError,
    Tier,
    Version,
    bundled_paths,
    load_files,
    parse_version,
)
from zhifa.discretion.engine.versions import candidate_versions, fingerprint, propose, propose_for_act
from zhifa.discretion.engine.wording import CENT, YUAN, ZERO, cndate, describe_when, num, yuan

__all__ = [
    "BASES",
    "BOOL_FACTS",
    "CENT",
    "FACT_FIELDS",
    "FIVE_LEVEL",
    "HARM_LABELS",
    "HARM_LEVELS",
    "KINDS",
    "LOWEST_TIER_MITIGATION",
    "MEASURES",
    "MENTAL",
    "MIDPOINT",
    "REDUCTION_FLOOR",
    "REDUCTION_SPAN",
    "STANDARDS_DIR",
    "STEP_PER_FACTOR",
    "STEP_PER_FACTOR_ORDINARY",
    "TIER_CODES",
    "TIER_OUTCOMES",
    "VULNERABLE",
    "YUAN",
    "ZERO",
    "Factors",
    "Facts",
    "FactsError",
    "FineSpec",
    "Item",
    "OtherPenalty",
    "Proposal",
    "StandardError",
    "Step",
    "Tier",
    "Version",
    "age_limits",
    "branch",
    "bundled_paths",
    "candidate_versions",
    "cndate",
    "describe_when",
    "evaluate",
    "excuse",
    "explain",
    "factors_of",
    "fingerprint",
    "load_files",
    "matches",
    "num",
    "parse_version",
    "propose",
    "propose_for_act",
    "vulnerable_first_minor",
    "yuan",
]
