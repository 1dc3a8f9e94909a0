"""Demo publications: each demo decision that must be published is registered on the day it
was made and published on the day it was served (zhifa.portal.services), then the daily
tick runs once for today (withdrawals and take-downs)."""

from __future__ import annotations

from zhifa.accounts.models import User
from zhifa.cases.models import Decision
from zhifa.org.models import Agency
from zhifa.portal import deadlines, services


def load() -> int:
    count = 0
    decisions = Decision.objects.filter(publications__isnull=True).select_related("case__party", "case__agency")
    for decision in decisions.order_by("decided_on", "pk"):
        if not deadlines.required(decision):
            continue
        pub = services.publication_prepare(actor=services.SYSTEM, decision=decision, on=decision.decided_on)
        if decision.served_on:
            services.publication_publish(actor=services.SYSTEM, publication=pub, on=decision.served_on)
        count += 1
    services.tick()
    service_cards()
    return count


def service_cards() -> None:
    """A service card for every demo agency, and the market regulator's guide to a food licence."""
    admin = User.objects.get(username="admin")
    for agency in Agency.objects.order_by("name"):
        services.service_card_set(
            actor=admin,
            agency=agency,
            scope=f"{agency.get_field_display()}领域的行政检查、行政处罚、咨询和投诉受理",
            manner="窗口办理、电话咨询、网上办理（本平台）",
            hours="工作日 上午9:00—12:00，下午14:00—17:30",
            phone=agency.phone or "12345",
            window=agency.address or "区政务服务中心",
            licensing=agency.field == "market",
        )
    market = Agency.objects.filter(field="market").order_by("name").first()
    if market is not None:
        services.guide_save(
            actor=admin,
            agency=market,
            title="食品经营许可",
            basis="《中华人民共和国食品安全法》第三十五条",
            conditions="有与经营的食品品种、数量相适应的经营场所和设备设施、食品安全管理人员和规章制度",
            materials="食品经营许可申请书；营业执照复印件；经营场所平面图；食品安全管理制度",
            procedure="申请—受理—审查（必要时现场核查）—决定—发证",
            time_limit="10个工作日",
            fee="不收费",
            window=market.address or "区政务服务中心",
            phone=market.phone or "12345",
        )
