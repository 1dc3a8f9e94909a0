"""Facts about implementing the law (reads only): which agency owes a report on which new
law, regulation or rule, and when (D3.5), and which reports are overdue.

Nothing of the obligation is stored. A basis owes reports when it is a law, an
administrative or local regulation or a rule (``LegalBasis.GROUNDING_LEVELS``: a
normative document is not "法律、法规和规章") that took effect on or after the Decision
did (D10: 2006-01-01, :data:`REPORTS_FROM`); the agencies owing them are those whose
powers (``org.Power.basis_articles``) rest on an article of the basis; each report is due
one year after the basis took effect. Overdue reports are an alert of the agencies (not
of cases): :func:`overdue` and the alert board's "机关事项" table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from zhifa.accounts.access import require_login, scope
from zhifa.accounts.models import Actor
from zhifa.law.models import LegalBasis
from zhifa.org.models import Agency, Power
from zhifa.oversight.models import ImplementationReport

#: The Decision took effect on 2006-01-01 (D10): a basis in force before it is not "new".
REPORTS_FROM = date(2006, 1, 1)

#: The alert of the agencies this module raises (shown on the alert board beside the cases' alerts).
OVERDUE_ALERT = {
    "code": "implementation_report_overdue",
    "label": "新法实施一年后未报告执行情况",
    "clauses": ("D3.5",),
    "description": "法律、法规或规章施行满一年，执行该依据的机关尚未向本级政府报告执行情况。",
}


def one_year_after(d: date) -> date:
    """The same day a year later; 29 February becomes 1 March."""
    try:
        return d.replace(year=d.year + 1)
    except ValueError:
        return date(d.year + 1, 3, 1)


@dataclass(frozen=True)
class Owed:
    """One agency's report on one basis: when it is due and the report, if made."""

    basis: LegalBasis
    agency: Agency
    due_on: date
    report: ImplementationReport | None
    on: date

    @property
    def status(self) -> str:
        """The state on the day the list was read."""
        return self.state(self.on)

    @property
    def key(self) -> str:
        return f"{self.basis.pk}-{self.agency.pk}"

    def state(self, on: date) -> str:
        if self.report is not None:
            return "reported"
        return "overdue" if on > self.due_on else "due" if on == self.due_on else "pending"

    def state_label(self, on: date) -> str:
        return STATE_LABELS[self.state(on)]


STATE_LABELS = {"reported": "已报告", "overdue": "逾期未报告", "due": "今日应报告", "pending": "未满一年"}


def new_bases() -> QuerySet[LegalBasis]:
    """The laws, regulations and rules that took effect after the Decision (D3.5, D10)."""
    return LegalBasis.objects.filter(level__in=LegalBasis.GROUNDING_LEVELS, effective_from__gte=REPORTS_FROM)


def enforces(agency_id: int, basis_id: int) -> bool:
    """Whether one of the agency's powers rests on an article of the basis."""
    return Power.objects.filter(agency_id=agency_id, basis_articles__basis_id=basis_id).exists()


def owed(user: Actor, on: date, state: str = "") -> list[Owed]:
    """Every report owed within ``user``'s scope, the overdue first (three queries)."""
    require_login(user)
    links = Power.basis_articles.through.objects.filter(article__basis__in=new_bases())
    links = scope(links, user, "power__agency")
    pairs = set(links.values_list("article__basis_id", "power__agency_id").distinct())
    if not pairs:
        return []
    bases = {b.pk: b for b in LegalBasis.objects.filter(pk__in={b for b, _ in pairs})}
    agencies = {a.pk: a for a in Agency.objects.filter(pk__in={a for _, a in pairs})}
    reports = {
        (r.basis_id, r.agency_id): r
        for r in ImplementationReport.objects.filter(
            basis_id__in=bases.keys(), agency_id__in=agencies.keys()
        ).select_related("reported_by")
    }
    rows = [
        Owed(bases[b], agencies[a], one_year_after(bases[b].effective_from), reports.get((b, a)), on) for b, a in pairs
    ]
    if state:
        rows = [r for r in rows if r.state(on) == state]
    order = {"overdue": 0, "due": 1, "pending": 2, "reported": 3}
    return sorted(rows, key=lambda r: (order[r.state(on)], r.due_on, r.agency.name, r.basis.title))


def overdue(user: Actor, on: date) -> list[Owed]:
    return owed(user, on, "overdue")


def report_list(user: Actor) -> QuerySet[ImplementationReport]:
    require_login(user)
    qs = ImplementationReport.objects.select_related("basis", "agency", "government", "reported_by")
    return scope(qs, user, "agency").order_by("-reported_on", "-pk")
