"""The acts of the case procedure, one function each (keyword-only, ``actor`` first).

One module per section of :mod:`zhifa.cases.transitions`, the same names as the API
operations (``zhifa.cases.api.<module>``) and the forms (``zhifa.cases.forms.<module>``):
``filing``, ``officers``, ``investigation``, ``notice``, ``decision``, ``execution``,
``closing``, ``simple``. ``discretion`` is the bridge to the discretion engine and
``_steps`` holds steps private to the services.

Every act runs through :func:`zhifa.cases.acting.run` with its row of
:mod:`zhifa.cases.transitions`: one transaction, the case locked, the rules checked,
the audit record written.
"""

from zhifa.cases.services.closing import archive, close, followup_record
from zhifa.cases.services.decision import (
    collective_discussion,
    decide,
    decision_serve,
    decision_submit,
    extension_approve,
    judiciary_transfer,
    legal_review,
    terminate,
)
from zhifa.cases.services.execution import (
    compulsory_execute,
    court_apply,
    enforcement_result,
    execution_complete,
    on_spot_handover,
    payment_plan,
    payment_record,
    reminder_serve,
)
from zhifa.cases.services.filing import (
    clue_register,
    filing_approve,
    filing_propose,
    filing_refuse,
    transfer_answer,
    transfer_out,
)
from zhifa.cases.services.investigation import (
    custody_record,
    evidence_add,
    inspection_record,
    investigation_reopen,
    preservation_decide,
    preservation_register,
    relative_record,
    report_submit,
)
from zhifa.cases.services.notice import (
    defence_record,
    defence_review,
    hearing_record,
    hearing_request,
    hearing_schedule,
    hearing_withdraw,
    notice_issue,
    notice_serve,
    waiver_record,
)
from zhifa.cases.services.officers import officer_assign, recusal_apply, recusal_decide
from zhifa.cases.services.simple import simple_penalty

__all__ = [
    "archive",
    "close",
    "clue_register",
    "collective_discussion",
    "compulsory_execute",
    "court_apply",
    "custody_record",
    "decide",
    "decision_serve",
    "decision_submit",
    "defence_record",
    "defence_review",
    "enforcement_result",
    "evidence_add",
    "execution_complete",
    "extension_approve",
    "filing_approve",
    "filing_propose",
    "filing_refuse",
    "followup_record",
    "hearing_record",
    "hearing_request",
    "hearing_schedule",
    "hearing_withdraw",
    "inspection_record",
    "investigation_reopen",
    "judiciary_transfer",
    "legal_review",
    "notice_issue",
    "notice_serve",
    "officer_assign",
    "on_spot_handover",
    "payment_plan",
    "payment_record",
    "preservation_decide",
    "preservation_register",
    "recusal_apply",
    "recusal_decide",
    "relative_record",
    "reminder_serve",
    "report_submit",
    "simple_penalty",
    "terminate",
    "transfer_answer",
    "transfer_out",
    "waiver_record",
]
