"""The paragraph for the decision document (D3.10c): what the party did, the law, the
benchmark row, the circumstances found and the outcome."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from zhifa.core.lawtext import display
from zhifa.discretion.engine.facts import VULNERABLE, Facts
from zhifa.discretion.engine.proposal import Proposal
from zhifa.discretion.engine.standards import Item, Version
from zhifa.discretion.engine.wording import yuan

if TYPE_CHECKING:  # evaluation imports this module to explain what it found
    from zhifa.discretion.engine.evaluation import Factors


def explain(p: Proposal, version: Version, item: Item, facts: Facts, f: Factors) -> Proposal:
    """The paragraph for the decision document (D3.10c)."""
    law_v = "、".join(display(a) for a in item.violated)
    law_p = "、".join(display(a) for a in item.penalty)
    parts = [f"当事人的上述行为违反了{law_v}的规定，依据{law_p}，{item.statutory_text.rstrip('。')}。"]
    std = f"根据{version.citation}事项{item.code}“{item.violation}”"
    if p.outcome == "no_penalty":
        reason = next((s.text for s in p.trace if s.stage == "no_penalty"), "")
        parts.append(f"{std}和《中华人民共和国行政处罚法》的规定，{reason}")
    elif (
        p.outcome == "warning"
        and p.tier == "warning"
        and facts.vulnerable_status
        and "D5.1b" in {c for s in p.trace for c in s.clauses}
    ):
        parts.append(
            f"{std}，鉴于当事人系{VULNERABLE[facts.vulnerable_status]}，初次违法，违法程度与危害后果显著轻微，"
            "并已及时改正，依照《重庆市人民政府关于坚持以人为本创新和规范行政执法的决定》关于教育优先的要求，"
            "决定给予警告，不予罚款或没收财物，并对当事人进行教育。"
        )
    elif p.outcome == "warning":
        parts.append(f"{std}，当事人未拒不改正，依法给予警告。")
    else:
        circ = []
        if f.mandatory:
            circ.append(f"具有{'、'.join(m[1] for m in f.mandatory)}的法定从轻或者减轻情节")
        if f.mitigating:
            circ.append(f"具有{'、'.join(m[1] for m in f.mitigating)}的情节")
        if f.aggravating:
            circ.append(f"具有{'、'.join(a[1] for a in f.aggravating)}的从重情节")
        if not circ:
            circ.append("无从轻、减轻或从重情节")
        others = "，".join(t for k, t in p.penalties if k != "fine")
        parts.append(
            f"{std}，当事人{'；'.join(circ)}，适用“{p.tier_label}”档次（罚款{yuan(p.fine_min)}至{yuan(p.fine_max)}），"
            f"决定{('，'.join([others, '并处']) if others else '')}罚款{yuan(p.recommended)}。"
        )
    return replace(p, explanation="".join(parts))
