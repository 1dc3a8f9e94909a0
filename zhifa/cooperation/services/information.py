"""The enforcement information exchange (D4.5b–c): a cross-agency look-up of a party's
enforcement history, logged with its purpose and scoped to it; liaison officers and
cooperation agreements."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from zhifa.accounts.access import require_manage_agency, require_role
from zhifa.accounts.models import Role, User
from zhifa.cases.inputs import bad_input, require_text
from zhifa.cases.models import Case
from zhifa.cooperation import rules as R
from zhifa.cooperation import selectors
from zhifa.cooperation.models import CooperationAgreement, HistoryLookup, LiaisonOfficer
from zhifa.cooperation.services._common import act_date
from zhifa.core.error_codes import ErrorCode
from zhifa.core.records import save_record
from zhifa.core.rules import enforce
from zhifa.org.models import Agency
from zhifa.parties.models import Party


def history_lookup(
    *, actor: User, party: Party, purpose: str, reason: str, case: Case | None = None
) -> tuple[HistoryLookup, list]:
    """跨机关查询当事人的执法记录（D4.5b）：先记录查询人、用途和事由，再给出结果。"""
    with transaction.atomic():
        require_role(actor, Role.OFFICER, Role.HEAD, action="查询当事人的执法记录")
        if actor.agency_id is None:
            raise bad_input(ErrorCode.REQUIRED, "只有执法机关的工作人员可以查询。", field="purpose")
        if purpose not in HistoryLookup.Purpose.values:
            raise bad_input(ErrorCode.INVALID, "请选择查询用途。", field="purpose")
        enforce(R.lookup_scoped_to_purpose(purpose, case, actor.agency_id, party.pk, reason))
        history = selectors.enforcement_history(party)
        lookup = HistoryLookup(
            party=party,
            agency_id=actor.agency_id,
            user=actor,
            purpose=purpose,
            case=case,
            reason=reason.strip(),
            on=act_date(None),
            result_count=len(history),
        )
        save_record(actor=actor, instance=lookup, act="party.history_lookup", agency=actor.agency_id, clauses=["D4.5b"])
        return lookup, history


def liaison_appoint(
    *, actor: User, agency: Agency, name: str, phone: str, position: str = "", since: date | None = None
) -> LiaisonOfficer:
    """确定本机关的执法协作联络员（D4.5c）。"""
    with transaction.atomic():
        require_manage_agency(actor, agency.pk, action="确定联络员")
        liaison = LiaisonOfficer(
            agency=agency,
            name=require_text(name, "name", "请写明联络员姓名。"),
            phone=require_text(phone, "phone", "请写明联系电话。"),
            position=position.strip(),
            since=act_date(since),
        )
        return save_record(actor=actor, instance=liaison, act="liaison.appoint", agency=agency, clauses=["D4.5c"])


def agreement_record(
    *, actor: User, title: str, agencies: list[Agency], signed_on: date, content: str, valid_to: date | None = None
) -> CooperationAgreement:
    """登记机关之间签订的执法协作协议（D4.5c）。"""
    with transaction.atomic():
        require_role(actor, Role.HEAD, Role.LEGAL_OFFICE, action="登记合作协议")
        agencies = list(dict.fromkeys(agencies))
        if len(agencies) < 2:
            raise bad_input(ErrorCode.REQUIRED, "合作协议至少由两个机关签订。", field="agency_ids")
        if actor.role == Role.HEAD and actor.agency_id not in {a.pk for a in agencies}:
            raise bad_input(ErrorCode.NOT_IN_CASE, "机关负责人只能登记本机关签订的协议。", field="agency_ids")
        signed_on = act_date(signed_on)
        if valid_to and valid_to < signed_on:
            raise bad_input(ErrorCode.DATE_ORDER, "有效期不得早于签订日期。", field="valid_to")
        agreement = CooperationAgreement(
            title=require_text(title, "title", "请写明协议名称。"),
            signed_on=signed_on,
            valid_to=valid_to,
            content=require_text(content, "content", "请写明协议的主要内容。"),
            recorded_by=actor,
        )
        return save_record(
            actor=actor,
            instance=agreement,
            act="agreement.record",
            agency=agencies[0],
            m2m={"agencies": agencies},
            clauses=["D4.5c"],
        )
