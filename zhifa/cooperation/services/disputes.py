"""Disputes between agencies (D4.6; 行政处罚法第二十五条): negotiation between them, then
coordination by the legal affairs office of their common government, then the common
superior's decision; each step with a deadline (``periods.dispute_step_due``) and a record."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from zhifa.accounts.access import can_see_agency, require_role
from zhifa.accounts.models import Role, User
from zhifa.cases.inputs import bad_input, require_text
from zhifa.cases.models import Case
from zhifa.cooperation import periods
from zhifa.cooperation import rules as R
from zhifa.cooperation.models import Dispute, DisputeStep
from zhifa.cooperation.services._common import act_date
from zhifa.core import audit
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import not_found
from zhifa.core.records import save_record
from zhifa.core.rules import enforce
from zhifa.org.models import Agency, Government

NEXT_STAGE = {"negotiation": "coordination", "coordination": "decision", "decision": "resolved"}


def common_government(agencies: list[Agency]) -> Government:
    """The nearest government over every agency's government (their common superior)."""
    chains = []
    for agency in agencies:
        chain, node = [], agency.government
        while node is not None:
            chain.append(node)
            node = node.parent
        chains.append(chain)
    shared = set.intersection(*({g.pk for g in chain} for chain in chains))
    return next(g for g in chains[0] if g.pk in shared)


def dispute_raise(
    *,
    actor: User,
    other_agencies: list[Agency],
    title: str,
    description: str,
    case: Case | None = None,
    on: date | None = None,
) -> Dispute:
    """提出执法争议，进入机关协商（D4.6）。"""
    with transaction.atomic():
        require_role(actor, Role.HEAD, action="提出执法争议")
        agency = actor.agency
        others = [a for a in dict.fromkeys(other_agencies) if a.pk != getattr(agency, "pk", None)]
        if agency is None or not others:
            raise bad_input(ErrorCode.REQUIRED, "请选择争议的另一方机关。", field="agency_ids")
        if case is not None and case.agency_id != agency.pk:
            raise bad_input(ErrorCode.NOT_IN_CASE, "只能就本机关办理的案件提出争议。", field="case_id")
        on = act_date(on)
        parties = [agency, *others]
        dispute = Dispute(
            title=require_text(title, "title", "请写明争议事项。"),
            description=require_text(description, "description", "请写明争议情况。"),
            raised_by=agency,
            case=case,
            government=common_government(parties),
            raised_on=on,
            stage=Dispute.Stage.NEGOTIATION,
            stage_due_on=periods.dispute_step_due("negotiation", on),
        )
        return save_record(
            actor=actor,
            instance=dispute,
            act="dispute.raise",
            agency=agency,
            m2m={"agencies": parties},
            clauses=["D4.6"],
        )


def dispute_step(
    *,
    actor: User,
    dispute: Dispute,
    step: str,
    settled: bool,
    record: str,
    document_number: str = "",
    late_reason: str = "",
    on: date | None = None,
) -> Dispute:
    """登记争议处理的一步：协商、协调或裁决（D4.6）。达成一致或作出裁决的，争议解决；否则进入下一步。"""
    with transaction.atomic():
        require_role(actor, Role.HEAD, Role.LEGAL_OFFICE, action="登记争议的处理")
        dispute = Dispute.objects.select_for_update(of=("self",)).select_related("government").get(pk=dispute.pk)
        party_ids = set(dispute.agencies.values_list("pk", flat=True))
        if not any(can_see_agency(actor, pk) for pk in party_ids):
            raise not_found("执法争议")
        if step not in NEXT_STAGE:
            raise bad_input(ErrorCode.INVALID, "请选择处理步骤。", field="stage")
        on = act_date(on, earliest=dispute.raised_on)
        enforce(
            R.dispute_steps_in_order(dispute.stage, step),
            R.dispute_step_by_the_right_body(
                step, actor.role, actor.agency_id, actor.government_id, party_ids, dispute.government_id
            ),
            R.dispute_step_recorded(settled, record, step, document_number),
            R.dispute_step_in_time(dispute.stage_due_on, on, late_reason),
        )
        DisputeStep.objects.create(
            dispute=dispute,
            stage=step,
            on=on,
            by=actor,
            settled=settled,
            record=record.strip(),
            document_number=document_number.strip(),
            late_reason=late_reason,
        )
        if settled or step == "decision":
            dispute.stage, dispute.resolution, dispute.resolved_on = Dispute.Stage.RESOLVED, record.strip(), on
        else:
            dispute.stage = NEXT_STAGE[step]
            dispute.stage_due_on = periods.dispute_step_due(dispute.stage, on)
        dispute.save(update_fields=["stage", "stage_due_on", "resolution", "resolved_on"])
        audit.record(
            actor=actor,
            act=f"dispute.{step}",
            obj=dispute,
            agency=dispute.raised_by_id,
            changes={"settled": settled, "stage": dispute.stage, "on": on},
            clauses=["D4.6"],
        )
        return dispute
