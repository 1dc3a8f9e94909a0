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
    cases_world: object = None  # zhifa.cases.tests.builders.World of agency A (to walk more cases)


def _side(w, cases_world, agency, district, officer_user, officer, side: dict, party):
    from zhifa.cases import services as case_services
    from zhifa.cases.tests.builders import D0
    from zhifa.documents.tests.builders import make_document
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
        document=make_document(case, officer_user),
        publication=_publication(agency, case),
        **_complaints(agency, district, officer_user),
        **_credit(agency, party, officer, officer_user),
        notice=_notice(agency, case, officer_user),
        **_review_and_matter(agency, case, officer_user, officer),
        **_implementation(agency, district, case, officer_user),
    )
    _cooperation(side, case, officer_user, cases_world.other_agency if side is w.own else agency)
    _party_records(side, agency, case, party)


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


def _implementation(agency, district, case, user) -> dict:
    """A published cleanup result, a filed measure and a special inspection with a finding (D7, D8)."""
    from zhifa.core import clock
    from zhifa.oversight.models import CleanupReport, ImplementationMeasure, InspectionFinding, SpecialInspection

    today = clock.today()
    cleanup_report = CleanupReport.objects.create(
        agency=agency,
        subject="bodies",
        year=2026,
        summary="确认执法主体。",
        submitted_on=today,
        submitted_by=user,
        state="published",
        reviewed_on=today,
        reviewed_by=user,
        published_on=today,
        public_summary="确认执法主体。",
    )
    measure = ImplementationMeasure.objects.create(
        agency=agency, title="贯彻《决定》实施办法", adopted_on=today, content="……", filed_on=today, filed_by=user
    )
    inspection = SpecialInspection.objects.create(
        government=district, year=2026, title="专项执法检查", focus="执法责任制", opened_on=today, opened_by=user
    )
    finding = InspectionFinding.objects.create(
        inspection=inspection,
        agency=agency,
        case=case,
        finding="未答复申辩。",
        fault=True,
        found_on=today,
        recorded_by=user,
    )
    return {"cleanup_report": cleanup_report, "measure": measure, "special_inspection": inspection, "finding": finding}


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


def _cooperation(side: dict, case, officer_user, receiver):
    """A transfer letter and a crime transfer of the side's agency (records only: the
    standing checks read them; zhifa/cooperation/tests walk the acts)."""
    from zhifa.cases.models import Transfer
    from zhifa.cooperation.models import CrimeTransfer

    sent = case.__class__.objects.create(
        agency=case.agency,
        source="complaint",
        received_on=case.received_on,
        summary="移送的线索",
        created_by=officer_user,
    )
    side["transfer"] = Transfer.objects.create(
        case=sent,
        to_agency=receiver,
        letter_number=f"{case.agency.case_prefix}移〔2026〕1号",
        sent_on=case.received_on,
        reasons="无管辖权",
        materials="举报记录",
    )
    from zhifa.cooperation.models import AssistanceRequest, CooperationAgreement, InformationRequest

    common = {
        "requesting_agency": case.agency,
        "requested_agency": receiver,
        "sent_on": case.received_on,
        "due_on": case.received_on,
        "sent_by": officer_user,
    }
    side["assistance"] = AssistanceRequest.objects.create(
        number=f"{case.agency.case_prefix}协〔2026〕1号", kind="investigation", matters="协助调查", **common
    )
    side["information"] = InformationRequest.objects.create(
        number=f"{case.agency.case_prefix}询〔2026〕1号", subject="登记信息", purpose="核实", **common
    )
    agreement = CooperationAgreement.objects.create(
        title=f"{case.agency.name}协作协议", signed_on=case.received_on, content="互通线索", recorded_by=officer_user
    )
    agreement.agencies.set([case.agency, receiver])
    side["agreement"] = agreement
    from zhifa.cooperation.models import Dispute

    dispute = Dispute.objects.create(
        title="管辖争议",
        description="争议情况",
        raised_by=case.agency,
        government=case.agency.government,
        raised_on=case.received_on,
        stage_due_on=case.received_on,
    )
    dispute.agencies.set([case.agency, receiver])
    side["dispute"] = dispute
    from zhifa.cooperation.models import JointCampaign, JointMeeting, Task

    on = case.received_on
    meeting = JointMeeting.objects.create(
        title="联席会议", convened_by=case.agency, held_on=on, agenda="议程", minutes="纪要", recorded_by=officer_user
    )
    meeting.attendees.set([case.agency, receiver])
    campaign = JointCampaign.objects.create(
        title="专项整治",
        lead=case.agency,
        field="食品安全",
        starts_on=on,
        ends_on=on,
        targets="目标",
        created_by=officer_user,
    )
    side["meeting"], side["campaign"] = meeting, campaign
    from zhifa.cooperation.models import CasePackage

    side["package"] = CasePackage.objects.create(
        direction="sent",
        transfer=side["transfer"],
        sender_agency=case.agency,
        receiver_agency=receiver,
        letter_number=side["transfer"].letter_number,
        manifest="{}",
        manifest_sha256="0" * 64,
        files=[],
        sender_signature="",
        sender_certificate="",
        sender_ca="",
        sealed_on=on,
    )
    side["task"] = Task.objects.create(
        kind="campaign",
        campaign=campaign,
        assigned_by=case.agency,
        assigned_to=receiver,
        description="任务",
        assigned_on=on,
        due_on=on,
    )
    from zhifa.cooperation.models import InspectionCapApproval, InspectionPlan, JointInspection

    joint = JointInspection.objects.create(
        lead=case.agency,
        party=case.party,
        on=on,
        place="检查地点",
        created_by=officer_user,
        created_on=on,
    )
    if receiver != case.agency:
        joint.invited.set([receiver])
    side["joint_inspection"] = joint
    side["inspection_plan"] = InspectionPlan.objects.create(
        agency=case.agency,
        party=case.party,
        on=on,
        place="检查地点",
        items="检查事项",
        planned_by=officer_user,
        planned_on=on,
        ordinal=1,
        joint=joint,
    )
    side["cap_approval"] = InspectionCapApproval.objects.create(
        agency=case.agency, party=case.party, year=on.year, reasons="理由", approved_by=officer_user, approved_on=on
    )
    side["crime_transfer"] = CrimeTransfer.objects.create(
        case=case,
        number=f"{case.agency.case_prefix}刑移〔2026〕1号",
        sent_on=case.received_on,
        police_organ="公安分局",
        procuratorate="人民检察院",
        suspected_crime="销售伪劣产品罪",
        facts="涉嫌犯罪的事实",
        with_report=True,
        sent_by=officer_user,
    )


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
    from zhifa.core import clock
    from zhifa.portal.models import Visit

    certificate = side["certificate"]
    side["visit"] = Visit.objects.create(
        certificate=certificate,
        officer=certificate.officer,
        agency=agency,
        token=f"visit-{agency.pk}",
        started_at=clock.now(),
        place="某超市",
        certificate_status="valid",
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
        number=f"{agency.case_prefix}罚〔2026〕901号",  # beyond what the walkers of the standing checks number
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


def _credit(agency, party, officer, officer_user) -> dict:
    """A published random-inspection plan of ``agency`` that drew ``party``, and an objection."""
    from zhifa.credit.models import CreditObjection, InspectionItem, InspectionPlan, PlanTarget

    item = InspectionItem.objects.create(
        agency=agency, code="SJ-01", name="食品经营许可", kind="general", basis="食品安全法"
    )
    plan = InspectionPlan.objects.create(
        agency=agency,
        year=2026,
        title="2026年食品双随机抽查",
        seed="2026-01",
        seed_published_on=date(2026, 11, 1),
        target_count=1,
        status="published",
        drawn_on=date(2026, 11, 2),
        published_on=date(2026, 11, 30),
        created_by=officer_user,
    )
    plan.items.set([item])
    target = PlanTarget.objects.create(
        plan=plan, party=party, order=1, grade="A", weight=1, result="no_problem", result_on=date(2026, 11, 10)
    )
    target.inspectors.set([officer])
    objection = CreditObjection.objects.create(
        party=party,
        line_key="inspection:0",
        line_label="2026年食品双随机抽查",
        agency=agency,
        reason="检查当日并未到场。",
        filed_on=date(2026, 11, 30),
        filed_by=officer_user,
    )
    from zhifa.credit.models import Interview

    interview = Interview.objects.create(
        agency=agency,
        party=party,
        kind="forum",
        held_on=date(2026, 11, 20),
        attendees="执法人员、当事人负责人",
        content="讲解食品安全法规定。",
        outcome="当事人表示将建立进货查验制度。",
        grade="C",
        score=60,
        recorded_by=officer_user,
    )
    return {
        "plan": plan,
        "plan_target": target,
        "objection": objection,
        "interview": interview,
        "inspection_item": item,
    }


def _complaints(agency, district, officer_user) -> dict:
    """A report routed to ``agency``, a published media result about it, an Open311 client of its district."""
    from zhifa.complaints import services as complaint_services
    from zhifa.complaints.models import Complaint, MediaExposure, Open311Client

    complaint = complaint_services.complaint_submit(
        channel="portal", kind="violation", description="群众举报：某超市销售过期食品。", place=district
    )
    Complaint.objects.filter(pk=complaint.pk).update(status="routed", agency=agency)
    complaint.refresh_from_db()
    media = MediaExposure.objects.create(
        government=district,
        agency=agency,
        outlet="重庆日报",
        title="过期食品举报无人理",
        reported_on=date(2026, 11, 20),
        summary="报道称群众多次举报无人理。",
        status="concluded",
        result="经追查属实，已责令立案查处。",
        concluded_on=date(2026, 11, 30),
        published_on=date(2026, 11, 30),
        created_by=officer_user,
    )
    client = Open311Client.objects.create(
        government=district,
        name=f"{district.name}12345热线",
        key_prefix="zk_test",
        key_hash=f"{district.pk:064d}",
        created_on=date(2026, 11, 1),
        created_by=officer_user,
    )
    return {"complaint": complaint, "media": media, "open311_client": client}


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
    w = SecurityWorld(cases_world=cw)
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
