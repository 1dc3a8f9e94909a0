"""The credit rating (D5.7), computed from facts and explained line by line: which final
decision or inspection result, which rule of this module, how many points, until when.

Pure: facts in (``zhifa.credit.facts`` reads them), a :class:`Rating` out.

The readings, each the platform's named choice unless a source is named:

- A rating starts at :data:`BASE` points and loses points for each final penalty
  decision (served: a decision takes effect on service, and reconsideration or a lawsuit
  does not stay it, 行政处罚法第七十三条) and each adverse inspection result.
- A penalty counts for as long as its information is publicised
  (``credit_penalty_effect_period``: 3 years; ``credit_minor_penalty_effect_period``: 3
  months for a warning alone, read as the lightest penalty beside 通报批评; 令第45号第十三条).
  Inspection results count for :data:`INSPECTION_EFFECT_YEARS`.
- Decay: in the second half of its period a line counts half (rounded down); restoration:
  after its period it counts nothing and stays on the explanation as restored.
- A line whose objection was upheld counts nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from zhifa.core import parameters

BASE = 100
#: Points a final penalty decision takes (the platform's choice, heaviest kind first).
SERIOUS_POINTS = 40  # 责令停产停业、吊销许可证件、降低资质等级、责令关闭、限制从业
LARGE_POINTS = 20  # a fine or confiscation at or above the hearing threshold for the party
ORDINARY_POINTS = 10  # any other fine or confiscation
MINOR_POINTS = 5  # a warning alone
#: Points an inspection result takes, and for how long.
INSPECTION_POINTS = {"corrected": 3, "not_found": 10}
INSPECTION_EFFECT_YEARS = 1

#: Grades, best first: (grade, label, lowest score, weight in random inspections).
GRADES = (("A", "良好", 90, 1), ("B", "一般", 70, 2), ("C", "较差", 0, 4))


@dataclass(frozen=True)
class DecisionFact:
    key: str  # "decision:<pk>"
    number: str
    agency_id: int
    agency_name: str
    served_on: date
    serious: bool
    amount: object  # Decimal: fine + confiscation
    large_threshold: object  # Decimal, the hearing threshold for the party's kind
    warning: bool


@dataclass(frozen=True)
class InspectionFact:
    key: str  # "inspection:<plan target pk>"
    plan_title: str
    agency_id: int
    agency_name: str
    result: str
    result_label: str
    result_on: date


@dataclass(frozen=True)
class Line:
    key: str
    agency_id: int
    source: str  # which decision or inspection
    rule: str  # which rule of this module, in Chinese
    full_points: int
    points: int  # what it takes today (0 when restored or upheld)
    since: date
    until: date
    state: str  # 全额计入 / 减半计入（衰减） / 已修复 / 异议成立，不计入


@dataclass
class Rating:
    on: date
    score: int
    grade: str
    grade_label: str
    weight: int
    lines: list[Line] = field(default_factory=list)


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _decision_line(f: DecisionFact) -> tuple[str, int, date]:
    if f.serious:
        rule, points, key = (
            "较为严重的行政处罚（停产停业、吊销许可证件等）",
            SERIOUS_POINTS,
            "credit_penalty_effect_period",
        )
    elif f.amount and f.amount >= f.large_threshold:
        rule, points, key = (
            f"较大数额罚款或没收（{f.large_threshold}元以上）",
            LARGE_POINTS,
            "credit_penalty_effect_period",
        )
    elif f.amount:
        rule, points, key = "罚款或没收", ORDINARY_POINTS, "credit_penalty_effect_period"
    else:
        rule, points, key = "警告", MINOR_POINTS, "credit_minor_penalty_effect_period"
    # A decision served before the rule took effect counts by its first version.
    on = max(f.served_on, parameters.parameter(key).versions[0].effective_from)
    until = parameters.period_end(key, start=f.served_on, on=on)
    version = parameters.version(key, on=on)
    unit = parameters.parameter(key).unit
    return f"{rule}；计入{version.display(unit)}（{version.source}）", points, until


def grade_of(score: int) -> tuple[str, str, int]:
    for grade, label, lowest, weight in GRADES:
        if score >= lowest:
            return grade, label, weight
    return GRADES[-1][0], GRADES[-1][1], GRADES[-1][3]


def rate(decisions: list[DecisionFact], inspections: list[InspectionFact], on: date, upheld=frozenset()) -> Rating:
    lines: list[Line] = []
    for f in decisions:
        if f.served_on > on:
            continue
        rule, points, until = _decision_line(f)
        lines.append(
            _line(
                f.key,
                f.agency_id,
                f"行政处罚决定 {f.number}（{f.agency_name}）",
                rule,
                points,
                f.served_on,
                until,
                on,
                upheld,
            )
        )
    for f in inspections:
        points = INSPECTION_POINTS.get(f.result, 0)
        if not points or f.result_on > on:
            continue
        until = _add_years(f.result_on, INSPECTION_EFFECT_YEARS)
        rule = f"双随机抽查结果：{f.result_label}；计入期限{INSPECTION_EFFECT_YEARS}年"
        lines.append(
            _line(
                f.key, f.agency_id, f"{f.plan_title}（{f.agency_name}）", rule, points, f.result_on, until, on, upheld
            )
        )
    score = max(0, BASE - sum(line.points for line in lines))
    grade, label, weight = grade_of(score)
    lines.sort(key=lambda line: (line.since, line.key))
    return Rating(on, score, grade, label, weight, lines)


def _line(key, agency_id, source, rule, full, since, until, on, upheld) -> Line:
    if key in upheld:
        points, state = 0, "异议成立，不计入"
    elif on > until:
        points, state = 0, "期满已修复"
    elif (on - since) * 2 > (until - since):
        points, state = full // 2, "减半计入（衰减）"
    else:
        points, state = full, "全额计入"
    return Line(key, agency_id, source, rule, full, points, since, until, state)
