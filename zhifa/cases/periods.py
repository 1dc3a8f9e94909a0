"""The case's deadlines, computed with the legal calendar (D1.4): working days where
行政处罚法第八十五条 says so, calendar days ending on a working day otherwise; and the
late fee (行政处罚法第七十二条).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from zhifa.core import parameters as params
from zhifa.core import workdays

CENT = Decimal("0.01")
#: A deadline this close (in working days) shows yellow on the workbench; past it, red. The
#: law sets the deadlines, not the warning: three working days is the platform's own choice.
WARNING_WORKING_DAYS = 3

#: The dated parameters the case's deadlines are computed from.
PERIOD_PARAMETERS = (
    "filing_decision_period",
    "decision_time_limit",
    "defence_period",
    "hearing_request_period",
    "service_period",
    "payment_period",
    "on_spot_handover_period",
    "reminder_court_wait",
    "late_fee_daily_rate",
)
#: The earliest day on which every one of them is in force (the revised 行政处罚法 took
#: effect on 2021-07-15): a case's dates before it cannot be counted, so they are refused
#: at input (:func:`zhifa.cases.inputs.covered_date`).
COVERED_FROM: date = max(params.parameter(k).versions[0].effective_from for k in PERIOD_PARAMETERS)


class DeadlineUnknown(ValueError):
    """A deadline that cannot be computed from a stored date (no parameter in force on it,
    or a date so far out that the calendar overflows). ``reason`` says which, in Chinese."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _end(key: str, start: date) -> date:
    try:
        return params.period_end(key, start=start)
    except params.NotInForce:
        label = params.parameter(key).label
        raise DeadlineUnknown(
            f"起算日{start:%Y-%m-%d}早于{COVERED_FROM:%Y-%m-%d}，{label}在该日尚无生效的规定，期限无法计算"
        ) from None
    except OverflowError:
        raise DeadlineUnknown(f"起算日{start:%Y-%m-%d}超出日历范围，期限无法计算") from None


def filing_due(received_on: date) -> date:
    return _end("filing_decision_period", received_on)


def decision_due(filed_on: date) -> date:
    return _end("decision_time_limit", filed_on)


def defence_due(served_on: date) -> date:
    return _end("defence_period", served_on)


def hearing_request_due(served_on: date) -> date:
    return _end("hearing_request_period", served_on)


def service_due(decided_on: date) -> date:
    return _end("service_period", decided_on)


def payment_due(served_on: date) -> date:
    return _end("payment_period", served_on)


def handover_due(collected_on: date) -> date:
    return _end("on_spot_handover_period", collected_on)


def preservation_due(registered_on: date) -> date:
    """先行登记保存后作出处理决定的最后一日（行政处罚法第五十六条：七日内，工作日，第八十五条）。"""
    return _end("evidence_preservation_decision_period", registered_on)


def court_ready(reminder_served_on: date) -> date:
    """The last day of waiting after a reminder; a court application may go on the next day."""
    return _end("reminder_court_wait", reminder_served_on)


@dataclass(frozen=True)
class Deadline:
    """A deadline on ``today``; ``due`` is None when it cannot be computed (``reason`` says why)."""

    label: str
    due: date | None
    today: date
    reason: str = ""

    @classmethod
    def of(cls, label: str, compute, start: date, today: date) -> Deadline:
        """The deadline ``compute(start)``, or an unknown one with the reason it cannot be computed."""
        try:
            return cls(label, compute(start), today)
        except DeadlineUnknown as e:
            return cls(label, None, today, e.reason)

    @cached_property  # read by the level, the label and the row: counted once
    def working_days_left(self) -> int | None:
        if self.due is None:
            return None
        return workdays.working_days_between(self.today, self.due)

    @property
    def level(self) -> str:
        """ "red" when overdue, "yellow" when nearly overdue, "green" otherwise; "unknown" when
        the deadline cannot be computed."""
        if self.due is None:
            return "unknown"
        if self.today > self.due:
            return "red"
        if self.working_days_left <= WARNING_WORKING_DAYS:
            return "yellow"
        return "green"

    @property
    def level_label(self) -> str:
        return {"red": "已逾期", "yellow": "即将到期", "green": "正常", "unknown": "未知"}[self.level]

    @property
    def provisional(self) -> bool:
        return self.due is not None and workdays.is_provisional(self.due)

    def describe(self) -> str:
        if self.due is None:
            return f"{self.label}：未知（{self.reason}）"
        if self.level == "red":
            return f"{self.label}已逾期{(self.today - self.due).days}日"
        return f"{self.label}：{self.due:%Y-%m-%d}前（剩{self.working_days_left}个工作日）"


@dataclass
class InstalmentState:
    number: int
    amount: Decimal
    due_on: date
    paid: Decimal
    settled_on: date | None


def allocate(instalments, payments) -> list[InstalmentState]:
    """Apply payments in date order to the instalments in order (principal first)."""
    states = [InstalmentState(i.number, i.amount, i.due_on, Decimal("0"), None) for i in instalments]
    for p in sorted(payments, key=lambda p: (p.paid_on, p.pk or 0)):
        left = p.amount
        for s in states:
            if left <= 0:
                break
            need = s.amount - s.paid
            if need <= 0:
                continue
            take = min(need, left)
            s.paid += take
            left -= take
            if s.paid >= s.amount:
                s.settled_on = p.paid_on
    return states


def paused_days(start: date, end: date, intervals) -> int:
    """The days after ``start`` up to ``end`` that fall in one of ``intervals`` (first day,
    last day), each day counted once."""
    days: set[date] = set()
    for a, b in intervals:
        lo, hi = max(a, start + timedelta(days=1)), min(b, end)
        while lo <= hi:
            days.add(lo)
            lo += timedelta(days=1)
    return len(days)


def late_fee(*, fine: Decimal | None, principal: Decimal, instalments, payments, on: date, paused=None) -> Decimal:
    """加处罚款 accrued on ``on``: for each day an instalment is overdue and unpaid, the daily
    rate of its share of the fine; never more than the fine itself.

    ``paused`` (called only when an instalment is overdue) gives the intervals during which
    the late fee does not run: 当事人申请行政复议或者提起行政诉讼的，加处罚款的数额在行政复议
    或者行政诉讼期间不予计算（行政处罚法第七十三条）."""
    if not fine or principal <= 0:
        return Decimal("0.00")
    share = fine / principal
    total = Decimal("0")
    intervals = None
    for s in allocate(instalments, payments):
        end = min(s.settled_on or on, on)
        days = (end - s.due_on).days
        if days > 0 and paused is not None:
            if intervals is None:
                intervals = list(paused())
            days -= paused_days(s.due_on, end, intervals)
        if days > 0:
            try:
                rate = params.value("late_fee_daily_rate", on=s.due_on) / Decimal(100)
            except params.NotInForce:
                raise DeadlineUnknown(
                    f"缴款期限{s.due_on:%Y-%m-%d}早于{COVERED_FROM:%Y-%m-%d}，加处罚款无法计算"
                ) from None
            total += s.amount * share * rate * days
    return min(total, fine).quantize(CENT, rounding=ROUND_HALF_UP)
