"""API operations on documents: a case's documents (scoped to its agency), issuing and
correcting one, and the public verification by code (no login: the essentials, the
file's SHA-256 and the issuing event's inclusion proof)."""

# No `from __future__ import annotations`: paginated operations take query schemas, which
# django-ninja resolves from the annotation objects, not from this module's names.

from datetime import date
from typing import Literal

from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.pagination import LimitOffsetPagination, paginate

from zhifa.cases.selectors import case_get
from zhifa.core.api_schemas import described, errors
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError
from zhifa.core.filtering import filtered, query_schema
from zhifa.core.references import reference
from zhifa.documents import filters, selectors, services
from zhifa.documents.kinds import Kind
from zhifa.documents.models import Document

router = Router(tags=["执法文书"])
DocumentQuery = query_schema(filters.DocumentFilter)
KindIn = Literal[tuple(selectors.ISSUABLE_VALUES)]
SourceTypeIn = Literal[tuple(selectors.KINDS_BY_RECORD)]


@described(
    Document,
    case_id="案件编号（id）",
    agency="制作机关",
    kind_label="文书种类（中文）",
    current="是否现行版本",
    previous_id="更正前的版本（id）",
    issued_by="签发人",
    file_url="签发的文件（签章的 PDF）",
    docx_url="同一内容的 Word 稿",
    verify_url="公开核验页",
)
class DocumentOut(Schema):
    id: int
    case_id: int
    agency: str
    kind: str
    kind_label: str
    title: str
    number: str
    version: int
    current: bool
    previous_id: int | None
    correction_reason: str
    issued_on: date
    superseded_on: date | None
    issued_by: str
    sha256: str
    content_type: str
    pages: int
    signed: bool
    verification_code: str
    audit_seq: int | None
    file_url: str
    docx_url: str
    verify_url: str

    @staticmethod
    def resolve_agency(d):
        return d.agency.name

    @staticmethod
    def resolve_kind_label(d):
        return d.get_kind_display()

    @staticmethod
    def resolve_issued_by(d):
        return d.issued_by.label

    @staticmethod
    def resolve_file_url(d):
        return f"/documents/{d.pk}/file/"

    @staticmethod
    def resolve_docx_url(d):
        return f"/documents/{d.pk}/docx/"

    @staticmethod
    def resolve_verify_url(d):
        return d.get_public_url()


def document_out(d: Document) -> Document:
    return d


class IssueIn(Schema):
    case_id: int = Field(..., description="案件编号（id）")
    kind: KindIn = Field(
        ..., description="文书种类：" + "、".join(f"{k.value}（{k.label}）" for k in selectors.ISSUABLE)
    )
    source_type: SourceTypeIn | None = Field(
        None, description="来源记录类型（如 cases.notice；不填时取该类记录的最新一件）"
    )
    source_id: int | None = Field(None, ge=1, le=2**62, description="来源记录编号（id）")


class DocumentsEditedIssueIn(Schema):
    case_id: int = Field(..., description="案件编号（id）")
    kind: KindIn = Field(..., description="文书种类（同“签发执法文书”）")
    source_type: SourceTypeIn | None = Field(None, description="来源记录类型（不填时取该类记录的最新一件）")
    source_id: int | None = Field(None, ge=1, le=2**62, description="来源记录编号（id）")


#: The largest edited draft accepted (as on the issuing page).
DOCX_MAX_BYTES = 5 * 1024 * 1024


class CorrectIn(Schema):
    reason: str = Field(..., description="更正理由", max_length=2000)


@described(
    title="文书",
    number="文号",
    agency="制作机关",
    issued_on="签发日期",
    version="版本",
    current="是否现行版本",
    superseded_on="被更正版本取代的日期",
    sha256="签发文件的 SHA-256",
    party="当事人（自然人只显示姓氏）",
    signed="是否有机关的电子签章",
    certificate_subject="签章证书",
    proof_verified="包含证明是否验证通过（审计日志，签名检查点）",
    leaf_index="签发事件在审计日志中的序号",
    tree_size="检查点的树大小",
    root_hash="检查点的根哈希",
    cosigned="证明所对照的检查点是否已由登记的见证者连署",
    witnesses="连署该检查点的见证者",
)
class DocumentsVerificationOut(Schema):
    title: str
    number: str
    agency: str
    issued_on: date
    version: int
    current: bool
    superseded_on: date | None
    sha256: str
    party: str
    signed: bool
    certificate_subject: str
    proof_verified: bool
    leaf_index: int | None
    tree_size: int | None
    root_hash: str
    cosigned: bool
    witnesses: list[str]


@router.get("", response={200: list[DocumentOut], **errors(400, 401)}, summary="执法文书（本机关及所辖）")
@paginate(LimitOffsetPagination)
def document_list(request, query: Query[DocumentQuery]):
    qs = filtered(filters.DocumentFilter, selectors.document_list(request.auth), query)
    return qs.order_by("-issued_at", "-pk")


@router.get("{int:pk}", response={200: DocumentOut, **errors(400, 401, 404)}, summary="执法文书")
def document_get(request, pk: int):
    return document_out(selectors.document_get(request.auth, pk))


@router.post("", response={201: DocumentOut, **errors(400, 401, 403, 404, 409, 422)}, summary="签发执法文书")
def document_issue(request, payload: IssueIn):
    case = reference(case_get, payload.case_id, "case_id", request.auth)
    doc = services.document_issue(
        actor=request.auth,
        case=case,
        kind=payload.kind,
        source_id=payload.source_id,
        source_type=payload.source_type or "",
    )
    return Status(201, document_out(doc))


@router.post(
    "edited",
    response={201: DocumentOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="签发修改后的 Word 稿（multipart：docx 文件和签发参数）",
    description=(
        "上传由“Word 稿”下载并修改后的文书（docx），按修改后的文本签发。签发前与由记录制作的文书"
        "一样检查每一项规则（金额数字和大写、执法人员、罚款数额一致），并检查修改后的文本仍载明"
        "本案记录中的当事人、依据条文、金额和救济途径（edited_text_keeps_what_the_law_requires，D3.10c）；"
        "上传文件的 SHA-256 记入审计事件。"
    ),
)
def document_issue_edited(request, docx: File[UploadedFile], data: Form[DocumentsEditedIssueIn]):
    case = reference(case_get, data.case_id, "case_id", request.auth)
    if docx.size is not None and docx.size > DOCX_MAX_BYTES:
        raise DomainError.of(ErrorCode.INVALID, "Word 稿不得超过 5 MB。", field="docx")
    doc = services.document_issue(
        actor=request.auth,
        case=case,
        kind=data.kind,
        source_id=data.source_id,
        source_type=data.source_type or "",
        docx=docx.read(),
    )
    return Status(201, document_out(doc))


@router.post(
    "{int:pk}/corrections",
    response={201: DocumentOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="更正执法文书（制作新版本）",
)
def document_correct(request, pk: int, payload: CorrectIn):
    doc = selectors.document_get(request.auth, pk)
    return Status(201, document_out(services.document_correct(actor=request.auth, document=doc, reason=payload.reason)))


@router.get(
    "verify/{code}",
    response={200: DocumentsVerificationOut, **errors(400, 404)},
    auth=None,
    summary="核验执法文书（公开）",
)
def verify(request, code: str):
    doc = selectors.public_get(code)
    e = selectors.essentials(doc)
    proof = selectors.inclusion(doc) or {}
    return {
        **e.__dict__,
        "proof_verified": bool(proof.get("verified")),
        "leaf_index": proof.get("leaf_index"),
        "tree_size": proof.get("tree_size"),
        "root_hash": proof.get("root_hash", ""),
        "cosigned": bool(proof.get("cosigned")),
        "witnesses": proof.get("witnesses", []),
    }


__all__ = ["Kind", "router"]
