"""Scoped reads of cooperation between agencies.

A transfer is seen by both sides: the sending agency (its case) and the receiving agency,
and by the offices of a government over either; outside that it is "not found".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from zhifa.accounts.access import q_visible, scope
from zhifa.accounts.models import User
from zhifa.cases.models import Transfer
from zhifa.cooperation import periods
from zhifa.cooperation.models import CrimeTransfer, TransferReceipt
from zhifa.core import clock
from zhifa.core.references import get_or_not_found


def transfer_list(user: User) -> QuerySet[Transfer]:
    qs = Transfer.objects.select_related(
        "case__agency",
        "case__in_name_of",
        "case__party",
        "case__violation_item",
        "to_agency",
        "received_case",
        "receipt",
        "receipt__passed_on__to_agency",
    )
    return qs.filter(q_visible(user, "case__agency") | q_visible(user, "to_agency")).order_by("-sent_on", "-pk")


def transfer_get(user: User, pk: int) -> Transfer:
    return get_or_not_found(transfer_list(user), "移送函", pk=pk)


def receipt_of(transfer: Transfer) -> TransferReceipt | None:
    try:
        return transfer.receipt
    except TransferReceipt.DoesNotExist:
        return None


@dataclass(frozen=True)
class TransferStatus:
    """Where a transfer stands, as the sender follows it."""

    label: str
    due_on: date
    overdue: bool
    answered: bool


def transfer_status(transfer: Transfer, on: date | None = None) -> TransferStatus:
    on = on or clock.today()
    due = periods.transfer_answer_due(transfer.sent_on)
    receipt = receipt_of(transfer)
    if transfer.answered_on:
        label = "已书面函告处理结果"
    elif receipt is None:
        label = "已发出，待接收机关签收"
    elif receipt.outcome == TransferReceipt.Outcome.PASSED_ON:
        label = "已转送有管辖权的机关"
    else:
        label = "已签收，办理中"
    overdue = not transfer.answered_on and on > due
    if overdue:
        label += "（逾期未函告）"
    return TransferStatus(label=label, due_on=due, overdue=overdue, answered=bool(transfer.answered_on))


@dataclass(frozen=True)
class OverdueAnswer:
    """A transfer whose receiver has not answered the sender in writing by the deadline (D3.4)."""

    transfer: Transfer
    due_on: date
    days_overdue: int

    @property
    def sender(self):
        return self.transfer.case.agency

    @property
    def receiver(self):
        return self.transfer.to_agency


def overdue_transfer_answers(user: User, on: date | None = None) -> list[OverdueAnswer]:
    """Transfers, visible to ``user`` from either side, whose written answer is overdue on ``on``
    (one query; the oversight dashboards read this)."""
    on = on or clock.today()
    rows = []
    for t in transfer_list(user).filter(answered_on__isnull=True).order_by("sent_on", "pk"):
        due = periods.transfer_answer_due(t.sent_on)
        if on > due:
            rows.append(OverdueAnswer(transfer=t, due_on=due, days_overdue=(on - due).days))
    return rows


def crime_transfer_list(user: User) -> QuerySet[CrimeTransfer]:
    qs = CrimeTransfer.objects.select_related("case__agency", "case__party", "sent_by")
    return scope(qs, user, "case__agency").order_by("-sent_on", "-pk")


def crime_transfer_get(user: User, pk: int) -> CrimeTransfer:
    return get_or_not_found(crime_transfer_list(user), "涉嫌犯罪案件移送", pk=pk)
