"""Service cards and guides (D5.8a–b): each agency tells the public its services, and a guide
per matter, written by its head, the legal affairs office above it or the administrator."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from zhifa.accounts.access import require_manage_agency
from zhifa.core import clock
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError
from zhifa.core.records import assign, save_record
from zhifa.core.rules import enforce
from zhifa.portal import rules as R
from zhifa.portal.models import ServiceCard, ServiceGuide

CARD_FIELDS = ("scope", "manner", "hours", "phone", "window", "licensing")
GUIDE_FIELDS = (
    "title",
    "basis",
    "conditions",
    "materials",
    "procedure",
    "time_limit",
    "fee",
    "window",
    "phone",
    "hearing_required",
)


def service_card_set(
    *, actor, agency, scope: str, manner: str, hours: str, phone: str, window: str = "", licensing: bool = False
) -> ServiceCard:
    """制定或更新本机关的执法服务卡（D5.8a），实施许可或收费的写明一个窗口（D5.8b）。"""
    with transaction.atomic():
        require_manage_agency(actor, agency.pk, action="制定执法服务卡")
        enforce(R.service_card_complete(scope, manner, hours, phone), R.one_window_named(licensing, window))
        card = ServiceCard.objects.select_for_update().filter(agency=agency).first() or ServiceCard(agency=agency)
        data = {
            "scope": scope.strip(),
            "manner": manner.strip(),
            "hours": hours.strip(),
            "phone": phone.strip(),
            "window": window.strip(),
            "licensing": licensing,
            "updated_on": clock.today(),
        }
        creating = card.pk is None
        changes = assign(card, data)
        return save_record(
            actor=actor,
            instance=card,
            act="service_card.create" if creating else "service_card.update",
            changes=None if creating else changes,
            clauses=["D5.8a", "D5.8b"],
            agency=agency.pk,
        )


def guide_save(*, actor, agency, guide: ServiceGuide | None = None, **fields) -> ServiceGuide:
    """制定或修改一个事项的办事指南（D5.8b）。"""
    with transaction.atomic():
        require_manage_agency(actor, agency.pk, action="制定办事指南")
        unknown = set(fields) - set(GUIDE_FIELDS)
        if unknown:
            raise DomainError.of(ErrorCode.INVALID, "办事指南没有这些内容。", status=400)
        values = {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()}
        if not values.get("title"):
            raise DomainError.of(ErrorCode.REQUIRED, "请填写事项名称。", field="title", status=400)
        enforce(
            R.guide_complete(
                values.get("materials", ""),
                values.get("procedure", ""),
                values.get("time_limit", ""),
                values.get("window", ""),
            )
        )
        if guide is not None:
            guide = ServiceGuide.objects.select_for_update().get(pk=guide.pk, agency=agency)
        else:
            guide = ServiceGuide(agency=agency)
        creating = guide.pk is None
        changes = assign(guide, {**values, "updated_on": clock.today()})
        return save_record(
            actor=actor,
            instance=guide,
            act="service_guide.create" if creating else "service_guide.update",
            changes=None if creating else changes,
            clauses=["D5.8b"],
            agency=agency.pk,
        )


def guide_withdraw(*, actor, guide: ServiceGuide, on: date | None = None) -> ServiceGuide:
    """停止公布一个办事指南（事项取消或合并）。"""
    with transaction.atomic():
        guide = ServiceGuide.objects.select_for_update().get(pk=guide.pk)
        require_manage_agency(actor, guide.agency_id, action="停止公布办事指南")
        if guide.withdrawn_on:
            raise DomainError.of(ErrorCode.CONFLICT, "该办事指南已停止公布。", status=409)
        changes = assign(guide, {"withdrawn_on": on or clock.today()})
        return save_record(
            actor=actor,
            instance=guide,
            act="service_guide.withdraw",
            changes=changes,
            clauses=["D5.8b"],
            agency=guide.agency_id,
        )
