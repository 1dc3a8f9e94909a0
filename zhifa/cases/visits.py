"""How many times the agency has inspected the enterprise on site this year (D2.1; 国办发〔2024〕54号).

The published annual cap, the inspections planned and the head's written approvals beyond
the cap are kept by an app above cases (cooperation), which cases cannot import: that app
adds its source here when Django starts (``CooperationConfig.ready``), as oversight does for
``obligations.LATE_FEE_PAUSES``. Without a source (cooperation not installed) nothing is
counted and ``inspection_record`` refuses nothing for the cap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from zhifa.cases.models import Case


@dataclass(frozen=True)
class CapStanding:
    """The agency's on-site inspections of the case's party in the year before this one
    (``count_before``), the cap in force (None: none published) and the head's written
    approvals of inspections beyond it that year (``approvals``)."""

    count_before: int
    cap: int | None
    approvals: int


#: Each source is ``(case, on) -> CapStanding | None``; None when the inspection is not one to
#: count here (already counted and checked when it was planned).
INSPECTION_CAP: list[Callable[[Case, date], CapStanding | None]] = []


def cap_standing(case: Case, on: date) -> CapStanding | None:
    for source in INSPECTION_CAP:
        standing = source(case, on)
        if standing is not None:
            return standing
    return None
