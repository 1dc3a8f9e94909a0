"""The indicators an evaluation reads (D6.4a–c), computed from the records (reads only).

None is a sum of fines or of any money collected (D2.3, 行政处罚法第七十四条): quality
(review scores, decisions corrected), responsiveness (overdue supervision notices),
the parties' opinions (D6.4b) and the year's special inspection (D8: its faults and
deduction feed the year-end assessment).
"""

from __future__ import annotations

from django.db.models import Avg, Count, F, Q, Sum

from zhifa.cases.models import Decision
from zhifa.oversight.models import (
    CORRECTING,
    CaseReview,
    InspectionFinding,
    Lawsuit,
    PartyRating,
    Reconsideration,
    SupervisionNotice,
)


def indicators(agency_id: int, year: int, officer_id: int | None = None) -> dict:
    decisions = Decision.objects.filter(case__agency_id=agency_id, decided_on__year=year)
    reviews = CaseReview.objects.filter(agency_id=agency_id, completed_on__year=year)
    ratings = PartyRating.objects.filter(agency_id=agency_id, submitted_on__year=year)
    if officer_id is not None:
        decisions = decisions.filter(case__lead_officer_id=officer_id)
        reviews = reviews.filter(case__lead_officer_id=officer_id)
        ratings = ratings.filter(case__lead_officer_id=officer_id)
    total = F("body") + F("procedure") + F("facts") + F("evidence") + F("law")
    r = reviews.aggregate(n=Count("pk"), avg=Avg(total))
    rt = ratings.aggregate(n=Count("pk"), avg=Avg("score"))
    corrected = Q(outcome__in=CORRECTING)
    recons = Reconsideration.objects.filter(agency_id=agency_id, decided_on__year=year)
    suits = Lawsuit.objects.filter(agency_id=agency_id, judged_on__year=year)
    if officer_id is not None:
        recons = recons.filter(case__lead_officer_id=officer_id)
        suits = suits.filter(case__lead_officer_id=officer_id)
    overdue = SupervisionNotice.objects.filter(agency_id=agency_id, issued_on__year=year).filter(
        Q(state=SupervisionNotice.State.ESCALATED) | Q(answered_on__gt=F("due_on"))
    )
    # The year's special inspection feeds the year-end assessment (D8): its findings on the agency.
    found = InspectionFinding.objects.filter(agency_id=agency_id, inspection__year=year).aggregate(
        n=Count("pk", filter=Q(fault=True)), deducted=Sum("score_deduction")
    )
    return {
        "decisions": decisions.count(),
        "reviews": r["n"],
        "review_average": round(float(r["avg"]), 1) if r["avg"] is not None else None,
        "corrected_by_reconsideration": recons.filter(corrected).count(),
        "corrected_by_court": suits.filter(corrected).count(),
        "supervision_overdue": overdue.count() if officer_id is None else None,
        "ratings": rt["n"],
        "rating_average": round(float(rt["avg"]), 2) if rt["avg"] is not None else None,
        "inspection_faults": found["n"] if officer_id is None else None,
        "inspection_deduction": (found["deducted"] or 0) if officer_id is None else None,
    }


LABELS = {
    "decisions": "作出的处理决定（件）",
    "reviews": "评查的案卷（件）",
    "review_average": "案卷评查平均分",
    "corrected_by_reconsideration": "被复议纠正（件）",
    "corrected_by_court": "被判决纠正（件）",
    "supervision_overdue": "督办逾期答复（件）",
    "ratings": "当事人评价（条）",
    "rating_average": "当事人评价平均分",
    "inspection_faults": "年度专项执法检查发现的执法过错（件）",
    "inspection_deduction": "年度专项执法检查扣分",
}
