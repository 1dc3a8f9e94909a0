"""The acts of cooperation between agencies, one module per capability."""

from zhifa.cooperation.services.transfers import (
    crime_transfer_answer,
    crime_transfer_send,
    transfer_pass_on,
    transfer_receive,
)

__all__ = [
    "crime_transfer_answer",
    "crime_transfer_send",
    "transfer_pass_on",
    "transfer_receive",
]
