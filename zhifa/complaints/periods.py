"""When a complaint must be answered (working days from its receipt).

A violation report becomes a clue, and whether to file a case on a clue is decided within
the filing period the law sets (``filing_decision_period``, 15 working days): the reporter
is answered by then. No rule in force fixes a period for answering a complaint about
enforcement to the legal affairs office; the platform's choice is the same 15 working
days (:data:`ENFORCEMENT_ANSWER_WORKING_DAYS`), so that both kinds are answered on one
footing.
"""

from __future__ import annotations

from datetime import date

from zhifa.core import parameters, workdays

#: The platform's named choice (no rule fixes it): working days to answer a complaint about enforcement.
ENFORCEMENT_ANSWER_WORKING_DAYS = 15


def answer_due(kind: str, received_on: date) -> date:
    if kind == "violation":
        days = int(parameters.value("filing_decision_period", on=received_on))
    else:
        days = ENFORCEMENT_ANSWER_WORKING_DAYS
    return workdays.add_working_days(received_on, days)


def answer_basis(kind: str, received_on: date) -> str:
    """Where the period comes from, in Chinese, for the complaint page."""
    if kind == "violation":
        version = parameters.version("filing_decision_period", on=received_on)
        return f"{version.value}个工作日（线索决定是否立案的期限，{version.source}）"
    return f"{ENFORCEMENT_ANSWER_WORKING_DAYS}个工作日（平台规定的答复期限）"
