"""The demo's documents: each agency's 文书信息 (remedy bodies, court, payment account:
demo values), then every decision and prior notice of the demo cases issued through the
documents services, and the other kinds where a case holds the record (``MORE``): the
送达回证 of each served notice and decision, the 听证通知书 where a hearing was asked and
scheduled, the 催告书 where a reminder was served, the 立案审批表 and the 结案审批表, and
an archived case's 卷宗封面, 卷内文件目录 and 卷内备考表. Each is issued by the case's own
officer (never the administrator). What the rules refuse stays unissued, and the refusal is kept in the
demo's summary (a demo decision whose reasons state another amount than its fine, for
one: the case page shows it without a decision document)."""

from __future__ import annotations

from zhifa.accounts.models import Role, User
from zhifa.cases.models import Case, Reminder
from zhifa.core.errors import DomainError
from zhifa.documents import compose_records, selectors, services
from zhifa.documents.kinds import Kind

#: The kinds the demo issues beyond the notices and decisions, for every record a case holds.
MORE = (
    Kind.FILING_APPROVAL,
    Kind.SERVICE_RECEIPT,
    Kind.HEARING_NOTICE,
    Kind.PAYMENT_REMINDER,
    Kind.CLOSING_APPROVAL,
    Kind.FILE_COVER,
    Kind.FILE_INDEX,
    Kind.FILE_NOTE,
)

#: The district courts the demo names (a demo value: each agency registers its own).
COURTS = {
    "重庆市": "重庆市渝中区人民法院",
    "渝中区": "重庆市渝中区人民法院",
    "江北区": "重庆市江北区人民法院",
    "沙坪坝区": "重庆市沙坪坝区人民法院",
    "渝北区": "重庆市渝北区人民法院",
}


def _government_name(government) -> str:
    return f"{government.name}人民政府" if government.level == "city" else f"重庆市{government.name}人民政府"


def profiles(admin, agencies) -> None:
    for n, agency in enumerate(agencies, 1):
        services.profile_set(
            actor=admin,
            agency=agency,
            reconsideration_body=_government_name(agency.government),
            court=COURTS.get(agency.government.name, "重庆市渝中区人民法院"),
            payment_bank="中国工商银行重庆分行（罚没款代收，演示数据）",
            payment_account_name=f"{agency.government.name}财政局非税收入汇缴专户",
            payment_account=f"310002150902490{n:04d}",
            contact_address=agency.address or f"重庆市{agency.government.name}行政服务中心",
            contact_phone=agency.phone or "023-12345",
        )


def _issuer(case: Case):
    if case.lead_officer_id and case.lead_officer.user_id:
        return case.lead_officer.user
    return User.objects.filter(agency=case.agency, role__in=(Role.OFFICER, Role.HEAD)).order_by("pk").first()


def load(admin, agencies) -> dict:
    """Issue what the demo cases produced; returns {issued: n, refused: [(case, kind, code)]}."""
    profiles(admin, agencies)
    issued, refused = 0, []
    for case in Case.objects.select_related("lead_officer__user", "agency").order_by("pk"):
        actor = _issuer(case)
        if actor is None:
            continue
        for kind, _label in selectors.issuable(case, actor):
            try:
                services.document_issue(actor=actor, case=case, kind=kind)
                issued += 1
            except DomainError as exc:
                refused.append((case.number, kind, exc.code))
        for kind, record in _more(case):
            try:
                services.document_issue(
                    actor=actor, case=case, kind=kind, source_type=record._meta.label_lower, source_id=record.pk
                )
                issued += 1
            except DomainError as exc:
                refused.append((case.number, kind, exc.code))
    return {"issued": issued, "refused": refused}


def _more(case: Case) -> list:
    """(kind, record) for each record of the case a kind in MORE is composed from: a served
    notice or decision, a scheduled and notified hearing, a written reminder (a telephone
    reminder leaves no 催告书 to compose: 行政强制法第三十五条), the filing, the closing,
    the archived file."""
    found = []
    for kind in MORE:
        for record in compose_records.SOURCES[kind].records(case):
            if not selectors.applies(kind, record):
                continue
            if kind == Kind.HEARING_NOTICE and not (record.notified_on and record.scheduled_at):
                continue
            if kind == Kind.PAYMENT_REMINDER and record.method == Reminder.Method.PHONE:
                continue
            found.append((kind, record))
    return found
