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

#: What a case's page offers to issue: kind → (the record's relation, label).
ISSUABLE = (Kind.PRIOR_NOTICE, Kind.PENALTY_DECISION, Kind.NO_PENALTY_DECISION, Kind.ON_SPOT_DECISION)
ISSUABLE_VALUES = tuple(k.value for k in ISSUABLE)


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
    """The issuing event's inclusion proof against the latest signed checkpoint, or None
    when the log cannot give one (checked by the page, never a failure of the read)."""
    if document.audit_seq is None:
        return None
    try:
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
    return proof
