"""Proposing across versions (D3.6, 行政处罚法第三十七条) and for one act breaking several
provisions (行政处罚法第二十九条)."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

from zhifa.core.errors import DomainError
from zhifa.core.rules import enforce
from zhifa.discretion import rules
from zhifa.discretion.engine.evaluation import evaluate
from zhifa.discretion.engine.facts import Facts
from zhifa.discretion.engine.proposal import Proposal, Step
from zhifa.discretion.engine.standards import Version
from zhifa.discretion.engine.wording import ZERO, cndate, yuan


def candidate_versions(versions, item_code: str, act_date: date, decision_date: date) -> list[Version]:
    """Versions holding the item: the one in force on the act date and any that took effect up to the decision."""
    holding = [v for v in versions if item_code in v.items]
    at_act = [v for v in holding if v.in_force(act_date)]
    later = [v for v in holding if act_date < v.effective_from <= decision_date]
    seen, out = set(), []
    for v in sorted(at_act + later, key=lambda v: v.effective_from):
        if (v.standard_code, v.label) not in seen:
            seen.add((v.standard_code, v.label))
            out.append(v)
    return out


def propose(
    versions, *, item_code: str, act_date: date, decision_date: date, facts, prior_violations: int = 0
) -> Proposal:
    """The proposal for one item: computed under every applicable version, the most lenient applied."""
    facts = Facts.from_dict(facts)
    if prior_violations < 0:
        raise DomainError.of("invalid", "既往违法次数不能为负数。", field="prior_violations")
    cands = candidate_versions(versions, item_code, act_date, decision_date)
    enforce(rules.standard_in_force(item_code, act_date, decision_date, len(cands)))
    results = [
        evaluate(v, item_code, facts, prior_violations, act_date=act_date, decision_date=decision_date) for v in cands
    ]
    # Ties go to the version in force on the act date (the earliest): a newer version applies only when lighter.
    best = min(zip(results, cands, strict=False), key=lambda rc: (rc[0].severity(), rc[1].effective_from))[0]
    enforce(rules.most_lenient_version(best.severity(), [r.severity() for r in results]))
    summary = tuple(
        {
            "version": r.version,
            "version_citation": r.version_citation,
            "outcome": r.outcome,
            "tier_label": r.tier_label,
            "recommended": None if r.recommended is None else str(r.recommended),
        }
        for r in results
    )
    trace = list(best.trace)
    explanation = best.explanation
    if len(results) > 1:
        listing = "；".join(
            f"{r.version_citation}：{r.tier_label}{'，建议罚款' + yuan(r.recommended) if r.recommended is not None else ''}"
            for r in results
        )
        chosen = (
            f"违法行为发生时（{cndate(act_date)}）至作出处罚决定时（{cndate(decision_date)}），裁量基准有{len(results)}个版本先后施行：{listing}。"
            f"依照《中华人民共和国行政处罚法》第三十七条的精神，适用对当事人较轻的{best.version_citation}。"
        )
        trace.insert(
            0, Step("versions", chosen, ("D3.6",), ("行政处罚法第三十七条",), f"{best.standard_code}@{best.version}")
        )
        explanation = explanation + chosen
    return replace(best, trace=tuple(trace), explanation=explanation, candidates=summary)


def propose_for_act(
    versions, *, item_codes, act_date: date, decision_date: date, facts, prior_violations: int = 0
) -> Proposal:
    """One act that breaks several provisions: one fine only, under the provision with the higher fine (行政处罚法第二十九条)."""
    proposals = [
        propose(
            versions,
            item_code=c,
            act_date=act_date,
            decision_date=decision_date,
            facts=facts,
            prior_violations=prior_violations,
        )
        for c in item_codes
    ]
    best = max(proposals, key=lambda p: (p.outcome == "penalty", p.statutory_max or ZERO, p.severity()))
    enforce(rules.one_fine_per_act(1 if best.recommended else 0))
    if len(proposals) > 1:
        others = "、".join(f"“{p.violation}”" for p in proposals if p is not best)
        step = Step(
            "one_fine",
            f"同一违法行为同时违反{others}的规定，只给予一次罚款，按罚款数额高的“{best.violation}”处罚。",
            ("D5.1c",),
            ("行政处罚法第二十九条",),
        )
        return replace(best, trace=(step, *best.trace), explanation=best.explanation + step.text)
    return best


def fingerprint(versions) -> str:
    return hashlib.sha256("|".join(sorted(v.digest for v in versions)).encode()).hexdigest()
