"""The acts on complaints, Open311 clients and media exposures (D6.7a–b, D3.4).

A complaint is received (from the portal, an Open311 client such as a 12345 hotline, or
registered by the office from a letter or call), given a tracking number and a deadline,
and routed: a violation report goes to the competent agency found in the powers
catalogue, or waits with the legal affairs office, which routes it by hand; a complaint
about enforcement stays with the office. The agency takes a report up as a clue (through
the cases services), returns what it has no power for, and answers; every step is kept in
the complaint's history, whose notes the complainant reads.
"""

from __future__ import annotations

import secrets
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from zhifa.accounts.access import can_see_agency, government_ids, require_role
from zhifa.accounts.models import GOVERNMENT_ROLES, Role, User
from zhifa.cases import services as case_services
from zhifa.cases.models import Source
from zhifa.complaints import keys, periods
from zhifa.complaints import rules as R
from zhifa.complaints.models import Channel, Complaint, Kind, MediaExposure, Open311Client, Status, StatusChange
from zhifa.core import audit, clock
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError, forbidden, not_found
from zhifa.core.records import assign, save_record, validation_to_domain
from zhifa.core.rules import enforce
from zhifa.law.models import ViolationItem
from zhifa.org import competence
from zhifa.org.models import Agency, Government

#: Tracking numbers: no 0/O, 1/I/L, so that a number read over the phone is typed right.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
DESCRIPTION_MAX = 4000


def _bad(code: ErrorCode, message: str, field: str | None) -> DomainError:
    return DomainError.of(code.value, message, field=field, status=400)


def _text(value: str | None, field: str, message: str, max_length: int) -> str:
    value = (value or "").strip()
    if not value:
        raise _bad(ErrorCode.REQUIRED, message, field)
    if len(value) > max_length:
        raise _bad(ErrorCode.INVALID, f"内容过长（不超过{max_length}字）。", field)
    return value


def _coordinate(value, field: str, limit: int) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value)).quantize(Decimal("0.000001"))
    except (InvalidOperation, ValueError):
        raise _bad(ErrorCode.INVALID, "坐标应为数字（WGS-84）。", field) from None
    if not -limit <= number <= limit:
        raise _bad(ErrorCode.OUT_OF_RANGE, f"坐标应在 -{limit} 到 {limit} 之间。", field)
    return number


def _tracking_number(on: date) -> str:
    return f"TS{on:%Y%m%d}" + "".join(secrets.choice(_ALPHABET) for _ in range(6))


def _city() -> Government:
    return Government.objects.filter(level=Government.Level.CITY).order_by("pk").first()


def _lock(complaint: Complaint) -> Complaint:
    return (
        Complaint.objects.select_for_update(of=("self",))
        .select_related("agency", "violation_item", "place")
        .get(pk=complaint.pk)
    )


def _label(actor) -> str:
    if isinstance(actor, User):
        return actor.label
    return str(actor)


def _step(complaint: Complaint, *, act: str, note: str, actor, agency: Agency | None = None) -> StatusChange:
    now = clock.now()
    complaint.updated_at = now
    change = StatusChange(
        complaint=complaint,
        status=complaint.status,
        act=act,
        note=note,
        at=now,
        actor=actor if isinstance(actor, User) else None,
        actor_label=_label(actor)[:100],
        agency=agency,
    )
    change.save()
    return change


def _save(complaint: Complaint) -> Complaint:
    try:
        complaint.full_clean()
    except ValidationError as exc:
        raise validation_to_domain(exc) from None
    complaint.save()
    return complaint


def _facts_for(complaint: Complaint, agency: Agency, on: date) -> dict:
    """What the powers catalogue says of ``agency`` and the reported violation."""
    item = complaint.violation_item
    return {
        "holds_power": None if item is None else bool(competence.grants_for(agency, item, on)),
        "covers_place": competence.covers_place(agency, complaint.place),
    }


def _auto_route(complaint: Complaint, on: date) -> Agency | None:
    """The competent agency for a violation report when the catalogue names one: the
    nearest holder of the item's power for the place, else the one agency of the field
    in the place's government."""
    if complaint.kind != Kind.VIOLATION:
        return None
    if complaint.violation_item is not None:
        found = competence.competent_agencies(complaint.violation_item, complaint.place, on)
        return found[0] if found else None
    if complaint.field and complaint.place is not None:
        found = list(
            Agency.objects.filter(
                government=complaint.place, field=complaint.field, standing=Agency.Standing.CONFIRMED
            )[:2]
        )
        return found[0] if len(found) == 1 else None
    return None


# --- receiving ---------------------------------------------------------------------------


def complaint_submit(
    *,
    actor=None,
    channel: str,
    kind: str,
    description: str,
    client: Open311Client | None = None,
    client_reference: str = "",
    field: str = "",
    violation_item: ViolationItem | None = None,
    subject_agency: Agency | None = None,
    place: Government | None = None,
    address: str = "",
    lat=None,
    long=None,
    complainant_name: str = "",
    complainant_contact: str = "",
) -> Complaint:
    """受理举报投诉：给出查询码和答复期限；违法行为举报按权责清单转交有管辖权的执法机关，
    找不到唯一的机关时由政府法制机构分办（D6.7a、D3.4）。

    ``actor`` is the staff user who registers a letter or call (channel ``staff``); the
    portal posts anonymously; an Open311 client posts with its key (``client``)."""
    if channel == Channel.STAFF:
        require_role(actor, Role.LEGAL_OFFICE, Role.SUPERVISOR, action="登记举报投诉")
        who = actor
    elif channel == Channel.CLIENT:
        if client is None or not client.active:
            raise forbidden("接入系统的密钥无效或已停用。")
        who = f"接入系统：{client.name}"
    elif channel == Channel.PORTAL:
        who = "公众（公开平台）"
    else:
        raise _bad(ErrorCode.INVALID, "不是允许的渠道。", "channel")
    if kind not in Kind.values:
        raise _bad(ErrorCode.INVALID, "类别应为投诉执法行为或举报违法行为。", "kind")
    description = _text(description, "description", "请写明举报投诉的内容。", DESCRIPTION_MAX)
    now = clock.now()
    on = clock.today()
    with transaction.atomic():
        complaint = Complaint(
            kind=kind,
            channel=channel,
            client=client if channel == Channel.CLIENT else None,
            client_reference=(client_reference or "")[:60],
            description=description,
            field=field or (violation_item.field if violation_item else ""),
            violation_item=violation_item,
            subject_agency=subject_agency,
            place=place,
            address=(address or "").strip()[:200],
            lat=_coordinate(lat, "lat", 90),
            long=_coordinate(long, "long", 180),
            complainant_name=(complainant_name or "").strip()[:60],
            complainant_contact=(complainant_contact or "").strip()[:60],
            received_at=now,
            received_on=on,
            due_on=periods.answer_due(kind, on),
            government=(subject_agency.government if subject_agency and kind == Kind.ENFORCEMENT else None)
            or place
            or _city(),
            updated_at=now,
        )
        for _attempt in range(5):
            complaint.tracking_number = _tracking_number(on)
            if not Complaint.objects.filter(tracking_number=complaint.tracking_number).exists():
                break
        try:
            with transaction.atomic():
                _save(complaint)
        except IntegrityError:
            raise DomainError.of("conflict", "查询码冲突，请重新提交。") from None
        _step(complaint, act="submit", note=f"已受理，请在{complaint.due_on:%Y年%m月%d日}前等候答复。", actor=who)
        agency = _auto_route(complaint, on)
        if agency is not None:
            complaint.status, complaint.agency = Status.ROUTED, agency
            _save(complaint)
            _step(
                complaint,
                act="route",
                note=f"按权责清单转交{agency.name}办理。",
                actor="平台（按权责清单分办）",
                agency=agency,
            )
        audit.record(
            actor=who,
            act="complaint.submit",
            obj=complaint,
            changes={
                "tracking_number": complaint.tracking_number,
                "kind": kind,
                "channel": channel,
                "agency": complaint.agency_id,
            },
            clauses=["D6.7a", "D3.4"] if agency else ["D6.7a"],
            agency=complaint.agency_id,
        )
        return complaint


# --- routing -----------------------------------------------------------------------------


def _require_office(actor, complaint: Complaint, action: str) -> None:
    require_role(actor, Role.LEGAL_OFFICE, action=action)
    if actor.role != Role.ADMIN and complaint.government_id not in government_ids(actor):
        raise not_found("举报投诉")


def _require_handling_agency(actor, complaint: Complaint, action: str) -> None:
    require_role(actor, Role.OFFICER, Role.HEAD, action=action)
    if actor.role != Role.ADMIN and complaint.agency_id != actor.agency_id:
        raise not_found("举报投诉")


def complaint_route(*, actor: User, complaint: Complaint, agency: Agency, note: str = "") -> Complaint:
    """政府法制机构将举报转交有管辖权的执法机关（权责清单；发生地管辖），或改派（D3.4）。"""
    with transaction.atomic():
        complaint = _lock(complaint)
        _require_office(actor, complaint, "分办举报投诉")
        if complaint.status not in (Status.RECEIVED, Status.ROUTED):
            raise DomainError.of("conflict", "该举报投诉已由执法机关办理或已答复，不能再分办。")
        if not can_see_agency(actor, agency.pk):
            raise _bad(ErrorCode.INVALID, "只能转交本级及下级政府的执法机关。", "agency")
        on = clock.today()
        facts = _facts_for(complaint, agency, on)
        enforce(
            R.enforcement_complaint_stays_with_office(complaint.kind),
            R.routed_to_competent_agency(**facts, field_matches=not complaint.field or agency.field == complaint.field),
        )
        previous = complaint.agency_id
        changes = assign(complaint, {"status": Status.ROUTED, "agency": agency})
        _save(complaint)
        _step(
            complaint,
            act="route",
            note=f"转交{agency.name}办理。" + (f"{note.strip()}" if note and note.strip() else ""),
            actor=actor,
            agency=agency,
        )
        audit.record(
            actor=actor,
            act="complaint.route" if previous is None else "complaint.reroute",
            obj=complaint,
            changes=changes,
            clauses=["D3.4", "D6.7a"],
            agency=agency.pk,
        )
        return complaint


def complaint_return(*, actor: User, complaint: Complaint, reason: str) -> Complaint:
    """执法机关对举报的违法行为没有管辖权的，退回政府法制机构重新分办；有管辖权的不得拒绝（D3.4）。"""
    with transaction.atomic():
        complaint = _lock(complaint)
        _require_handling_agency(actor, complaint, "退回举报投诉")
        if complaint.status != Status.ROUTED:
            raise DomainError.of("conflict", "只有尚未办理的转交件可以退回。")
        reason = _text(reason, "reason", "请写明退回的理由（为何本机关没有管辖权）。", 300)
        agency = complaint.agency
        enforce(R.competent_agency_may_not_refuse(**_facts_for(complaint, agency, clock.today())))
        changes = assign(complaint, {"status": Status.RECEIVED, "agency": None})
        _save(complaint)
        _step(complaint, act="return", note=f"{agency.name}退回：{reason}由政府法制机构重新分办。", actor=actor)
        audit.record(
            actor=actor, act="complaint.return", obj=complaint, changes=changes, clauses=["D3.4"], agency=agency.pk
        )
        return complaint


def complaint_take_up(*, actor: User, complaint: Complaint) -> Complaint:
    """执法机关将举报的违法行为登记为违法线索（来源：举报投诉；来源编号：查询码），
    之后按立案程序核查（D3.4）。"""
    with transaction.atomic():
        complaint = _lock(complaint)
        _require_handling_agency(actor, complaint, "将举报登记为违法线索")
        if complaint.kind != Kind.VIOLATION:
            raise _bad(ErrorCode.INVALID, "只有对违法行为的举报可以登记为违法线索。", None)
        if complaint.status != Status.ROUTED:
            raise DomainError.of("conflict", "该举报已登记为线索或已答复。")
        case = case_services.clue_register(
            actor=actor,
            source=Source.COMPLAINT,
            received_on=complaint.received_on,
            summary=complaint.description,
            violation_item=complaint.violation_item,
            place=complaint.place,
            place_detail=complaint.address,
            reporter_name=complaint.complainant_name,
            reporter_contact=complaint.complainant_contact,
            source_reference=complaint.tracking_number,
        )
        changes = assign(complaint, {"status": Status.HANDLING, "case": case})
        _save(complaint)
        _step(complaint, act="take_up", note="已登记为违法线索，正在核查。", actor=actor, agency=complaint.agency)
        audit.record(actor=actor, act="complaint.take_up", obj=complaint, changes=changes, clauses=["D3.4"])
        return complaint


def complaint_answer(
    *, actor: User, complaint: Complaint, answer: str, late_reason: str = "", on: date | None = None
) -> Complaint:
    """答复举报投诉人：调查核实的情况、处理结果和理由；逾期的写明原因（D6.7a）。
    对执法行为的投诉由政府法制机构或监察机关答复；转交的举报由承办机关答复。"""
    with transaction.atomic():
        complaint = _lock(complaint)
        if complaint.status == Status.ANSWERED:
            raise DomainError.of("conflict", "该举报投诉已答复。")
        if complaint.status == Status.RECEIVED:
            require_role(actor, Role.LEGAL_OFFICE, Role.SUPERVISOR, action="答复尚未转交的举报投诉")
            if actor.role != Role.ADMIN and complaint.government_id not in government_ids(actor):
                raise not_found("举报投诉")
        else:
            _require_handling_agency(actor, complaint, "答复转交本机关的举报")
        on = on or clock.today()
        if on > clock.today():
            raise _bad(ErrorCode.DATE_ORDER, "答复日期不得晚于今天。", "on")
        if on < complaint.received_on:
            raise _bad(ErrorCode.DATE_ORDER, "答复日期不得早于收到举报投诉的日期。", "on")
        enforce(
            R.answer_gives_result_and_reasons(answer),
            R.late_answer_explained(due_on=complaint.due_on, on=on, late_reason=late_reason),
        )
        changes = assign(
            complaint,
            {
                "status": Status.ANSWERED,
                "answer": answer.strip()[:4000],
                "answered_on": on,
                "answered_by": actor,
                "late_reason": (late_reason or "").strip()[:300] if on > complaint.due_on else "",
            },
        )
        _save(complaint)
        _step(complaint, act="answer", note=complaint.answer, actor=actor, agency=complaint.agency)
        audit.record(
            actor=actor,
            act="complaint.answer",
            obj=complaint,
            changes=changes,
            clauses=["D6.7a"],
            agency=complaint.agency_id,
        )
        return complaint


# --- Open311 clients ---------------------------------------------------------------------


def client_issue(*, actor: User, name: str, government: Government | None = None) -> tuple[Open311Client, str]:
    """政府法制机构为接入系统（12345热线等）发放 Open311 密钥；密钥只显示这一次。"""
    with transaction.atomic():
        require_role(actor, Role.LEGAL_OFFICE, action="发放接入系统密钥")
        government = government or actor.government
        if government is None:
            raise _bad(ErrorCode.REQUIRED, "请选择管理该接入系统的政府。", "government")
        if actor.role != Role.ADMIN and government.pk not in government_ids(actor):
            raise _bad(ErrorCode.INVALID, "只能为本级及下级政府发放密钥。", "government")
        raw = keys.new_key()
        client = Open311Client(
            government=government,
            name=_text(name, "name", "请填写接入系统的名称。", 100),
            key_prefix=raw[:8],
            key_hash=keys.hash_key(raw),
            created_on=clock.today(),
            created_by=actor,
        )
        save_record(
            actor=actor,
            instance=client,
            act="open311_client.issue",
            changes={"name": client.name, "key_prefix": client.key_prefix},
            clauses=["D6.7a"],
        )
        return client, raw


def client_revoke(*, actor: User, client: Open311Client) -> Open311Client:
    """停用接入系统的密钥：此后以该密钥提交的请求被拒绝。"""
    with transaction.atomic():
        require_role(actor, Role.LEGAL_OFFICE, action="停用接入系统密钥")
        client = Open311Client.objects.select_for_update().get(pk=client.pk)
        if actor.role != Role.ADMIN and client.government_id not in government_ids(actor):
            raise not_found("接入系统")
        if client.revoked_on:
            raise DomainError.of("conflict", "该密钥已停用。")
        changes = assign(client, {"revoked_on": clock.today()})
        return save_record(actor=actor, instance=client, act="open311_client.revoke", changes=changes)


# --- media exposures ---------------------------------------------------------------------


def media_register(
    *, actor: User, agency: Agency, outlet: str, title: str, reported_on: date, summary: str, url: str = ""
) -> MediaExposure:
    """登记新闻媒体曝光的执法违法行为，启动追查（D6.7b）。"""
    with transaction.atomic():
        require_role(actor, *GOVERNMENT_ROLES, action="登记新闻媒体曝光")
        if not can_see_agency(actor, agency.pk):
            raise _bad(ErrorCode.INVALID, "只能登记本级及下级政府执法机关的曝光案件。", "agency")
        if reported_on > clock.today():
            raise _bad(ErrorCode.DATE_ORDER, "报道日期不得晚于今天。", "reported_on")
        exposure = MediaExposure(
            government=actor.government if actor.role != Role.ADMIN else agency.government,
            agency=agency,
            outlet=_text(outlet, "outlet", "请填写媒体名称。", 100),
            title=_text(title, "title", "请填写报道标题。", 200),
            url=(url or "").strip(),
            reported_on=reported_on,
            summary=_text(summary, "summary", "请写明曝光的问题。", 4000),
            created_by=actor,
        )
        return save_record(
            actor=actor,
            instance=exposure,
            act="media.register",
            changes={"outlet": exposure.outlet, "title": exposure.title},
            clauses=["D6.7b"],
        )


def media_conclude(*, actor: User, exposure: MediaExposure, result: str) -> MediaExposure:
    """作出追查结论并向社会发布查处结果（D6.7b）。"""
    with transaction.atomic():
        require_role(actor, *GOVERNMENT_ROLES, action="发布曝光案件的查处结果")
        exposure = MediaExposure.objects.select_for_update().get(pk=exposure.pk)
        if actor.role != Role.ADMIN and exposure.government_id not in government_ids(actor):
            raise not_found("曝光案件")
        if exposure.status == MediaExposure.Status.CONCLUDED:
            raise DomainError.of("conflict", "该曝光案件的查处结果已发布。")
        enforce(R.media_result_stated(result))
        today = clock.today()
        changes = assign(
            exposure,
            {
                "status": MediaExposure.Status.CONCLUDED,
                "result": result.strip(),
                "concluded_on": today,
                "published_on": today,
            },
        )
        return save_record(actor=actor, instance=exposure, act="media.conclude", changes=changes, clauses=["D6.7b"])


__all__ = [
    "client_issue",
    "client_revoke",
    "complaint_answer",
    "complaint_return",
    "complaint_route",
    "complaint_submit",
    "complaint_take_up",
    "media_conclude",
    "media_register",
]
