"""Case-file review (D6.2b–c): the reproducible sample and what the platform can check
from the record before the reviewer reads the file.

Reads only. :func:`sample` is the published method: the case ids of the agency's files
of the year, in ascending order, shuffled by Python's ``random.Random(seed)`` and cut
to the sample size; anyone holding the seed and the list reproduces the sample.
:func:`findings` reads one case and lists, per dimension of D6.2b, what is wrong in
its record; the reviewer confirms each and adds what only reading the file shows.
"""

from __future__ import annotations

import random
import re
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db.models import QuerySet

from zhifa.cases import periods
from zhifa.cases.models import Case, Procedure
from zhifa.oversight.models import DIMENSION_MAX, Dimension
from zhifa.people.standing import certificate_problems, current_certificate

#: Points a confirmed finding takes off its dimension (out of 20): the platform's scale.
DEDUCTION = 5


@dataclass(frozen=True)
class Finding:
    code: str
    label: str
    dimension: str
    clause: str
    detail: str

    def as_dict(self) -> dict:
        return asdict(self)


LABELS = {
    "missing_notice": ("未事先告知", Dimension.PROCEDURE, "D3.9a"),
    "defence_not_answered": ("未答复陈述申辩", Dimension.PROCEDURE, "D5.2a"),
    "deadline_missed": ("超过办案期限", Dimension.PROCEDURE, "D1.4"),
    "one_officer": ("一人办案或一人检查", Dimension.PROCEDURE, "D3.8"),
    "certificate_invalid": ("执法人员证件无效", Dimension.BODY, "D3.1b"),
    "no_power": ("未载明执法职权", Dimension.BODY, "D3.1a"),
    "departure_unexplained": ("偏离裁量基准未说明理由", Dimension.LAW, "D3.6"),
    "basis_not_in_force": ("依据在决定时不具效力", Dimension.LAW, "D3.10a"),
    "amount_disagrees": ("决定金额与理由不一致", Dimension.FACTS, "D3.10c"),
    "no_evidence": ("没有登记证据", Dimension.EVIDENCE, "D6.2a"),
}


def _finding(code: str, detail: str) -> Finding:
    label, dimension, clause = LABELS[code]
    return Finding(code, label, str(dimension), clause, detail)


def sample(ids: list[int], seed: str, size: int) -> list[int]:
    """The reproducible sample: ``ids`` sorted, shuffled by ``random.Random(seed)``, the first ``size``."""
    ordered = sorted(ids)
    random.Random(seed).shuffle(ordered)
    return ordered[: max(0, size)]


def files_of(agency_id: int, year: int) -> QuerySet[Case]:
    """The agency's case files of ``year``: the cases decided in that year."""
    return Case.objects.filter(agency_id=agency_id, decision__decided_on__year=year)


#: A fine the text states as imposed ("罚款3,000元", "罚款人民币3000元"), not a range's bound ("罚款0元至780元").
_AMOUNT = re.compile(r"罚款(?:人民币)?\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*元(?!\s*[至到-])")


def _amounts(text: str) -> set[Decimal]:
    found = set()
    for m in _AMOUNT.finditer(text or ""):
        try:
            found.add(Decimal(m.group(1).replace(",", "")))
        except InvalidOperation:
            continue
    return found


def findings(case: Case, on: date | None = None) -> list[Finding]:
    """What the record shows wrong with ``case``'s file, for the reviewer to confirm."""
    out: list[Finding] = []
    decision = getattr(case, "decision", None)
    decided_on = decision.decided_on if decision else on
    if case.power_id is None:
        out.append(_finding("no_power", "立案未载明所依据的执法职权。"))
    # Body: every investigator's certificate on the days they inspected (or on filing).
    seen = set()
    inspections = list(case.inspections.prefetch_related("officers__certificates__verifications"))
    for inspection in inspections:
        officers = list(inspection.officers.all())
        if len(officers) < 2:
            out.append(_finding("one_officer", f"{inspection}只有{len(officers)}名执法人员。"))
        for officer in officers:
            problems = certificate_problems(current_certificate(officer, inspection.on), inspection.on)
            if problems and officer.pk not in seen:
                seen.add(officer.pk)
                out.append(
                    _finding("certificate_invalid", f"{officer.name}：{'；'.join(problems)}（{inspection.on}）。")
                )
    if len({co.officer_id for co in case.officers.all()}) < 2 and case.procedure == Procedure.GENERAL:
        out.append(_finding("one_officer", "承办人员不足两人。"))
    if decision is None:
        return out
    penalty = decision.outcome == "penalty"
    # Procedure: notice before a penalty (general procedure), the defence answered, the deadlines.
    if penalty and case.procedure == Procedure.GENERAL:
        served = [n for n in case.notices.all() if n.served_on and n.served_on <= decision.decided_on]
        if not served:
            out.append(_finding("missing_notice", "作出处罚决定前没有送达事先告知书。"))
    points = [p for d in case.defences.all() for p in d.points.all()]
    unreviewed = [p for p in points if p.adopted is None]
    if points and (unreviewed or not decision.defence_answers.strip()):
        detail = f"当事人提出{len(points)}项陈述申辩，"
        detail += f"{len(unreviewed)}项未复核，" if unreviewed else ""
        detail += "决定书未答复。" if not decision.defence_answers.strip() else "决定书答复不完整。"
        out.append(_finding("defence_not_answered", detail))
    if case.decision_due_on and decision.decided_on > case.decision_due_on:
        out.append(_finding("deadline_missed", f"决定日期{decision.decided_on}晚于办案期限{case.decision_due_on}。"))
    if case.filed_on and case.filed_on > periods.filing_due(case.received_on) and not case.filing_late_reason:
        out.append(_finding("deadline_missed", "逾期决定立案且未说明原因。"))
    if (
        decision.served_on
        and decision.served_on > periods.service_due(decision.decided_on)
        and not (decision.service_late_reason)
    ):
        out.append(_finding("deadline_missed", "决定书逾期送达且未说明原因。"))
    # Law: departures explained, the basis in force on the day.
    reports = sorted(case.reports.all(), key=lambda r: (r.submitted_on, r.pk))
    report = reports[-1] if reports else None
    if report is not None and (report.discretion or {}).get("departs") and not report.departure_reasons.strip():
        out.append(_finding("departure_unexplained", "处理意见偏离裁量基准建议档次，未书面说明理由。"))
    for article in decision.basis_articles.all():
        if not article.basis.in_force(decided_on):
            out.append(
                _finding(
                    "basis_not_in_force", f"{article.basis.title}{article.label}在{decided_on}不是现行有效的依据。"
                )
            )
    # Facts: the amount in the decision and in its reasons.
    mentioned = _amounts(f"{decision.reasons}\n{decision.discretion_explanation}")
    if decision.fine and mentioned and decision.fine not in mentioned:
        out.append(
            _finding(
                "amount_disagrees",
                f"决定罚款{decision.fine:,.2f}元，理由中写的是{'、'.join(f'{a:,.2f}元' for a in sorted(mentioned))}。",
            )
        )
    # Evidence: a penalty with no evidence registered.
    if penalty and not case.evidence.exists():
        out.append(_finding("no_evidence", "处罚决定没有登记任何证据。"))
    return out


def prefilled_scores(found: list[dict]) -> dict[str, int]:
    """Each dimension's score after the deductions for ``found`` (the confirmed findings)."""
    scores = dict.fromkeys(Dimension.values, DIMENSION_MAX)
    for f in found:
        scores[f["dimension"]] = max(0, scores[f["dimension"]] - DEDUCTION)
    return scores
