"""Issuing documents (D3.10) and correcting them, and what an agency's documents name.

An issued document never changes: its file (the signed PDF) is stored by SHA-256 and
the hash enters the audit log in the issuing transaction; a correction is a new version
with its reasons, and the old one stays retrievable, marked superseded."""

from __future__ import annotations

import re
import secrets
from datetime import date

from django.conf import settings
from django.db import transaction

from zhifa.accounts.access import require_agency, require_manage_agency, require_role
from zhifa.accounts.models import Role, User
from zhifa.cases import rules as case_rules
from zhifa.cases.models import Case, Decision, Notice, Outcome
from zhifa.core import clock
from zhifa.core import parameters as params
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError, not_found
from zhifa.core.models import AuditEvent
from zhifa.core.records import assign, save_record
from zhifa.core.rules import enforce
from zhifa.documents import compose, compose_records, numbering, rendering, signing, store
from zhifa.documents import rules as R
from zhifa.documents.kinds import ACT_NUMBERED, BINDING_ONLY, OWN_SERIES, SEALED, Kind
from zhifa.documents.models import Document, Profile
from zhifa.law import rules as law_rules
from zhifa.org import keys

#: The roles that issue and correct a case's documents.
ISSUERS = (Role.OFFICER, Role.HEAD)
#: Clauses every issue checks (recorded with the audit event).
ISSUE_CLAUSES = ("D3.10a", "D3.10b", "D3.10c", "D3.6", "D3.8", "D2.3")
#: The kinds composed by zhifa.documents.compose (the decisions and the notice); the
#: others are composed by zhifa.documents.compose_records.
DECISION_KINDS = (Kind.PRIOR_NOTICE, Kind.PENALTY_DECISION, Kind.NO_PENALTY_DECISION, Kind.ON_SPOT_DECISION)
#: Verification codes: 10 characters without look-alikes (0/O, 1/I/L): about 48 bits.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10
NUMBER = re.compile(r"〔(\d{4})〕(\d+)号$")


def kind_of(record) -> str:
    if isinstance(record, Notice):
        return Kind.PRIOR_NOTICE
    if isinstance(record, Decision):
        if record.on_spot:
            return Kind.ON_SPOT_DECISION
        return Kind.PENALTY_DECISION if record.outcome == Outcome.PENALTY else Kind.NO_PENALTY_DECISION
    raise DomainError.of(ErrorCode.INVALID, "该记录不产生文书。", field="source")


def _source_type(record) -> str:
    return record._meta.label_lower


def check(doc: compose.Composed, actor: User | None = None) -> None:
    """Every rule a document must pass before it is issued (one DomainError with all)."""
    if doc.kind not in DECISION_KINDS:
        return check_record(doc, actor)
    c = doc.checks
    articles = c["articles"]
    results = [R.party_identified(c["party"]), R.document_cites_basis(articles)]
    for article in articles:
        results.append(law_rules.basis_is_law_or_rule(article))
        results.append(law_rules.basis_in_force(article, doc.date if c["lenient"] else c["act_date"]))
    results.append(R.defence_points_answered(c["points"]))
    penalty = doc.kind in (Kind.PENALTY_DECISION, Kind.ON_SPOT_DECISION)
    if doc.kind == Kind.PENALTY_DECISION:
        results.append(R.discretion_explained(penalty, c["trace"], c["explanation"]))
    results.append(
        R.amounts_agree(
            c["fine"],
            c["trace"],
            compose.decided_amounts(c["reasons"]),
            compose.decided_amounts(c["explanation"]),
        )
    )
    if c["remedies"] is not None:
        results.append(
            R.remedies_named(
                c["remedies"],
                params.value("reconsideration_application_period", on=doc.date),
                params.value("litigation_period", on=doc.date),
            )
        )
    results.append(R.payment_channel_named(c["payment"], c["profile"]))
    money = [(label, compose.yuan(amount), compose.capitals(amount)) for label, amount in c["money"]]
    results.append(R.amounts_in_figures_and_capitals(money, doc.text))
    if "recorded_officers" in c:
        results.append(R.officers_as_recorded(doc.officers, c["recorded_officers"]))
    enforce(*results)


def check_record(doc: compose.Composed, actor: User | None) -> None:
    """The rules of the other kinds: the record holds what the document states (D3.10b),
    the party is identified, the basis is law in force, the defence answered, the officers
    are those recorded, and the kind's own law (听证通知 seven days before, 催告书's
    contents, the court application's window, reminder and signature)."""
    c = doc.checks
    results = [R.record_on_file(doc.title, "", True, c.get("missing", []))]
    if c.get("party") is not None:
        results.append(R.party_identified(c["party"]))
    articles = c.get("articles")
    if articles is not None:
        results.append(R.document_cites_basis(articles))
        for article in articles:
            results.append(law_rules.basis_is_law_or_rule(article))
            results.append(law_rules.basis_in_force(article, doc.date if c.get("lenient") else c["act_date"]))
    if "points" in c:
        results.append(R.defence_points_answered(c["points"]))
    if "recorded_officers" in c:
        results.append(R.officers_as_recorded(doc.officers, c["recorded_officers"]))
    if c.get("hearing_notified"):
        results.append(case_rules.hearing_notified_in_time(*c["hearing_notified"]))
    if "reminder" in c:
        results.append(R.reminder_states_what_the_law_lists(**c["reminder"]))
    if "court_application" in c:
        ca = c["court_application"]
        results.append(case_rules.reminder_before_compulsion("court", ca["reminders"], ca["on"]))
        if ca["served_on"] is not None:
            results.append(case_rules.court_application_window(ca["served_on"], ca["on"]))
        results.append(R.court_application_signed_by_head(actor is not None and actor.role == Role.HEAD))
    enforce(*results)


def new_verification_code() -> str:
    """A verification code no document holds yet (printed under the QR code)."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not Document.objects.filter(verification_code=code).exists():
            return code


def _number(kind: str, record, case: Case, on: date) -> tuple[str, int | None, int | None]:
    """(number, year, serial): the act's own number, one drawn from the kind's series, or
    the case's filing number for records and forms."""
    if kind in ACT_NUMBERED:
        own = record.letter_number if kind == Kind.TRANSFER_LETTER else record.number
        m = NUMBER.search(own)
        return own, (int(m.group(1)) if m else None), (int(m.group(2)) if m else None)
    if kind in BINDING_ONLY:
        return record.archive_number, None, None  # the case file's pages carry its archive number
    if kind in OWN_SERIES:
        number, serial = numbering.next_number(case.acting_agency, kind, on.year)
        return number, on.year, serial
    return case.filing_number, None, None


def _render(agency, composed: compose.Composed, code: str) -> tuple[bytes, str, int, bool, str]:
    """(file bytes, content type, pages, signed, certificate PEM)."""
    layout = "a4"
    html = rendering.html_of(composed, code=code, layout=layout, seal=composed.kind in SEALED)
    if not settings.ZHIFA_DOCUMENTS_RENDER:
        return html.encode("utf-8"), "text/html", 0, False, ""
    pdf = signing.sign_pdf(agency, rendering.pdf_of(html), reason=f"{composed.title} {composed.number}")
    pem = rendering_certificate(agency)
    return pdf, "application/pdf", rendering.page_count(pdf), True, pem


def rendering_certificate(agency) -> str:
    return keys.certificate_pem(keys.agency_certificate(agency)).decode()


def _write(
    *,
    actor: User,
    record,
    case: Case,
    kind: str,
    composed: compose.Composed,
    on: date,
    previous=None,
    reason="",
    extra: dict | None = None,
) -> Document:
    agency = case.acting_agency
    code = new_verification_code()
    if previous is not None:
        number, year, serial = previous.number, previous.year, previous.serial
    else:
        number, year, serial = _number(kind, record, case, on)
    composed.number = number  # a number its series drew is printed on the document
    data, content_type, pages, signed, pem = _render(agency, composed, code)
    sha = store.store(data)
    document = Document(
        case=case,
        agency=agency,
        kind=kind,
        source_type=_source_type(record),
        source_id=record.pk,
        title=composed.title,
        number=number,
        year=year,
        serial=serial,
        version=(previous.version + 1) if previous else 1,
        previous=previous,
        correction_reason=reason,
        issued_on=on,
        issued_at=clock.now(),
        issued_by=actor,
        content=composed.as_dict(),
        sha256=sha,
        size=len(data),
        content_type=content_type,
        pages=pages,
        signed=signed,
        certificate=pem,
        verification_code=code,
    )
    document = save_record(
        actor=actor,
        instance=document,
        act="document.correct" if previous else "document.issue",
        changes={
            "kind": kind,
            "number": number,
            "version": document.version,
            "sha256": sha,
            "verification_code": code,
            "previous": previous.pk if previous else None,
            "previous_sha256": previous.sha256 if previous else None,
            "reason": reason,
            **(extra or {}),
        },
        clauses=ISSUE_CLAUSES,
        agency=case.agency_id,
        # The document names its event (the verification page proves its inclusion), so
        # the event takes its seq now, in this transaction, even under deferred sequencing.
        sequencing="inline",
    )
    seq = (
        AuditEvent.objects.filter(object_type="documents.document", object_id=str(document.pk))
        .order_by("-seq")
        .values_list("seq", flat=True)
        .first()
    )
    document.audit_seq = seq
    document.save(update_fields=["audit_seq"])
    return document


def _record_of(case: Case, kind: str, source_id: int | None, source_type: str = ""):
    return compose_records.record_of(case, kind, source_id, source_type)


def document_issue(
    *,
    actor: User,
    case: Case,
    kind: str,
    source_id: int | None = None,
    source_type: str = "",
    docx: bytes | None = None,
    on: date | None = None,
) -> Document:
    """签发文书：由本案记录制作（D3.10b），签发前检查依据（D3.10a）、说理和答复申辩（D3.10c）、
    救济途径和期限、金额大写、执法人员及其证件（D3.8）、缴款渠道（D2.3）；签章后文件的
    SHA-256 写入审计日志。"""
    require_role(actor, *ISSUERS, action="签发执法文书")
    require_agency(actor, case.agency_id, "案件")
    if kind not in Kind.values:
        raise DomainError.of(ErrorCode.INVALID, "请选择文书种类。", field="kind")
    on = on or clock.today()
    with transaction.atomic():
        case = Case.objects.select_for_update().get(pk=case.pk)
        try:
            record = _record_of(case, kind, source_id, source_type)
        except (Notice.DoesNotExist, ValueError):
            record = None
        if record is None and kind not in DECISION_KINDS:
            enforce(R.record_on_file(Kind(kind).label, compose_records.SOURCES[kind].what, False, []))
        if record is None:
            raise DomainError.of(
                ErrorCode.NOTHING_PENDING, f"本案还没有可以制作{Kind(kind).label}的记录。", field="kind"
            )
        if Document.objects.filter(
            kind=kind, source_type=_source_type(record), source_id=record.pk, superseded_on__isnull=True
        ).exists():
            raise DomainError.of(
                ErrorCode.DUPLICATE, f"{Kind(kind).label}已经签发；如需更正，请使用“更正文书”。", field="kind"
            )
        composed = _compose(kind, record, actor)
        check(composed, actor)
        extra = {}
        if docx is not None:
            composed, extra = _edited(composed, docx, actor)
        return _write(actor=actor, record=record, case=case, kind=kind, composed=composed, on=on, extra=extra)


def edited_missing(composed: compose.Composed, text: str) -> list[str]:
    """What the law requires the document to state that an edited text no longer states
    as the case's records have it (the party, the basis, the amounts, the remedies)."""
    c = composed.checks
    wanted = [(f"{label}“{value}”", value) for label, value in composed.party if value]
    wanted += [(f"依据“{a}”", str(a)) for a in c.get("articles") or []]
    for label, amount in c.get("money") or []:
        wanted.append((f"{label}{compose.yuan(amount)}", compose.yuan(amount)))
        wanted.append((f"{label}的大写“{compose.capitals(amount)}”", compose.capitals(amount)))
    remedies = c.get("remedies") or {}
    if remedies:
        wanted += [
            (f"申请行政复议的期限{remedies['reconsideration_days']}日", f"{remedies['reconsideration_days']}日"),
            (f"提起行政诉讼的期限{remedies['litigation_months']}个月", f"{remedies['litigation_months']}个月"),
            (f"复议机关“{remedies['body']}”", remedies["body"]),
            (f"人民法院“{remedies['court']}”", remedies["court"]),
        ]
    return [what for what, needle in wanted if needle and needle not in text]


def _edited(composed: compose.Composed, docx: bytes, actor: User) -> tuple[compose.Composed, dict]:
    """An officer's edited Word draft in place of the composed text: read back, checked by
    the same rules where they read the text (amounts in figures and capitals, officers,
    the amounts agreeing) and by what it must still state; its SHA-256 recorded."""
    try:
        edited = rendering.composed_from_docx(docx, composed)
    except rendering.DraftUnreadable as error:
        raise DomainError.of(ErrorCode.INVALID, str(error), field="docx") from None
    check(edited, actor)
    text = edited.text
    results = [R.edited_text_keeps_what_the_law_requires(edited_missing(composed, text))]
    if composed.kind in DECISION_KINDS:
        c = composed.checks
        results.append(R.amounts_agree(c["fine"], c["trace"], compose.decided_amounts(text), []))
    enforce(*results)
    sha = store.store(docx)
    edited.checks = {**composed.checks, "edited_docx_sha256": sha}
    return edited, {"edited_docx_sha256": sha}


def _compose(kind: str, record, actor: User) -> compose.Composed:
    return compose_records.compose_kind(kind, record, actor)


def document_correct(*, actor: User, document: Document, reason: str, on: date | None = None) -> Document:
    """更正文书：制作新的版本并写明更正理由；原版本保留，标明已被取代，其文号不变。"""
    require_role(actor, *ISSUERS, action="更正执法文书")
    require_agency(actor, document.case.agency_id, "执法文书")
    if not (reason or "").strip():
        raise DomainError.of(ErrorCode.REQUIRED, "请写明更正的理由。", field="reason")
    on = on or clock.today()
    with transaction.atomic():
        old = Document.objects.select_for_update().get(pk=document.pk)
        if old.superseded_on is not None:
            raise DomainError.of(ErrorCode.CONFLICT, "该版本已被更正，请更正最新的版本。", field="reason", status=409)
        record = _record_of(old.case, old.kind, old.source_id, old.source_type)
        if record is None:
            raise not_found("文书的来源记录")
        composed = _compose(old.kind, record, actor)
        check(composed, actor)
        old.superseded_on = on
        old.save(update_fields=["superseded_on"])
        return _write(
            actor=actor,
            record=record,
            case=old.case,
            kind=old.kind,
            composed=composed,
            on=on,
            previous=old,
            reason=reason.strip(),
        )


def profile_set(*, actor: User, agency, **values) -> Profile:
    """登记本机关文书载明的复议机关、人民法院和缴款渠道（行政处罚法第五十九条、第六十七条）。"""
    require_role(actor, Role.HEAD, Role.ADMIN, Role.LEGAL_OFFICE, action="登记文书信息")
    if actor.role != Role.HEAD:
        require_manage_agency(actor, agency.pk, "登记该机关的文书信息")
    else:
        require_agency(actor, agency.pk, "执法机关")
    with transaction.atomic():
        profile = Profile.objects.select_for_update().filter(agency=agency).first() or Profile(agency=agency)
        fields = {f.name for f in Profile._meta.concrete_fields} - {"id", "agency"}
        changes = assign(profile, {k: (v or "").strip() for k, v in values.items() if k in fields})
        return save_record(actor=actor, instance=profile, act="document_profile.set", changes=changes, clauses=["D2.3"])
