"""The deadlines of cooperation between agencies, from the dated legal parameters.

The Decision says the receiver answers the sender in writing (D3.4) but sets no period.
The first result a receiver can report is its decision whether to file the matter, which
the law gives it ``filing_decision_period`` (15 working days) to take; zhifa reads the
written answer as due by then, counted from the day the letter was sent.
"""

from __future__ import annotations

from datetime import date

from zhifa.core import parameters as params


def transfer_answer_due(sent_on: date) -> date:
    """The last day for the receiver's written answer to a transfer letter sent on ``sent_on``."""
    return params.period_end("filing_decision_period", start=sent_on)
