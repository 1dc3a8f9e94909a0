"""The acts of cooperation between agencies, one module per capability."""

from zhifa.cooperation.services.disputes import dispute_raise, dispute_step
from zhifa.cooperation.services.information import agreement_record, history_lookup, liaison_appoint
from zhifa.cooperation.services.inspections import (
    inspection_cap_approve,
    inspection_plan,
    inspection_plan_link,
    joint_inspection_create,
    joint_inspection_join,
    joint_part_record,
)
from zhifa.cooperation.services.packages import package_countersign, package_import, package_seal
from zhifa.cooperation.services.requests import (
    assistance_answer,
    assistance_request,
    information_answer,
    information_request,
)
from zhifa.cooperation.services.tasks import (
    campaign_launch,
    campaign_task_assign,
    linkage_assign,
    meeting_record,
    meeting_resolution_add,
    task_report,
    task_respond,
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
    "campaign_launch",
    "campaign_task_assign",
    "crime_transfer_answer",
    "crime_transfer_send",
    "dispute_raise",
    "dispute_step",
    "history_lookup",
    "information_answer",
    "information_request",
    "inspection_cap_approve",
    "inspection_plan",
    "inspection_plan_link",
    "joint_inspection_create",
    "joint_inspection_join",
    "joint_part_record",
    "liaison_appoint",
    "linkage_assign",
    "meeting_record",
    "meeting_resolution_add",
    "package_countersign",
    "package_import",
    "package_seal",
    "task_report",
    "task_respond",
    "transfer_pass_on",
    "transfer_receive",
]
