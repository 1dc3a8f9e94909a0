"""The deadlines of cooperation between agencies, from the dated legal parameters.

The Decision says the receiver answers the sender in writing (D3.4) but sets no period.
The first result a receiver can report is its decision whether to file the matter, which
the law gives it ``filing_decision_period`` (15 working days) to take; zhifa reads the
written answer as due by then, counted from the day the letter was sent.
"""

from __future__ import annotations

from datetime import date

from zhifa.core import parameters as params
from zhifa.core import workdays


def transfer_answer_due(sent_on: date) -> date:
    """The last day for the receiver's written answer to a transfer letter sent on ``sent_on``."""
    return params.period_end("filing_decision_period", start=sent_on)


#: The platform's default for answering a request between agencies when the requester sets
#: none: the Decision says "及时" (D4.4b, D4.5a) without a number; five working days is
#: zhifa's choice (the period 行政处罚法第八十五条 counts the shortest notices in).
REQUEST_DEFAULT_WORKING_DAYS = 5


def request_due(sent_on: date, due_on: date | None) -> date:
    return due_on or workdays.add_working_days(sent_on, REQUEST_DEFAULT_WORKING_DAYS)


#: The periods of each step of a dispute (D4.6), in working days: the Decision orders the
#: steps but sets no periods; these are zhifa's choice, shown on every dispute.
DISPUTE_STEP_WORKING_DAYS = {"negotiation": 10, "coordination": 20, "decision": 30}


def dispute_step_due(stage: str, start: date) -> date:
    return workdays.add_working_days(start, DISPUTE_STEP_WORKING_DAYS[stage])


#: A participant that has not answered its share of a joint campaign within this many
#: working days of being assigned it is "silent" and flagged to the lead and the legal
#: affairs office (D4.2b). zhifa's choice: the Decision names no period.
CAMPAIGN_RESPONSE_WORKING_DAYS = 3


def campaign_response_due(assigned_on: date) -> date:
    return workdays.add_working_days(assigned_on, CAMPAIGN_RESPONSE_WORKING_DAYS)


#: One visit instead of many (D2.1): an officer planning an inspection of a party is shown
#: the other agencies' on-site inspections of it within this many days before (zhifa's
#: choice; the page and the API take another window).
INSPECTION_WINDOW_DAYS = 90


def annual_inspection_cap(on: date) -> int | None:
    """The published cap on one agency's on-site inspections of one enterprise in the year of
    ``on`` (D2.1, 国办发〔2024〕54号; ``inspection_annual_cap_per_agency``), None before any is in force."""
    try:
        return int(params.value("inspection_annual_cap_per_agency", on=on))
    except params.NotInForce:
        return None
