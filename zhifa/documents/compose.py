"""Documents composed from the case's own records (D3.10b): nothing left blank for hand
filling. Each composer reads the act's record and returns a :class:`Composed`, which
the rules check before issuing (zhifa.documents.rules), the templates render to PDF
and DOCX (zhifa.documents.rendering), and the document keeps as its content.

Content after SAMR's 《市场监督管理行政处罚文书格式范本（2021年修订版）》; a decision
carries everything 行政处罚法第五十九条 lists.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal

import cn2an

from zhifa.cases import facts, periods
from zhifa.cases.models import Case, Decision, DefencePoint, Notice, Outcome
from zhifa.core import parameters as params
from zhifa.core.audit import plain
from zhifa.documents.kinds import Kind
from zhifa.documents.models import Profile
from zhifa.people.models import Officer

TERM_LABELS = [
    ("warning", "警告"),
    ("confiscation", "没收违法所得、非法财物"),
    ("fine", "罚款"),
    ("qualification_downgrade", "降低资质等级"),
    ("licence_revocation", "吊销许可证件"),
    ("suspension", "责令停产停业"),
    ("closure", "责令关闭"),
    ("practice_restriction", "限制从业"),
]


def date_text(on: date | None) -> str:
    """成文日期 in Arabic numerals (GB/T 9704-2012 7.3.5.1): 2026年3月19日."""
    return f"{on.year}年{on.month}月{on.day}日" if on else ""


def yuan(amount: Decimal) -> str:
    """An amount in figures: 3,000.00元."""
    return f"{Decimal(amount):,.2f}元"


def capitals(amount: Decimal) -> str:
    """An amount in capitals (大写): 叁仟元整."""
    return cn2an.an2cn(str(Decimal(amount).quantize(Decimal("0.01"))), "rmb")


def money_text(amount: Decimal) -> str:
    """人民币3,000.00元（大写：叁仟元整）: figures and capitals, as a decision states money."""
    return f"人民币{yuan(amount)}（大写：{capitals(amount)}）"


@dataclass
class Section:
    heading: str
    paragraphs: list[str]


@dataclass
class Composed:
    """A document's content, and the facts the rules check before it is issued."""

    kind: str
    title: str
    number: str
    agency: str
    date: date
    party: list[tuple[str, str]] = field(default_factory=list)
    #: 主送机关: the agency or court a letter is addressed to (flush left, before the text).
    addressee: str = ""
    #: A form's rows (label, value), laid out as a ruled table before the sections
    #: (审批表, 登记表, 笔录的首部): every value from the case's records, none left blank.
    rows: list[tuple[str, str]] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    officers: list[tuple[str, str]] = field(default_factory=list)
    #: A table of several columns, its first row the header (卷内文件目录: 序号, 文件名称 …).
    table: list[list[str]] = field(default_factory=list)
    #: Facts for the rules: amounts decided, the engine's trace, points answered, periods.
    checks: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        parts = [self.title, self.number, f"{self.addressee}：" if self.addressee else ""]
        parts.extend(f"{k}：{v}" for k, v in self.party)
        parts.extend(f"{k}：{v}" for k, v in self.rows)
        parts.extend("　".join(row) for row in self.table)
        for s in self.sections:
            parts.append(s.heading)
            parts.extend(s.paragraphs)
        parts.extend(f"{n} {c}" for n, c in self.officers)
        return "\n".join(p for p in parts if p)

    def as_dict(self) -> dict:
        data = asdict(self)
        data["date"] = self.date.isoformat()
        data["party"] = [list(p) for p in self.party]
        data["rows"] = [list(r) for r in self.rows]
        data["officers"] = [list(o) for o in self.officers]
        data["table"] = [list(r) for r in self.table]
        data["checks"] = _plain_checks(self.checks)
        return data


def _plain_checks(checks: dict) -> dict:
    return plain(checks)


def party_lines(case: Case) -> list[tuple[str, str]]:
    p = case.party
    if p is None:
        return []
    lines = [("当事人", p.name)]
    if p.is_person:
        lines.append(("居民身份证号码", p.id_number))
    else:
        lines.append(("统一社会信用代码", p.uscc))
        if p.legal_representative:
            lines.append(("法定代表人（负责人）", p.legal_representative))
    lines.append(("住所（经营场所）", p.address))
    return lines


def profile_of(agency) -> Profile | None:
    return Profile.objects.filter(agency=agency).first()


def terms_lines(record) -> list[tuple[str, Decimal | None]]:
    """(label, amount) for each penalty the record imposes, in the order the law lists them."""
    out = []
    for name, label in TERM_LABELS:
        value = getattr(record, name, None)
        if value in (None, False, Decimal("0")):
            continue
        out.append((label, value if isinstance(value, Decimal) else None))
    return out


def terms_paragraphs(record) -> list[str]:
    lines = terms_lines(record)
    out = []
    for i, (label, amount) in enumerate(lines, 1):
        end = "。" if i == len(lines) else "；"
        out.append(f"{cn2an.an2cn(i)}、{label}{money_text(amount) if amount is not None else ''}{end}")
    return out


def officers_on(case: Case, on: date, officer_ids=None) -> list[tuple[str, str]]:
    """The officers recorded on the act, each with the certificate valid on its date."""
    if officer_ids is None:
        officer_ids = [o.pk for o in facts.live_investigators(case, on)]
    found = []
    for officer in Officer.objects.filter(pk__in=officer_ids).prefetch_related("certificates").order_by("pk"):
        cert = next(
            (
                c
                for c in officer.certificates.all()
                if c.issued_on <= on <= c.expires_on
                and not (c.revoked_on and c.revoked_on <= on)
                and not c.is_suspended(on)
            ),
            None,
        )
        found.append((officer.name, cert.number if cert else ""))
    return found


def basis_paragraph(articles) -> str:
    return "、".join(str(a) for a in articles)


def basis_checks(articles) -> list:
    return list(articles)


def remedies_paragraphs(on: date, profile: Profile | None) -> tuple[list[str], dict]:
    days = params.value("reconsideration_application_period", on=on)
    months = params.value("litigation_period", on=on)
    body = profile.reconsideration_body if profile else ""
    court = profile.court if profile else ""
    text = (
        f"如不服本决定，可以在收到本决定书之日起{days}日内向{body or '（未登记复议机关）'}申请行政复议；"
        f"也可以在{months}个月内依法向{court or '（未登记人民法院）'}提起行政诉讼。"
        "申请行政复议或者提起行政诉讼的，行政处罚不停止执行，法律另有规定的除外。"
    )
    return [text], {"reconsideration_days": days, "litigation_months": months, "body": body, "court": court}


def payment_paragraphs(decision: Decision, profile: Profile | None, *, on_spot_paid: bool = False) -> list[str]:
    total = decision.money_total
    if not total:
        return []
    if on_spot_paid:
        return [f"罚款{money_text(total)}已当场收缴，出具财政部门统一制发的专用票据。"]
    days = params.value("payment_period", on=decision.decided_on)
    where = (
        f"{profile.payment_bank}（户名：{profile.payment_account_name}；账号：{profile.payment_account}）"
        if profile
        else "（未登记缴款渠道）"
    )
    rate = params.value("late_fee_daily_rate", on=decision.decided_on)
    return [
        f"当事人应当自收到本决定书之日起{days}日内，将罚没款{money_text(total)}缴至{where}。"
        f"到期不缴纳罚款的，每日按罚款数额的百分之{rate}加处罚款；逾期不履行的，本机关将依法申请人民法院强制执行。"
    ]


def _defence_section(case: Case, notice: Notice | None) -> tuple[list[str], list[dict]]:
    points = list(
        DefencePoint.objects.filter(defence__case=case)
        .select_related("defence")
        .order_by("defence__received_on", "number")
    )
    paragraphs = []
    if notice is not None:
        rights = "陈述、申辩和要求听证的权利" if notice.states_hearing_right else "陈述、申辩的权利"
        paragraphs.append(
            f"本机关于{date_text(notice.served_on or notice.issued_on)}向当事人送达《行政处罚告知书》"
            f"（{notice.number}），告知当事人拟作出行政处罚的事实、理由、依据及处罚内容，并告知其依法享有{rights}。"
        )
    if not points:
        waiver = facts.waiver_for(notice)
        if waiver is not None:
            paragraphs.append(f"当事人于{date_text(waiver.on)}书面表示放弃陈述、申辩的权利。")
        elif notice is not None:
            paragraphs.append("当事人在法定期限内未提出陈述、申辩。")
    answered = []
    for p in points:
        if p.adopted is None:
            continue
        verdict = "本机关予以采纳" if p.adopted else "本机关不予采纳"
        paragraphs.append(
            f"当事人{p.defence.get_form_display()}提出：{p.text.rstrip('。')}。经复核，{verdict}，理由是：{p.review_reason.rstrip('。')}。"
        )
        answered.append({"id": p.pk, "text": p.text})
    return paragraphs, [{"id": p.pk, "text": p.text, "reviewed": p.adopted is not None} for p in points]


def _trace(case: Case) -> dict:
    report = facts.latest_report(case)
    return dict(report.discretion) if report is not None and report.discretion else {}


def _evidence_paragraph(case: Case) -> str:
    items = [f"{e.number}. {e.title}" for e in case.evidence.order_by("number")]
    return "上述事实有以下证据证明：" + "；".join(items) + "。" if items else ""


def penalty_decision(decision: Decision) -> Composed:
    """行政处罚决定书 / 不予行政处罚决定书 (行政处罚法第五十九条, D3.10c)."""
    case = decision.case
    agency = case.acting_agency
    profile = profile_of(agency)
    notice = facts.current_notice(case)
    penalty = decision.outcome == Outcome.PENALTY
    kind = Kind.PENALTY_DECISION if penalty else Kind.NO_PENALTY_DECISION
    defence, points = _defence_section(case, notice)
    articles = list(decision.basis_articles.select_related("basis"))
    sections = [
        Section("违法事实和证据", [p for p in (decision.facts, _evidence_paragraph(case)) if p]),
        Section("陈述申辩及采纳情况", defence),
        Section("理由和依据", [decision.reasons, f"依据{basis_paragraph(articles)}。" if articles else ""]),
    ]
    if decision.discretion_explanation:
        sections.append(Section("自由裁量的说明", decision.discretion_explanation.splitlines()))
    if penalty:
        sections.append(Section("本机关决定对当事人作出如下行政处罚", terms_paragraphs(decision)))
        sections.append(Section("履行方式和期限", payment_paragraphs(decision, profile)))
    else:
        sections.append(Section("本机关决定", ["对当事人不予行政处罚。"]))
    remedies, remedy_checks = remedies_paragraphs(decision.decided_on, profile)
    sections.append(Section("申请行政复议或者提起行政诉讼的途径和期限", remedies))
    for s in sections:
        s.paragraphs = [p for p in s.paragraphs if p]
    return Composed(
        kind=kind,
        title=kind.label,
        number=decision.number,
        agency=agency.name,
        date=decision.decided_on,
        party=party_lines(case),
        sections=sections,
        checks={
            "party": party_lines(case),
            "articles": articles,
            "act_date": case.act_date or decision.decided_on,
            "lenient": decision.lenient_new_law,
            "points": points,
            "fine": decision.fine,
            "money": [(label, amount) for label, amount in terms_lines(decision) if amount is not None],
            "trace": _trace(case),
            "reasons": decision.reasons,
            "explanation": decision.discretion_explanation,
            "remedies": remedy_checks,
            "payment": bool(decision.money_total),
            "profile": profile is not None,
        },
    )


def on_spot_decision(decision: Decision) -> Composed:
    """当场行政处罚决定书 (行政处罚法第五十二条): the officer hands it over on the spot."""
    case = decision.case
    agency = case.acting_agency
    profile = profile_of(agency)
    articles = list(decision.basis_articles.select_related("basis"))
    paid = case.payments.filter(method="on_spot").exists()
    place = "，".join(x for x in (case.place.name if case.place else "", case.place_detail) if x)
    sections = [
        Section(
            "违法事实", [f"当事人于{date_text(case.act_date)}在{place or '现场'}，{decision.facts.rstrip('。')}。"]
        ),
        Section("处罚依据", [f"依据{basis_paragraph(articles)}。" if articles else ""]),
        Section("处罚决定", terms_paragraphs(decision)),
        Section("履行方式和期限", payment_paragraphs(decision, profile, on_spot_paid=paid)),
    ]
    remedies, remedy_checks = remedies_paragraphs(decision.decided_on, profile)
    sections.append(Section("申请行政复议或者提起行政诉讼的途径和期限", remedies))
    for s in sections:
        s.paragraphs = [p for p in s.paragraphs if p]
    officer_ids = [case.lead_officer_id] if case.lead_officer_id else []
    return Composed(
        kind=Kind.ON_SPOT_DECISION,
        title=Kind.ON_SPOT_DECISION.label,
        number=decision.number,
        agency=agency.name,
        date=decision.decided_on,
        party=party_lines(case),
        sections=sections,
        officers=officers_on(case, decision.decided_on, officer_ids),
        checks={
            "party": party_lines(case),
            "articles": articles,
            "act_date": case.act_date or decision.decided_on,
            "lenient": False,
            "points": [],
            "fine": decision.fine,
            "money": [(label, amount) for label, amount in terms_lines(decision) if amount is not None],
            "trace": {},
            "reasons": decision.reasons,
            "explanation": "",
            "remedies": remedy_checks,
            "payment": bool(decision.money_total) and not paid,
            "profile": profile is not None,
            "recorded_officers": officers_on(case, decision.decided_on, officer_ids),
        },
    )


def prior_notice(notice: Notice) -> Composed:
    """行政处罚告知书 (行政处罚法第四十四条、第六十三条): facts, reasons, basis, the penalty
    intended, the right to state and defend, and the hearing right when it is triggered."""
    case = notice.case
    agency = case.acting_agency
    articles = list(notice.basis_articles.select_related("basis"))
    on = notice.issued_on
    defence_days = params.value("defence_period", on=on)
    rights = [
        f"根据《中华人民共和国行政处罚法》第四十五条的规定，当事人可以自收到本告知书之日起{defence_days}个工作日内"
        "向本机关进行陈述、申辩。逾期未提出陈述、申辩的，视为放弃上述权利。"
    ]
    if notice.states_hearing_right:
        hearing_days = params.value("hearing_request_period", on=on)
        rights.append(
            f"根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，当事人有权要求听证，"
            f"应当自收到本告知书之日起{hearing_days}个工作日内提出。逾期未提出的，视为放弃听证权利。"
        )
    profile = profile_of(agency)
    contact = [
        x
        for x in (
            f"联系地址：{profile.contact_address}" if profile and profile.contact_address else "",
            f"联系电话：{profile.contact_phone}" if profile and profile.contact_phone else "",
        )
        if x
    ]
    officers = officers_on(case, on)
    sections = [
        Section("违法事实", [notice.facts]),
        Section("理由和依据", [notice.reasons, f"依据{basis_paragraph(articles)}。" if articles else ""]),
        Section("本机关拟作出如下行政处罚", terms_paragraphs(notice)),
        Section("当事人的权利", rights),
    ]
    if contact:
        sections.append(Section("联系方式", ["；".join(contact) + "。"]))
    for s in sections:
        s.paragraphs = [p for p in s.paragraphs if p]
    return Composed(
        kind=Kind.PRIOR_NOTICE,
        title=Kind.PRIOR_NOTICE.label,
        number=notice.number,
        agency=agency.name,
        date=on,
        party=party_lines(case),
        sections=sections,
        officers=officers,
        checks={
            "party": party_lines(case),
            "articles": articles,
            "act_date": case.act_date or on,
            "lenient": False,
            "points": [],
            "fine": notice.fine,
            "money": [(label, amount) for label, amount in terms_lines(notice) if amount is not None],
            "trace": {},
            "reasons": notice.reasons,
            "explanation": "",
            "remedies": None,
            "payment": False,
            "profile": True,
            "recorded_officers": officers_on(case, on),
            "hearing_right": notice.states_hearing_right,
        },
    )


#: Amounts a text says were decided: 罚款700元, 并处罚款195元 — not a range (500元以上、至5000元).
DECIDED_AMOUNT = re.compile(r"罚款(?:人民币)?([0-9][0-9,]*(?:\.[0-9]+)?)元(?!以上|以下|至|到|－|-|~)")


def decided_amounts(text: str) -> list[Decimal]:
    return [Decimal(m.group(1).replace(",", "")) for m in DECIDED_AMOUNT.finditer(text or "")]


COMPOSERS = {
    Kind.PENALTY_DECISION: penalty_decision,
    Kind.NO_PENALTY_DECISION: penalty_decision,
    Kind.ON_SPOT_DECISION: on_spot_decision,
    Kind.PRIOR_NOTICE: prior_notice,
}


def composer_for(kind: str):
    return COMPOSERS[kind]


def due_date_text(served_on: date) -> str:
    return date_text(periods.payment_due(served_on))


def from_content(content: dict) -> Composed:
    """A document's stored content back as a :class:`Composed` (for the DOCX and the receipt)."""
    return Composed(
        kind=content.get("kind", ""),
        title=content.get("title", ""),
        number=content.get("number", ""),
        agency=content.get("agency", ""),
        date=date.fromisoformat(content["date"]) if content.get("date") else None,
        party=[tuple(p) for p in content.get("party", [])],
        addressee=content.get("addressee", ""),
        rows=[tuple(r) for r in content.get("rows", [])],
        sections=[Section(s.get("heading", ""), list(s.get("paragraphs", []))) for s in content.get("sections", [])],
        officers=[tuple(o) for o in content.get("officers", [])],
    )
