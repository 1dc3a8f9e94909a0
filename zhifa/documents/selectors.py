"""Scoped reads of documents: staff see their agencies' (zhifa.accounts.access); the
public verification page finds one document by its verification code, and shows only
its essentials."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from zhifa.accounts import access
from zhifa.accounts.models import Role, User
from zhifa.cases.models import Case, Outcome
from zhifa.core import audit, merkle
from zhifa.core.errors import DomainError, not_found
from zhifa.core.references import get_or_not_found
from zhifa.documents import store
from zhifa.documents.kinds import Kind
from zhifa.documents.models import Document

#: What the documents card offers to issue (the notice and the decisions).
CARD_ISSUABLE = (Kind.PRIOR_NOTICE, Kind.PENALTY_DECISION, Kind.NO_PENALTY_DECISION, Kind.ON_SPOT_DECISION)
#: Every kind a document can be issued of (the case file's cover, index and note once archived).
ISSUABLE = tuple(Kind)
ISSUABLE_VALUES = tuple(k.value for k in ISSUABLE)

#: The kinds composed from each type of record (shown beside the record on the case's page).
KINDS_BY_RECORD = {
    "cases.case": (Kind.SOURCE_RECORD, Kind.FILING_APPROVAL, Kind.NO_FILING_APPROVAL, Kind.CLOSING_APPROVAL),
    "cases.inspection": (Kind.INSPECTION_RECORD, Kind.INQUIRY_RECORD),
    "cases.evidence": (Kind.EVIDENCE_LIST,),
    "cases.custodyevent": (Kind.PRESERVATION_NOTICE,),
    "cases.report": (Kind.INVESTIGATION_REPORT,),
    "cases.notice": (Kind.PRIOR_NOTICE, Kind.SERVICE_RECEIPT),
    "cases.defence": (Kind.DEFENCE_RECORD, Kind.REVIEW_OPINION),
    "cases.hearing": (Kind.HEARING_NOTICE, Kind.HEARING_RECORD, Kind.HEARING_REPORT),
    "cases.legalreview": (Kind.LEGAL_REVIEW,),
    "cases.collectivediscussion": (Kind.DISCUSSION_RECORD,),
    "cases.decision": (Kind.PENALTY_DECISION, Kind.NO_PENALTY_DECISION, Kind.ON_SPOT_DECISION, Kind.SERVICE_RECEIPT),
    "cases.transfer": (Kind.TRANSFER_LETTER,),
    "cases.reminder": (Kind.PAYMENT_REMINDER,),
    "cases.enforcement": (Kind.ENFORCEMENT_APPLICATION,),
    "cases.casefile": (Kind.FILE_COVER, Kind.FILE_INDEX, Kind.FILE_NOTE),
}


def document_list(user: User) -> QuerySet[Document]:
    qs = Document.objects.select_related("case", "agency", "issued_by")
    return access.scope(qs, user, "agency")


def document_get(user: User, pk) -> Document:
    return get_or_not_found(document_list(user), "执法文书", pk=pk)


def issued_file(document: Document) -> bytes:
    """The issued file's bytes, checked against the hash it is filed under; "not found"
    when the file is missing or no longer has that hash (the page says so, never a 500)."""
    try:
        data = store.read(document.sha256)
    except (ValueError, OSError):
        raise not_found("文书文件") from None
    if store.sha256_of(data) != document.sha256:
        raise not_found("文书文件")
    return data


def case_documents(case: Case) -> list[Document]:
    return list(case.documents.select_related("issued_by").order_by("kind", "version"))


def issuable(case: Case, user: User) -> list[tuple[str, str]]:
    """The kinds this user could issue for the case now: its acts' records without a current document."""
    if not access.has_role(user, Role.OFFICER, Role.HEAD) or not access.can_see_agency(user, case.agency_id):
        return []
    sources = []
    notice = case.notices.order_by("-issued_on", "-pk").first()
    if notice is not None:
        sources.append((Kind.PRIOR_NOTICE, notice))
    decision = getattr(case, "decision", None)
    if decision is not None:
        if decision.on_spot:
            sources.append((Kind.ON_SPOT_DECISION, decision))
        elif decision.outcome == Outcome.PENALTY:
            sources.append((Kind.PENALTY_DECISION, decision))
        else:
            sources.append((Kind.NO_PENALTY_DECISION, decision))
    issued = {(d.kind, d.source_id) for d in case.documents.all() if d.superseded_on is None}
    return [(kind.value, kind.label) for kind, record in sources if (kind, record.pk) not in issued]


def _current_by_source(case: Case) -> dict:
    """(source type, source id, kind) → the current document, read once per case object."""
    cached = getattr(case, "_documents_by_source", None)
    if cached is None:
        cached = {
            (d.source_type, d.source_id, d.kind): d
            for d in Document.objects.filter(case=case, superseded_on__isnull=True).order_by("pk")
        }
        case._documents_by_source = cached
    return cached


def applies(kind: str, record) -> bool:
    """Whether ``kind`` is composed from this very record (an inquiry gives 询问笔录, not 现场笔录 …)."""
    label = record._meta.label_lower
    if label == "cases.inspection":
        return (kind == Kind.INQUIRY_RECORD) == (record.kind == "inquiry")
    if label == "cases.decision" and kind != Kind.SERVICE_RECEIPT:
        if record.on_spot:
            return kind == Kind.ON_SPOT_DECISION
        return kind == (Kind.PENALTY_DECISION if record.outcome == Outcome.PENALTY else Kind.NO_PENALTY_DECISION)
    if label == "cases.case":
        return {
            Kind.SOURCE_RECORD: True,
            Kind.FILING_APPROVAL: bool(record.filed_on),
            Kind.NO_FILING_APPROVAL: record.status == "not_filed",
            Kind.CLOSING_APPROVAL: bool(record.closed_on),
        }[kind]
    if kind == Kind.SERVICE_RECEIPT:
        return bool(record.served_on)
    if kind == Kind.ENFORCEMENT_APPLICATION:
        return record.kind == "court"
    if label == "cases.hearing":
        return record.withdrawn_on is None and (kind == Kind.HEARING_NOTICE or record.held_on is not None)
    return True


def record_documents(case: Case, record, user: User, only: str = "") -> list[dict]:
    """Beside a record on the case's page: each kind composed from it, with its current
    document (preview, PDF, Word draft) or, for a user who issues documents, the link to make it."""
    if record is None:
        return []
    source_type = record._meta.label_lower
    kinds = [
        k for k in KINDS_BY_RECORD.get(source_type, ()) if (not only or k in only.split(",")) and applies(k, record)
    ]
    if not kinds:
        return []
    docs = _current_by_source(case)
    may_issue = getattr(case, "_documents_may_issue", None)
    if may_issue is None:
        may_issue = access.has_role(user, Role.OFFICER, Role.HEAD) and access.can_see_agency(user, case.agency_id)
        case._documents_may_issue = may_issue
    links = []
    for kind in kinds:
        doc = docs.get((source_type, record.pk, kind))
        if doc is None and not may_issue:
            continue
        links.append(
            {
                "kind": kind.value,
                "label": kind.label,
                "document": doc,
                "source_type": source_type,
                "source_id": record.pk,
            }
        )
    return links


def public_get(code: str) -> Document:
    """A document by its verification code, for anyone holding it."""
    qs = Document.objects.select_related("case__party", "agency", "next")
    return get_or_not_found(qs, "执法文书", verification_code=(code or "").strip().upper())


@dataclass(frozen=True)
class Essentials:
    """What the public page shows of a document: enough to recognise it, no personal data
    beyond the party's name as the document names it."""

    title: str
    number: str
    agency: str
    issued_on: object
    version: int
    current: bool
    superseded_on: object
    sha256: str
    party: str
    signed: bool
    certificate_subject: str


def essentials(document: Document) -> Essentials:
    party = document.case.party
    name = party.name if party and not party.is_person else (party.name[:1] + "某" if party else "")
    return Essentials(
        title=document.title,
        number=document.number,
        agency=document.agency.name,
        issued_on=document.issued_on,
        version=document.version,
        current=document.current,
        superseded_on=document.superseded_on,
        sha256=document.sha256,
        party=name,
        signed=document.signed,
        certificate_subject=f"{document.agency.name}（平台根证书签发）" if document.signed else "",
    )


def inclusion(document: Document) -> dict | None:
    """The issuing event's inclusion proof: against the latest checkpoint a registered
    witness cosigned (``cosigned`` true, with the witnesses) when that checkpoint already
    covers the event, else against the latest signed checkpoint (``cosigned`` false, and
    ``cosigned_note`` saying why). Checked here, never a failure of the read: None when
    the log cannot give a proof."""
    if document.audit_seq is None:
        return None
    witnessed = None
    note = "还没有见证者连署的检查点：本证明只能对照平台自己签名的检查点。"
    try:
        witnessed = audit.cosigned_checkpoint()
    except DomainError:
        witnessed = None
    if witnessed is not None and witnessed["checkpoint"]["tree_size"] <= document.audit_seq:
        note = (
            f"见证者最近连署的检查点（树大小 {witnessed['checkpoint']['tree_size']}）早于这份文书的签发，"
            "签发事件尚未被见证者连署：本证明暂时对照平台自己签名的检查点。"
        )
        witnessed = None
    try:
        if witnessed is not None:
            proof = audit.inclusion_proof(document.audit_seq, tree_size=witnessed["checkpoint"]["tree_size"])
        else:
            proof = audit.inclusion_proof(document.audit_seq)
    except DomainError:
        return None
    checkpoint = audit.checkpoint_at(proof["tree_size"])
    proof["signature_valid"] = audit.checkpoint_signature_valid(checkpoint)
    proof["verified"] = proof["signature_valid"] and merkle.verify_inclusion(
        bytes.fromhex(proof["leaf_hash"]),
        proof["leaf_index"],
        proof["tree_size"],
        [bytes.fromhex(h) for h in proof["audit_path"]],
        bytes.fromhex(proof["root_hash"]),
    )
    proof["cosigned"] = witnessed is not None
    proof["cosignatures"] = witnessed["cosignatures"] if witnessed is not None else []
    proof["witnesses"] = [c["witness_name"] for c in proof["cosignatures"]]
    proof["cosigned_note"] = "" if witnessed is not None else note
    return proof
