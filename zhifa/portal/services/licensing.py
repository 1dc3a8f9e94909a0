"""Licensing hearings (D5.3b; 行政许可法第四十六条至第四十八条): announced to the public at least
seven days ahead, held, and the licence decided on the record."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from zhifa.accounts.access import require_agency, require_role
from zhifa.accounts.models import Role
from zhifa.core import clock
from zhifa.core import parameters as params
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError
from zhifa.core.records import assign, save_record
from zhifa.core.rules import enforce
from zhifa.portal import rules as R
from zhifa.portal.models import LicensingHearing, ServiceGuide


def licensing_hearing_announce(
    *,
    actor,
    matter: str,
    applicant: str,
    grounds: str,
    scheduled_on: date,
    place: str,
    announcement: str,
    guide: ServiceGuide | None = None,
    on: date | None = None,
) -> LicensingHearing:
    """向社会公告行政许可听证（D5.3b）。"""
    with transaction.atomic():
        require_role(actor, Role.OFFICER, Role.HEAD, action="公告行政许可听证")
        agency_id = actor.agency_id if guide is None else guide.agency_id
        require_agency(actor, agency_id, "许可事项")
        day = on or clock.today()
        if day > clock.today():
            raise DomainError.of(ErrorCode.DATE_ORDER, "公告日期不得晚于今天。", field="on", status=400)
        if grounds not in LicensingHearing.Grounds.values:
            raise DomainError.of(ErrorCode.INVALID, "请选择听证理由。", field="grounds")
        for name, value, label in (
            ("matter", matter, "听证事项"),
            ("applicant", applicant, "申请人"),
            ("place", place, "地点"),
            ("announcement", announcement, "公告内容"),
        ):
            if not value.strip():
                raise DomainError.of(ErrorCode.REQUIRED, f"请填写{label}。", field=name, status=400)
        notice_days = params.value("licensing_hearing_notice", on=day)
        enforce(R.licensing_hearing_announced_in_advance(day, scheduled_on, notice_days))
        hearing = LicensingHearing(
            agency_id=agency_id,
            guide=guide,
            matter=matter.strip(),
            applicant=applicant.strip(),
            grounds=grounds,
            announced_on=day,
            scheduled_on=scheduled_on,
            place=place.strip(),
            announcement=announcement.strip(),
        )
        return save_record(actor=actor, instance=hearing, act="licensing_hearing.announce", clauses=["D5.3b"])


def licensing_hearing_record(
    *, actor, hearing: LicensingHearing, record: str, outcome: str, held_on: date | None = None
) -> LicensingHearing:
    """记录听证并根据听证笔录作出许可决定（行政许可法第四十八条）。"""
    with transaction.atomic():
        hearing = LicensingHearing.objects.select_for_update().get(pk=hearing.pk)
        require_role(actor, Role.OFFICER, Role.HEAD, action="记录行政许可听证")
        require_agency(actor, hearing.agency_id, "行政许可听证")
        if hearing.held_on:
            raise DomainError.of(ErrorCode.CONFLICT, "该听证已记录。", status=409)
        day = held_on or clock.today()
        if day > clock.today() or day < hearing.scheduled_on:
            raise DomainError.of(
                ErrorCode.DATE_ORDER, "举行日期应在公告的举行日期之后、不晚于今天。", field="held_on", status=400
            )
        enforce(R.licensing_decided_on_the_record(outcome, record))
        changes = assign(hearing, {"held_on": day, "record": record.strip(), "outcome": outcome.strip()})
        return save_record(
            actor=actor, instance=hearing, act="licensing_hearing.record", changes=changes, clauses=["D5.3b"]
        )
