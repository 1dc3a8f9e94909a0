"""The demo's documents: each agency's 文书信息 (remedy bodies, court, payment account:
demo values), then every decision and prior notice of the demo cases issued through the
documents services. What the rules refuse stays unissued, and the refusal is kept in the
demo's summary (a demo decision whose reasons state another amount than its fine, for
one: the case page shows it without a decision document)."""

from __future__ import annotations

from zhifa.accounts.models import Role, User
from zhifa.cases.models import Case
from zhifa.core.errors import DomainError
from zhifa.documents import selectors, services

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
    return {"issued": issued, "refused": refused}
