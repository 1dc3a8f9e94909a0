"""The acts of cooperation between agencies, one module per capability."""

from zhifa.cooperation.services.disputes import dispute_raise, dispute_step
from zhifa.cooperation.services.information import agreement_record, history_lookup, liaison_appoint
from zhifa.cooperation.services.requests import (
    assistance_answer,
    assistance_request,
    information_answer,
    information_request,
)
from zhifa.cooperation.services.transfers import (
    crime_transfer_answer,
    crime_transfer_send,
    transfer_pass_on,
    transfer_receive,
)

__all__ = [
    "agreement_record",
    "assistance_answer",
    "assistance_request",
    "crime_transfer_answer",
    "crime_transfer_send",
    "dispute_raise",
    "dispute_step",
    "history_lookup",
    "information_answer",
    "information_request",
    "liaison_appoint",
    "transfer_pass_on",
    "transfer_receive",
]
