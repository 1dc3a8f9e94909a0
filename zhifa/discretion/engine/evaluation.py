"""Evaluation: the outcome, tier and amount for recorded facts under one version of a
standard, with every step traced (clause, article, the standard's row).

Where a fine falls inside its tier is the platform's own choice (no law or standard we
hold says): the named constants below, each with why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from zhifa.core import parameters
from zhifa.core.lawtext import display, int_to_cn
from zhifa.core.rules import enforce
from zhifa.discretion import rules
from zhifa.discretion.engine.explanation import explain
from zhifa.discretion.engine.facts import FACT_FIELDS, HARM_LABELS, HARM_LEVELS, MENTAL, VULNERABLE, Facts, FactsError
from zhifa.discretion.engine.proposal import Proposal, Step
from zhifa.discretion.engine.standards import FineSpec, Item, Version
from zhifa.discretion.engine.wording import CENT, YUAN, ZERO, describe_when, yuan

# --- Where a fine falls inside its tier: the platform's choice --------------------------

#: With no circumstance either way, the middle of the tier.
MIDPOINT = Decimal("0.5")
#: Each circumstance beyond the one that chose a 从轻 or 从重 tier, or any circumstance in a
#: standard's own tier, moves the fine a quarter of the tier's width.
STEP_PER_FACTOR = Decimal("0.25")
#: In the 一般 tier (factors on both sides), each net factor moves it a tenth.
STEP_PER_FACTOR_ORDINARY = Decimal("0.1")
#: 减轻 (below the statutory minimum, 行政处罚法第三十二条): the law sets no floor; the platform
#: proposes from a tenth of the minimum up to just under the minimum …
REDUCTION_FLOOR = Decimal("0.1")
#: … positioned over the lower nine tenths of that range, so that even the heaviest
#: reduction stays clearly below the minimum.
REDUCTION_SPAN = Decimal("0.9")
#: In a standard's lowest tier there is no tier below to move to: mandatory mitigation
#: halves that tier's amounts.
LOWEST_TIER_MITIGATION = Decimal("0.5")


def matches(when: dict, facts: Facts) -> bool:
    if not when:
        return True
    if "party" in when and facts.party_kind != when["party"]:
        return False
    if "has" in when and not (getattr(facts, when["has"]) or ZERO) > 0:
        return False
    if "lacks" in when and (getattr(facts, when["lacks"]) or ZERO) > 0:
        return False
    for key, op in (
        ("lt", lambda a, b: a < b),
        ("lte", lambda a, b: a <= b),
        ("gt", lambda a, b: a > b),
        ("gte", lambda a, b: a >= b),
    ):
        for name, bound in (when.get(key) or {}).items():
            if not op(getattr(facts, name) or ZERO, Decimal(str(bound))):
                return False
    if "any" in when and not (set(when["any"]) & facts.circumstances):
        return False
    if "all" in when and not set(when["all"]) <= facts.circumstances:
        return False
    return not ("harm_at_least" in when and facts.harm_rank < HARM_LEVELS.index(when["harm_at_least"]))


def branch(fines: tuple[FineSpec, ...], facts: Facts) -> FineSpec | None:
    for spec in fines:
        if spec.when and matches(spec.when, facts):
            return spec
    for spec in fines:
        if not spec.when:
            return spec
    return None


def _round(amount: Decimal, lo: Decimal, hi: Decimal, whole: bool) -> Decimal:
    q = amount.quantize(YUAN if whole else CENT, rounding=ROUND_HALF_UP)
    return min(max(q, lo), hi)


@dataclass
class Factors:
    aggravating: list[tuple[str, str, tuple, tuple]]  # (code, label, clauses, law)
    mitigating: list[tuple[str, str, tuple, tuple]]
    mandatory: list[tuple[str, str, tuple, tuple]]
    d59: list[str]


def age_limits(on: date | None) -> tuple[int, int]:
    """The ages of 行政处罚法第三十条 in force on ``on`` (the act's date; today's law when
    unknown): under the first no penalty, from it to under the second a lighter one."""
    when = on or date.max
    return (
        parameters.value("penalty_age_of_responsibility", on=when),
        parameters.value("penalty_age_of_adulthood", on=when),
    )


def factors_of(facts: Facts, prior_violations: int, item: Item | None, on: date | None = None) -> Factors:
    """The listed aggravating and mitigating factors present in the facts (``item``: the
    benchmark item, whose ``warning_unless`` fact is not counted twice; ``on``: the act's date)."""
    agg, mit, man, d59 = [], [], [], []
    serious = facts.harm_rank >= HARM_LEVELS.index("serious")
    if facts.intent and serious:
        agg.append(("intent_serious", "有主观故意且危害后果严重", ("D5.9",), ()))
        d59.append("有主观故意且违法程度与危害后果严重")
    elif serious:
        agg.append(("harm_serious", HARM_LABELS[facts.harm], ("D5.1c",), ()))
    if facts.egregious:
        agg.append(("egregious", "违法情节恶劣", ("D5.9",), ()))
        d59.append("违法情节恶劣")
    if prior_violations > 0:
        agg.append(("repeat", f"曾因违法行为受过处罚（本系统记录{prior_violations}次）", ("D5.1c",), ()))
    if facts.refused_correction and (item is None or item.warning_unless != "refused_correction"):
        agg.append(("refused_correction", "拒不改正", ("D5.1c",), ()))
    for name, code in (
        ("obstruction", "obstruction"),
        ("evidence_destroyed", "evidence_destroyed"),
        ("vulnerable_victims", "vulnerable_victims"),
        ("emergency", "emergency"),
    ):
        if getattr(facts, name):
            agg.append((code, FACT_FIELDS[name], ("D5.1c",), ()))
    young, adult = age_limits(on)
    if facts.party_kind == "individual" and facts.age is not None and young <= facts.age < adult:
        label = f"已满{int_to_cn(young)}周岁不满{int_to_cn(adult)}周岁"
        man.append(("minor_14_18", label, ("D5.1c",), ("行政处罚法第三十条",)))
    for name in ("eliminated_harm", "coerced", "confessed_unknown", "meritorious"):
        if getattr(facts, name):
            man.append((name, FACT_FIELDS[name], ("D5.1c",), ("行政处罚法第三十二条",)))
    first = facts.first_offence and prior_violations == 0
    if first:
        mit.append(("first_offence", "初次违法", (), ()))
    if facts.corrected:
        mit.append(("corrected", "及时改正", (), ()))
    if facts.cooperation:
        mit.append(("cooperation", "积极配合调查", (), ()))
    if facts.harm_rank <= 1:
        mit.append(("harm_slight", HARM_LABELS[facts.harm], (), ()))
    if facts.minor:
        mit.append(("minor", "违法程度轻微", (), ()))
    if facts.mental == "partial":
        mit.append(("partial_capacity", MENTAL["partial"], (), ("行政处罚法第三十一条",)))
    return Factors(agg, mit, man, d59)


def excuse(facts: Facts, on: date | None = None) -> tuple[str, tuple, tuple] | None:
    """A ground on which the law says: no penalty (with education). ``on``: the act's date."""
    young, _ = age_limits(on)
    if facts.party_kind == "individual" and facts.age is not None and facts.age < young:
        return f"当事人不满{int_to_cn(young)}周岁", ("D5.1a",), ("行政处罚法第三十条",)
    if facts.mental == "unable":
        return "当事人在不能辨认或者不能控制自己行为时实施违法行为", ("D5.1a",), ("行政处罚法第三十一条",)
    if facts.no_fault_proven:
        return "当事人有证据足以证明没有主观过错", ("D5.1a",), ("行政处罚法第三十三条",)
    if facts.minor and facts.corrected and facts.harm == "none":
        return "违法行为显著轻微并及时改正，没有造成危害后果", ("D5.1a",), ("行政处罚法第三十三条",)
    return None


def vulnerable_first_minor(facts: Facts, prior_violations: int) -> bool:
    """D5.1b: a disabled person, laid-off worker or migrant worker, first offence,
    significantly minor with slight consequences, promptly corrected."""
    return bool(
        facts.vulnerable_status
        and facts.first_offence
        and prior_violations == 0
        and facts.minor
        and facts.harm_rank <= 1
        and facts.corrected
    )


def evaluate(
    version: Version,
    item_code: str,
    facts: Facts,
    prior_violations: int = 0,
    *,
    act_date: date | None = None,
    decision_date: date | None = None,
) -> Proposal:
    """The outcome for ``facts`` under one version of the standard."""
    return _Evaluation(version, version.items[item_code], facts, prior_violations, act_date, decision_date).run()


@dataclass
class _Evaluation:
    """One evaluation: what it reads, and the trace it writes as it goes."""

    version: Version
    item: Item
    facts: Facts
    prior_violations: int
    act_date: date | None
    decision_date: date | None
    trace: list[Step] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.row = f"{self.version.standard_code}@{self.version.label} {self.item.code}"
        # A fact the factors need but the officer did not record (the harm): asked for in
        # run(), unless a ground of no penalty that does not depend on it applies first.
        self.missing: FactsError | None = None
        try:
            self.f = factors_of(self.facts, self.prior_violations, self.item, self.act_date)
        except FactsError as e:
            self.missing, self.f = e, Factors([], [], [], [])
        self.stat = branch(self.item.fines, self.facts)
        self.smin, self.smax = self.stat.bounds(self.facts) if self.stat else (None, None)
        # How many more aggravating than mitigating circumstances.
        self.score = len(self.f.aggravating) - len(self.f.mitigating) - len(self.f.mandatory)
        # A fixed range is proposed in whole yuan; a multiple of a base to the cent.
        self.whole = self.stat is not None and self.stat.base is None

    def step(self, stage: str, text: str, clauses=(), law=(), row: str | None = None) -> None:
        self.trace.append(Step(stage, text, tuple(clauses), tuple(law), self.row if row is None else row))

    def make(self, outcome, tier, label, rank, lo=None, hi=None, rec=None, penalties=(), education=False) -> Proposal:
        item, version, f = self.item, self.version, self.f
        return Proposal(
            item_code=item.code,
            violation=item.violation,
            standard_code=version.standard_code,
            standard_title=version.standard_title,
            version=version.label,
            version_citation=version.citation,
            outcome=outcome,
            tier=tier,
            tier_label=label,
            tier_rank=rank,
            fine_min=lo,
            fine_max=hi,
            recommended=rec,
            statutory_min=self.smin,
            statutory_max=self.smax,
            penalties=tuple(penalties),
            education=education,
            aggravating=tuple(a[1] for a in f.aggravating),
            mitigating=tuple(m[1] for m in f.mitigating),
            mandatory=tuple(m[1] for m in f.mandatory),
            trace=tuple(self.trace),
            explanation="",
            act_date=self.act_date,
            decision_date=self.decision_date,
        )

    def explained(self, proposal: Proposal) -> Proposal:
        return explain(proposal, self.version, self.item, self.facts, self.f)

    def run(self) -> Proposal:
        item, version, facts, f = self.item, self.version, self.facts, self.f
        self.step("standard", f"适用{version.citation}事项{item.code}“{item.violation}”。", ("D3.6",))
        self.step(
            "statute",
            f"违反{'、'.join(display(a) for a in item.violated)}；处罚依据{'、'.join(display(a) for a in item.penalty)}：{item.statutory_text}",
            (),
            item.penalty,
        )
        ground = excuse(facts, self.act_date)
        if ground:
            text, clauses, law = ground
            self.step("no_penalty", f"{text}，依法不予行政处罚，责令改正并对当事人进行教育。", clauses, law)
            return self.explained(self.make("no_penalty", "no_penalty", "不予处罚", 0, education=True))
        if self.missing is not None:
            raise self.missing
        if vulnerable_first_minor(facts, self.prior_violations):
            self.step(
                "warning",
                f"当事人为{VULNERABLE[facts.vulnerable_status]}，初次违法，违法程度与危害后果显著轻微并及时改正，"
                "依法给予警告，不予罚款或没收财物。",
                ("D5.1b",),
            )
            return self.explained(self.make("warning", "warning", "警告（教育为主）", 1, education=True))
        if item.warning_unless and not getattr(facts, item.warning_unless):
            self.step(
                "warning",
                f"依{'、'.join(display(a) for a in item.penalty)}，责令改正，给予警告；"
                f"{FACT_FIELDS[item.warning_unless]}的才处以罚款。",
                (),
                item.penalty,
            )
            return self.explained(self.make("warning", "warning", "警告", 1))
        if self.stat is None:
            self.step("warning", "该事项法定处罚为警告。", (), item.penalty)
            return self.explained(self.make("warning", "warning", "警告", 1))

        for _code, label, clauses, law in f.mandatory:
            self.step("mitigate", f"当事人{label}，应当从轻或者减轻处罚。", clauses, law)
        for _code, label, clauses, law in f.aggravating:
            self.step("aggravate", f"当事人{label}，属于列明的从重情节。", clauses, law)
        if f.mitigating:
            self.step("mitigate", f"当事人有{'、'.join(m[1] for m in f.mitigating)}的情节。")
        proposal = self.explicit() if item.explicit else self.split()
        return self.explained(proposal)

    # --- the common split of the statutory range ----------------------------------------

    def split(self) -> Proposal:
        """No tiers of its own: 从轻, 一般, 从重 by the version's split of the statutory range."""
        item, version, facts, f = self.item, self.version, self.facts, self.f
        y, x = self.smin, self.smax
        d = x - y
        a, b = version.split
        bounds = {
            "mitigate": (y, y + a * d),
            "ordinary": (y + a * d, y + b * d),
            "aggravate": (y + b * d, x),
        }
        if f.mandatory:
            reduce = (len(f.mandatory) >= 2 or facts.harm_rank <= 1) and not f.aggravating and y > 0
            tier = "reduce" if reduce else "mitigate"
        elif f.aggravating and not f.mitigating:
            tier = "aggravate"
        elif f.mitigating and not f.aggravating:
            tier = "mitigate"
        else:
            tier = "ordinary"
        unit = YUAN if self.whole else CENT
        if tier == "reduce":
            lo, hi = (y * REDUCTION_FLOOR).quantize(CENT), y
            p = _clamp(MIDPOINT + STEP_PER_FACTOR * (self.score + 2))
            rec = _round(lo + p * (hi - lo) * REDUCTION_SPAN, lo, hi - unit, self.whole)
            hi = hi - unit
            self.step(
                "tier",
                f"有法定减轻情节，在法定最低限{yuan(y)}以下减轻处罚（{yuan(lo)}至{yuan(hi)}）。",
                ("D5.1c",),
                ("行政处罚法第三十二条",)
                if any(m[0] != "minor_14_18" for m in f.mandatory)
                else ("行政处罚法第三十条",),
            )
            label, rank = "减轻", 2
        else:
            lo, hi = (v.quantize(CENT) for v in bounds[tier])
            if tier == "mitigate":
                p = MIDPOINT + STEP_PER_FACTOR * (self.score + 1)
            elif tier == "aggravate":
                p = MIDPOINT + STEP_PER_FACTOR * (self.score - 1)
            else:
                p = MIDPOINT + STEP_PER_FACTOR_ORDINARY * self.score
            rec = _round(lo + _clamp(p) * (hi - lo), lo, hi, self.whole)
            label = {"mitigate": "从轻", "ordinary": "一般", "aggravate": "从重"}[tier]
            rank = {"mitigate": 3, "ordinary": 4, "aggravate": 5}[tier]
            why = {
                "mitigate": "有从轻情节且无从重情节" if not f.mandatory else "有法定应当从轻情节",
                "ordinary": "无从轻、从重情节" if not (f.aggravating or f.mitigating) else "从轻与从重情节并存",
                "aggravate": "有列明的从重情节且无从轻情节",
            }[tier]
            clauses = (
                ("D5.9",)
                if tier == "aggravate" and f.d59
                else (("D5.1c",) if tier in ("aggravate", "mitigate") else ())
            )
            self.step(
                "tier",
                f"{why}，适用{label}档次：按法定幅度{self.stat.describe()}的通用划分"
                f"（从轻为下限至{int(a * 100)}%，一般为{int(a * 100)}%至{int(b * 100)}%，从重为{int(b * 100)}%至上限），"
                f"本档为{yuan(lo)}至{yuan(hi)}。",
                clauses,
                (),
                f"{version.standard_code}@{version.label} {item.code} 通用划分·{label}",
            )
        where = "在本档中按情节多少确定位置" if (f.aggravating or f.mitigating or f.mandatory) else "本档中间值"
        self.step("amount", f"建议罚款{yuan(rec)}（{where}）。")
        _guard(rec, self.smin, self.smax, tier == "reduce", f)
        penalties = [("fine", f"罚款{yuan(rec)}")] + _others(item, facts, tier == "aggravate", f)
        return self.make("penalty", tier, label, rank, lo, hi, rec, penalties)

    # --- the standard's own tiers ----------------------------------------------------------

    def explicit(self) -> Proposal:
        """The standard states its tiers: the one whose conditions the facts meet, moved
        up one for a listed aggravating factor and down one for mandatory mitigation."""
        item, version, facts, f = self.item, self.version, self.facts, self.f
        levels = [t.level for t in item.tiers]
        matched = [i for i, t in enumerate(item.tiers) if t.when and matches(t.when, facts)]
        if matched:
            idx = max(matched)
            tier = item.tiers[idx]
            self.step(
                "tier",
                f"情节符合“{tier.level}”档：{tier.note or describe_when(item, tier.when)}。",
                (),
                (),
                f"{version.standard_code}@{version.label} {item.code} {tier.level}",
            )
        else:
            # Nothing the standard lists recorded: its default tier, or its lowest tier with a
            # fine (never a tier of no penalty or no fine, which needs its facts recorded).
            idx = levels.index(item.default_level) if item.default_level else self.lowest_fined()
            self.step(
                "tier",
                f"未记录基准列明的具体情节，按“{levels[idx]}”档。",
                (),
                (),
                f"{version.standard_code}@{version.label} {item.code} {levels[idx]}",
            )
        base_idx = idx
        if f.aggravating and idx < len(levels) - 1:
            idx += 1
            # A listed aggravating factor rules out not fining: on to the next tier with a fine.
            while not item.tiers[idx].fined and idx < len(levels) - 1:
                idx += 1
            self.step(
                "tier",
                f"有列明的从重情节（{'、'.join(a[1] for a in f.aggravating)}），上调一档至“{levels[idx]}”。",
                ("D5.9",) if f.d59 else ("D5.1c",),
            )
        if not item.tiers[idx].fined:
            return self.unfined(idx)
        halve = False
        if f.mandatory:
            if idx > 0 and item.tiers[idx - 1].fined:
                idx -= 1
                self.step(
                    "tier",
                    f"有法定应当从轻或者减轻情节，下调一档至“{levels[idx]}”。",
                    ("D5.1c",),
                    ("行政处罚法第三十二条",),
                )
            else:
                halve = True
        tier = item.tiers[idx]
        spec = branch(tier.fines, facts)
        lo, hi = spec.bounds(facts)
        lo, hi = min(lo, self.smax), min(hi, self.smax)
        if halve:
            lo, hi = (lo * LOWEST_TIER_MITIGATION).quantize(CENT), (hi * LOWEST_TIER_MITIGATION).quantize(CENT)
            self.step(
                "tier",
                f"已是最低一档，有法定应当从轻或者减轻情节，按该档数额的一半处罚（{yuan(lo)}至{yuan(hi)}）。",
                ("D5.1c",),
                ("行政处罚法第三十二条",),
            )
        p = _clamp(MIDPOINT + STEP_PER_FACTOR * self.score)
        rec = _round(lo + p * (hi - lo), lo, hi, self.whole)
        self.step(
            "amount",
            f"本档{spec.describe()}，建议罚款{yuan(rec)}。",
            (),
            (),
            f"{version.standard_code}@{version.label} {item.code} {tier.level}",
        )
        reduced = halve and self.smin is not None and rec < self.smin
        _guard(rec, self.smin, self.smax, reduced, f)
        label = tier.level + ("（减轻）" if reduced else ("（从轻）" if halve else ""))
        aggravated = idx == len(levels) - 1 or idx > base_idx
        penalties = [("fine", f"罚款{yuan(rec)}")] + _others(item, facts, aggravated, f)
        rank = 2 + idx if not halve else 2
        return self.make("penalty", f"level_{idx}", label, rank, lo, hi, rec, penalties)

    def lowest_fined(self) -> int:
        return next(i for i, t in enumerate(self.item.tiers) if t.fined)

    def unfined(self, idx: int) -> Proposal:
        """A tier of the standard whose outcome is no penalty (不予处罚) or a warning without a
        fine (不予罚款), with the conditions the standard states for it."""
        item, version = self.item, self.version
        tier = item.tiers[idx]
        row = f"{version.standard_code}@{version.label} {item.code} {tier.level}"
        if tier.outcome == "no_penalty":
            self.step(
                "no_penalty",
                f"依裁量基准“{tier.level}”档，不予行政处罚，责令改正并对当事人进行教育。",
                ("D5.1a",),
                ("行政处罚法第三十三条",),
                row,
            )
            return self.make("no_penalty", f"level_{idx}", tier.level, 0, education=True)
        self.step("warning", f"依裁量基准“{tier.level}”档，给予警告，不予罚款。", (), item.penalty, row)
        return self.make("warning", f"level_{idx}", tier.level, 1, penalties=[("warning", "警告")])


def _clamp(p: Decimal) -> Decimal:
    """A position inside a tier: 0 (its lower end) to 1 (its upper end)."""
    return min(max(p, ZERO), YUAN)


def _others(item: Item, facts: Facts, aggravated: bool, f: Factors):
    out = []
    serious = facts.egregious or facts.harm_rank >= HARM_LEVELS.index("serious")
    for o in item.others:
        if o.requires and not (getattr(facts, o.requires) or ZERO) > 0:
            continue
        if (
            o.when == "always"
            or (o.when == "aggravate" and aggravated)
            or (o.when == "serious" and aggravated and serious)
        ):
            out.append((o.kind, o.text))
    return out


def _guard(rec, smin, smax, reduced, f) -> None:
    """The engine never proposes what the rules forbid (a programming error if it would)."""
    reduction = [m[1] for m in f.mandatory] if reduced else []
    enforce(rules.within_statutory_maximum(rec, smax), rules.below_minimum_only_when_reduced(rec, smin, reduction))
