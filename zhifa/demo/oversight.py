"""Demo supervision records, through oversight's services: the 渝中区 legal affairs office
supervises a late case of the district market regulation bureau (督办) and spot-checks the
bureau's files of this year (a published seed), holds the lead officer of one sampled file
to account (decided and published), and runs the year's special inspection; the bureau
reports on one new law a year after it took effect and files its implementation measures;
the city's transport enforcement corps has its cleanup of powers reviewed and published.
So the alerts, 督办, review, accountability and implementation pages show something (the
other new laws' reports stay overdue, an alert). Called by the demo loader inside its
transaction, after the demo cases; the loader runs once (``DemoLoad``)."""

from __future__ import annotations

from datetime import timedelta

from zhifa.cases.models import Case, CaseOfficer
from zhifa.oversight import alerts, implementation, services
from zhifa.oversight import review as file_review


def load(world) -> None:
    office = world.users.get("yz-sfj")
    agency = world.agencies.get("yz-scj")
    if office is None or agency is None:
        return
    today = world.today
    cases = Case.objects.filter(agency=agency)
    for kind in (k for k in alerts.KINDS if k.group == alerts.LATENESS):
        late = kind.find(cases, today).order_by("pk").first()
        if late is not None:
            services.supervision_issue(
                actor=office,
                agency=agency,
                case=late,
                alert_code=kind.code,
                subject=f"{late.number}：{kind.label}",
                requirement=f"{kind.description}请查明原因，依法办理，并书面答复整改情况。",
                due_on=today + timedelta(days=10),
                on=today,
            )
            break
    matter = None
    if file_review.files_of(agency.pk, today.year).exists():
        rnd = services.review_round_open(
            actor=office,
            kind="spot",
            agency=agency,
            year=today.year,
            sample_size=3,
            seed=f"渝中{today.year}抽查",
            on=today,
        )
        matter = _accountability(office, rnd, today)
    _implementation(world, office, agency, today, matter)


def _lead_officer(case: Case):
    row = CaseOfficer.objects.filter(case=case).select_related("officer").order_by("-lead", "pk").first()
    return row.officer if row else None


def _accountability(office, rnd, today):
    """The first sampled file with a finding the platform pre-filled (or the first file):
    its lead officer held to account, the result decided and published (D6.3a–b)."""
    reviews = list(rnd.reviews.select_related("case").order_by("position"))
    review = next((r for r in reviews if file_review.findings(r.case)), reviews[0] if reviews else None)
    officer = _lead_officer(review.case) if review else None
    if officer is None:
        return None
    found = file_review.findings(review.case)
    fault = "；".join(f"{f.label}：{f.detail}" for f in found[:2]) or "案卷评查发现说理不充分。"
    matter = services.matter_open(
        actor=office,
        origin="review",
        case=review.case,
        review=review,
        fault=fault,
        officers=[officer],
        on=today,
    )
    services.matter_decide(
        actor=office,
        matter=matter,
        cause="承办人员对程序要求把握不严，审核把关不到位。",
        sanction="对责任人员批评教育，责令所在机关整改并组织专题培训。",
        on=today,
    )
    return services.matter_publish(
        actor=office,
        matter=matter,
        public_summary=f"{review.case.agency.name}执法人员{officer.name}：{fault}\n处理结果：批评教育，责令整改。",
        on=today,
    )


def _measures(world, today) -> None:
    """The measures filed with the city government (D8): 渝中区人民政府's, filed by its
    司法局, accepted; the transport enforcement corps' (a city department), returned with
    the city office's opinion."""
    city_office, district_office = world.users.get("cq-sfj"), world.users.get("yz-sfj")
    corps_head, district = world.users.get("cq-jtzd-head"), world.governments.get("渝中区")
    if city_office is None or district_office is None or district is None:
        return
    measure = services.measure_file(
        actor=district_office,
        government=district,
        title="渝中区人民政府贯彻《决定》实施办法",
        document_number="渝中府发〔2026〕12号",
        adopted_on=today - timedelta(days=20),
        content="一、落实行政执法责任制，明确各执法部门的执法岗位和责任……二、规范自由裁量权，"
        "区级执法部门执行市级裁量基准……三、每年开展案卷评查和过错追究……",
        on=today - timedelta(days=10),
    )
    services.measure_review(actor=city_office, measure=measure, accept=True, review_opinion="准予备案。", on=today)
    if corps_head is None:
        return
    measure = services.measure_file(
        actor=corps_head,
        agency=corps_head.agency,
        title="重庆市交通运输综合行政执法总队贯彻《决定》实施办法",
        document_number="渝交执法发〔2026〕5号",
        adopted_on=today - timedelta(days=15),
        content="一、执法人员持证上岗，调查取证不少于两人……二、处罚决定前告知事实、理由、依据和权利……",
        on=today - timedelta(days=8),
    )
    services.measure_review(
        actor=city_office,
        measure=measure,
        accept=False,
        review_opinion="请补充案件移送、联合执法和执法过错追究的具体程序后重新报送。",
        on=today,
    )


def _implementation(world, office, agency, today, matter) -> None:
    """One report of a new law (D3.5), the measures filed with the city (D8), the special inspection
    with a finding on a decided case (D8), the corps' cleanup of powers (D7)."""
    head = world.users.get("yz-scj-head")
    if head is not None:
        owed = [r for r in implementation.owed(head, today, "overdue") if r.agency.pk == agency.pk]
        if owed:
            services.implementation_report(
                actor=head,
                basis=owed[0].basis,
                agency=agency,
                content=f"{owed[0].basis.title}施行一年来，本局依据该法开展专项检查，查处违法案件，"
                "制定配套的裁量基准，组织执法人员培训两期。",
                problems="基层执法人员对新增条款的理解不一，建议上级部门出台适用指引。",
                on=today,
            )
    _measures(world, today)
    inspection = services.special_inspection_open(
        actor=office,
        year=today.year,
        title="贯彻《决定》情况专项执法检查",
        focus="执法责任制、自由裁量基准、案卷评查、过错追究的落实情况。",
        on=today,
    )
    decided = Case.objects.filter(agency=agency, decision__isnull=False).order_by("pk").first()
    services.inspection_find(
        actor=office,
        inspection=inspection,
        agency=agency,
        finding="自由裁量基准已公开并在处罚决定中说明适用理由；个别案卷送达回证不全。",
        fault=decided is not None and matter is None,
        score_deduction=2,
        case=decided,
        on=today,
    )
    corps_head, city_office = world.users.get("cq-jtzd-head"), world.users.get("cq-sfj")
    corps = world.agencies.get("cq-jtzd")
    if corps_head is not None and city_office is not None and corps is not None:
        report = services.cleanup_submit(
            actor=corps_head,
            agency=corps,
            subject="powers",
            year=today.year,
            summary="梳理本系统行政处罚、行政强制事项，逐项明确设定依据、实施主体和责任。",
            on=today,
        )
        services.cleanup_review(actor=city_office, report=report, approve=True, review_opinion="同意公示。", on=today)
        services.cleanup_publish(
            actor=city_office,
            report=report,
            public_summary="重庆市交通运输综合行政执法总队执法权责清理结果：保留行政处罚、行政强制事项，"
            "逐项列明设定依据和责任。",
            on=today,
        )
