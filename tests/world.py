"""One world for the standing checks (access matrix, markup crawl): two agencies in two
districts, a record of every kind the pages show in each, and a user of every role.

"Own" records belong to agency A (渝中区) or its district; "other" records to agency B
(江北区). Each role's user sits in agency A or the 渝中区 government.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

ROLES = ["officer", "reviewer", "head", "legal_office", "supervisor", "admin", "anonymous"]


@dataclass
class SecurityWorld:
    users: dict = field(default_factory=dict)  # role -> user (None for anonymous)
    own: dict = field(default_factory=dict)  # kind -> record of agency A / district A
    other: dict = field(default_factory=dict)  # kind -> record of agency B / district B


def _side(w, cases_world, agency, district, officer_user, officer, side: dict, party):
    from zhifa.cases import services as case_services
    from zhifa.cases.tests.builders import D0
    from zhifa.law.models import Cleanup
    from zhifa.org.models import GovernmentTerm, Power
    from zhifa.org.tests.builders import make_delegation, make_post
    from zhifa.people.tests.builders import make_conflict, make_training

    power = Power.objects.filter(agency=agency).first()
    case = case_services.clue_register(
        actor=officer_user,
        source="complaint",
        received_on=D0,
        on=D0,
        summary="群众举报：某超市销售过期食品。",
        party=party,
        violation_item=None,
        place=district,
        act_date=D0,
    )
    side.update(
        agency=agency,
        government=district,
        office=district.legal_affairs_office,
        organ=getattr(district, "supervisory_organ", None),
        term=GovernmentTerm.objects.create(
            government=district, number=1, starts_on=date(2022, 1, 1), ends_on=date(2026, 12, 31)
        ),
        power=power,
        delegation=make_delegation(cases_world.other_agency, [power]),
        post=make_post(agency, powers=[power]),
        officer=officer,
        training=make_training(officer),
        qualification=officer.qualifications.first(),
        certificate=officer.certificates.first(),
        conflict=make_conflict(officer, party=party),
        cleanup=Cleanup.objects.create(
            government=district,
            agency=agency,
            scope="periodic",
            title="规范性文件定期清理",
            started_on=date(2025, 1, 1),
        ),
        party=party,
        case=case,
        publication=_publication(agency, case),
    )
    _party_records(side, agency, case, party)


def _party_records(side, agency, case, party):
    """What a party and a victim submitted online (zhifa.portal), written directly."""
    from zhifa.cases.tests.builders import D0
    from zhifa.portal.models import LicensingHearing, ServiceCard, ServiceGuide, StakeholderOpinion, Submission

    side["submission"] = Submission.objects.create(
        party=party, case=case, agency=agency, kind="defence", submitted_on=D0, made_by=party.name, points=["说明"]
    )
    side["opinion"] = StakeholderOpinion.objects.create(
        publication=side["publication"],
        agency=agency,
        relation="victim",
        name="消费者",
        contact="13800002222",
        opinion="仍有过期商品。",
        submitted_on=D0,
    )
    ServiceCard.objects.create(
        agency=agency, scope="执法检查", manner="窗口办理", hours="工作日", phone="023-1", updated_on=D0
    )
    side["guide"] = ServiceGuide.objects.create(
        agency=agency,
        title="食品经营许可",
        basis="食品安全法",
        materials="申请书",
        procedure="受理、审查、决定",
        time_limit="10个工作日",
        window="政务服务中心",
        phone="023-2",
        updated_on=D0,
    )
    side["licensing_hearing"] = LicensingHearing.objects.create(
        agency=agency,
        guide=side["guide"],
        matter="危险化学品经营许可",
        applicant="某化工公司",
        grounds="law",
        announced_on=D0,
        scheduled_on=D0,
        place="听证室",
        announcement="依法公告。",
    )


def _publication(agency, case):
    """A published decision of the side's agency (written directly: the standing checks need the record,
    zhifa/portal/tests walk the real publication)."""
    from zhifa.cases.models import Decision
    from zhifa.cases.tests.builders import D0
    from zhifa.portal.models import Publication

    decision = Decision.objects.create(
        case=case,
        number=f"{agency.case_prefix}罚〔2026〕1号",
        outcome="penalty",
        decided_on=D0,
        facts="销售过期食品。",
        reasons="事实清楚。",
        remedies="六十日内申请行政复议",
        public_summary="某超市销售过期食品被处罚。",
        fine="3000",
        served_on=D0,
    )
    return Publication.objects.create(
        decision=decision,
        agency=agency,
        kind="penalty",
        grounds="general_procedure",
        status="published",
        index_number=f"{agency.code}/2026-00001",
        document_number=decision.number,
        category="市场监管",
        written_on=D0,
        due_on=D0,
        published_on=D0,
        display="short",
        takedown_on=date(2026, 12, 31),
        title=f"{agency.name}行政处罚决定书",
        party_name="某超市",
        summary="某超市销售过期食品被处罚。",
        facts="销售过期食品。",
        penalty="罚款3,000.00元",
        agency_name=agency.name,
    )


def build() -> SecurityWorld:
    from zhifa.cases.tests.builders import make_world, staff
    from zhifa.org.models import Power, SupervisoryOrgan
    from zhifa.testing import make_agency, make_government, make_party, make_user

    cw = make_world()
    district_b = make_government("江北区", "district", cw.city, code="500105")
    from zhifa.org.models import LegalAffairsOffice

    LegalAffairsOffice.objects.create(government=district_b, name="重庆市江北区司法局")
    for gov in (cw.district, district_b):
        SupervisoryOrgan.objects.create(government=gov, name=f"{gov.name}监察委员会")
    agency_b = make_agency(district_b, name="重庆市江北区市场监督管理局", field="market", case_prefix="江北市监")
    Power.objects.create(
        agency=agency_b, code="P-B", name="对经营超过保质期食品的行政处罚", valid_from=date(2020, 1, 1)
    )
    b_user, b_officer = staff(agency_b, "officer", "江北执法员")
    w = SecurityWorld()
    w.users = {
        "officer": cw.zhang,
        "reviewer": cw.reviewer,
        "head": cw.head,
        "legal_office": cw.legal_office,
        "supervisor": make_user("supervisor", government=cw.district, username="yz-jw"),
        "admin": make_user("admin", username="sec-admin"),
        "anonymous": None,
    }
    cw.district.refresh_from_db()
    district_b.refresh_from_db()
    _side(w, cw, cw.agency, cw.district, cw.zhang, cw.zhang_officer, w.own, cw.person)
    _side(w, cw, agency_b, district_b, b_user, b_officer, w.other, make_party("person", name="江北当事人"))
    from zhifa.core.models import AuditEvent
    from zhifa.discretion import engine
    from zhifa.discretion import services as discretion_services
    from zhifa.discretion.models import DiscretionItem, StandardVersion

    discretion_services.standards_import(
        actor=w.users["admin"], documents=[(p.name, p.read_text(encoding="utf-8")) for p in engine.bundled_paths()][:1]
    )
    version = StandardVersion.objects.select_related("standard").first()
    shared = {
        "basis": cw.basis,
        "article": cw.article,
        "item": cw.item,
        "standard": version.standard,
        "version": version,
        "discretion_item": DiscretionItem.objects.filter(version=version).first(),
    }
    w.own.update(shared, event=AuditEvent.objects.filter(agency_id=cw.agency.pk).first())
    w.other.update(shared, event=AuditEvent.objects.filter(agency_id=agency_b.pk).first())
    return w
