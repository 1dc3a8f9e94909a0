"""Why a case is not yet in the state an act needs, where a rule says why (D3.9a, D5.2a,
D5.3a): an act attempted in a wrong state is refused naming that rule and its day, not
with a bare "当前为……，不能……".

Reads only: the facts of :mod:`zhifa.cases.facts` given to the rules of
:mod:`zhifa.cases.rules`, as the acts that would move the case there check them.
"""

from __future__ import annotations

from datetime import date

from zhifa.cases import facts
from zhifa.cases import rules as R
from zhifa.cases.models import Case, Outcome, Status
from zhifa.cases.models import Status as S
from zhifa.core.errors import DomainError, Violation

#: The states a case reaches only once it may be decided (decision_submit moves it there).
DECIDABLE = (S.LEGAL_REVIEW, S.DECISION_PENDING)


def reasons(case: Case, sources: tuple[str, ...], on: date) -> list[Violation]:
    """The rules that keep ``case`` from ``sources`` on ``on`` (empty when no rule explains it)."""
    found: list[Violation | None] = []
    if set(sources) & set(DECIDABLE) and case.status in (S.REPORTED, S.NOTIFIED):
        report = facts.latest_report(case)
        outcome = report.outcome if report is not None else Outcome.PENALTY
        notice = facts.current_notice(case)
        hearing_right = bool(notice and notice.states_hearing_right)
        found += [
            R.prior_notice_served(outcome, notice),
            R.defence_period_run(outcome, notice, on, facts.waiver_for(notice), hearing_right),
            R.defence_points_reviewed(facts.unreviewed_points(case)),
            R.hearing_held_before_decision(list(case.hearings.all())),
        ]
    return [v for v in found if v is not None]


def wrong_state(t, case: Case, on: date) -> DomainError:
    """The refusal of an act in a state it does not start from (409): led by the rules that
    explain why the case is not there yet (the defence period and the day it ends, D3.9a …),
    then the state itself."""
    why = reasons(case, t.sources, on)
    state = Violation(
        "conflict",
        (),
        f"案件当前为“{Status(case.status).label}”，不能{t.label}"
        + ("。" if why else "；请刷新页面查看案件的最新进展。"),
    )
    return DomainError([*why, state], status=409)
