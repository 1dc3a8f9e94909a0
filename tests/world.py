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
        notice=_notice(agency, case, officer_user),
        **_review_and_matter(agency, case, officer_user, officer),
    )


def _review_and_matter(agency, case, user, officer) -> dict:
    from zhifa.core import clock
    from zhifa.oversight.models import AccountabilityMatter, CaseReview, ReviewRound

    rnd = ReviewRound.objects.create(
        kind="spot",
        agency=agency,
        year=2026,
        seed="world",
        population=1,
        sample_size=1,
        opened_on=clock.today(),
        opened_by=user,
    )
    review = CaseReview.objects.create(round=rnd, case=case, agency=agency, position=1)
    matter = AccountabilityMatter.objects.create(
        number=f"追责〔2026〕{agency.pk}号",
        origin="review",
        review=review,
        case=case,
        agency=agency,
        fault="未答复陈述申辩。",
        opened_on=clock.today(),
        opened_by=user,
        state="published",
        decided_on=clock.today(),
        sanction="批评教育",
        public_summary="执法人员未答复陈述申辩，批评教育。",
        published_on=clock.today(),
    )
    matter.officers.add(officer)
    from zhifa.oversight.models import Lawsuit, Reconsideration

    reconsideration = Reconsideration.objects.create(
        number=f"复〔2026〕{agency.pk}号",
        case=case,
        agency=agency,
        body="区人民政府",
        applicant="当事人",
        known_on=clock.today(),
        applied_on=clock.today(),
        recorded_by=user,
    )
    lawsuit = Lawsuit.objects.create(
        number=f"(2026)行初{agency.pk}号",
        case=case,
        agency=agency,
        plaintiff="当事人",
        court="区人民法院",
        filed_on=clock.today(),
        recorded_by=user,
    )
    return {"round": rnd, "review": review, "matter": matter, "reconsideration": reconsideration, "lawsuit": lawsuit}


def _notice(agency, case, issuer):
    from datetime import timedelta

    from zhifa.core import clock
    from zhifa.oversight.models import SupervisionNotice

    return SupervisionNotice.objects.create(
        number=f"督办〔2026〕{agency.pk}号",
        agency=agency,
        case=case,
        alert_code="filing_late",
        issued_by=issuer,
        issued_on=clock.today(),
        subject="逾期未决定立案",
        requirement="请依法决定是否立案。",
        due_on=clock.today() + timedelta(days=10),
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
