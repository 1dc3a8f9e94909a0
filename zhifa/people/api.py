"""API operations on officers, their training, qualifications, certificates and declared
conflicts (scoped to the officer's agency and the offices above it), and the public
certificate register (no login: name, agency, certificate number and status only)."""

# No `from __future__ import annotations`: paginated operations take query schemas, which
# django-ninja resolves from the annotation objects, not from this module's names.

from datetime import date
from decimal import Decimal

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from zhifa.accounts.models import User
from zhifa.accounts.selectors import user_get
from zhifa.core import clock
from zhifa.core.api_schemas import described, errors
from zhifa.core.filtering import filtered, query_schema
from zhifa.core.references import reference
from zhifa.org.models import Agency, Post
from zhifa.org.selectors import agency_get, post_get
from zhifa.parties.models import Party
from zhifa.parties.selectors import party_get
from zhifa.people import filters, selectors, services
from zhifa.people.models import (
    Certificate,
    CertificateVerification,
    ConflictOfInterest,
    Officer,
    Qualification,
    Training,
)
from zhifa.people.standing import status_of

router = Router(tags=["执法人员"])

# The lists filter as their pages do: one FilterSet each (zhifa.core.filtering).
OfficerQuery = query_schema(filters.OfficerFilter)
TrainingQuery = query_schema(filters.TrainingFilter)
QualificationQuery = query_schema(filters.QualificationFilter)
CertificateQuery = query_schema(filters.CertificateFilter)
ConflictQuery = query_schema(filters.ConflictFilter)
PublicCertificateQuery = query_schema(filters.PublicCertificateFilter)


def _agency(pk, field="agency") -> Agency | None:
    return reference(agency_get, pk, field)


def _post(user, pk, field="post") -> Post | None:
    return reference(post_get, pk, field, user)


def _user(actor, pk, field="user") -> User | None:
    return reference(user_get, pk, field, actor)


def _party(actor, pk, field="party") -> Party | None:
    return reference(party_get, pk, field, actor)


# --- Officers --------------------------------------------------------------------------


@described(Certificate, status="今天的证件状态代码", status_label="今天的证件状态（中文）")
class CertificateBrief(Schema):
    id: int
    number: str
    expires_on: date
    status: str
    status_label: str


@described(Officer, certificates="持有的行政执法证件")
class OfficerOut(Schema):
    id: int
    name: str
    id_number: str
    agency_id: int
    agency: str
    post_id: int | None
    post: str | None
    phone: str
    user_id: int | None
    active: bool
    left_post_on: date | None
    left_post_reason: str
    certificates: list[CertificateBrief]

    @staticmethod
    def resolve_agency(obj) -> str:
        return obj.agency.name

    @staticmethod
    def resolve_post(obj) -> str | None:
        return obj.post.name if obj.post else None

    @staticmethod
    def resolve_certificates(obj):
        today = clock.today()
        out = []
        for c in obj.certificates.all():
            code, label = status_of(c, today)
            out.append(
                {"id": c.pk, "number": c.number, "expires_on": c.expires_on, "status": code, "status_label": label}
            )
        return out


@described(Officer)
class OfficerIn(Schema):
    name: str = Field(..., max_length=40)
    id_number: str = Field(..., max_length=18)
    agency_id: int
    post_id: int | None = None
    phone: str = Field("", max_length=30)
    user_id: int | None = None


@described(Officer)
class OfficerPatch(Schema):
    name: str | None = Field(None, max_length=40)
    id_number: str | None = Field(None, max_length=18)
    agency_id: int | None = None
    post_id: int | None = None
    phone: str | None = Field(None, max_length=30)
    user_id: int | None = None


@described(Officer, on="调离日期", reason="调离理由")
class LeaveIn(Schema):
    on: date
    reason: str = Field(..., max_length=200)


@router.get("officers", response={200: list[OfficerOut], **errors(400, 401)}, summary="执法人员（本机关及所辖）")
@paginate(LimitOffsetPagination)
def officer_list(request, query: Query[OfficerQuery]):
    qs = selectors.officer_list(request.auth).prefetch_related("certificates__verifications")
    return filtered(filters.OfficerFilter, qs, query)


@router.get("officers/{pk}", response={200: OfficerOut, **errors(400, 401, 404)}, summary="执法人员")
def officer_get(request, pk: int):
    return selectors.officer_get(request.auth, pk)


@router.post("officers", response={201: OfficerOut, **errors(400, 401, 403, 409, 422)}, summary="登记执法人员")
def officer_create(request, payload: OfficerIn):
    data = payload.dict()
    data["agency"] = _agency(data.pop("agency_id"))
    data["post"] = _post(request.auth, data.pop("post_id"))
    data["user"] = _user(request.auth, data.pop("user_id"))
    return Status(201, services.officer_create(actor=request.auth, **data))


@router.patch(
    "officers/{pk}", response={200: OfficerOut, **errors(400, 401, 403, 404, 409, 422)}, summary="修改执法人员"
)
def officer_update(request, pk: int, payload: OfficerPatch):
    data = payload.dict(exclude_unset=True)
    if "agency_id" in data:
        data["agency"] = _agency(data.pop("agency_id"))
    if "post_id" in data:
        data["post"] = _post(request.auth, data.pop("post_id"))
    if "user_id" in data:
        data["user"] = _user(request.auth, data.pop("user_id"))
    data = {k: v for k, v in data.items() if v is not None or k in ("post", "user")}
    return services.officer_update(actor=request.auth, officer=selectors.officer_get(request.auth, pk), **data)


@router.post(
    "officers/{pk}/leave-post",
    response={200: OfficerOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="调离执法岗位",
)
def officer_leave_post(request, pk: int, payload: LeaveIn):
    officer = selectors.officer_get(request.auth, pk)
    return services.officer_leave_post(actor=request.auth, officer=officer, **payload.dict())


# --- Training --------------------------------------------------------------------------


@described(Training)
class TrainingOut(Schema):
    id: int
    officer_id: int
    officer: str
    field: str
    course: str
    hours: int
    completed_on: date
    passed: bool
    score: Decimal | None

    @staticmethod
    def resolve_officer(obj) -> str:
        return obj.officer.name


@described(Training)
class TrainingIn(Schema):
    officer_id: int
    field: str
    course: str = Field(..., max_length=200)
    hours: int = Field(..., ge=1, le=1000)
    completed_on: date
    passed: bool
    score: Decimal | None = Field(None, max_digits=5, decimal_places=1)


@described(Training)
class TrainingPatch(Schema):
    field: str | None = None
    course: str | None = Field(None, max_length=200)
    hours: int | None = Field(None, ge=1, le=1000)
    completed_on: date | None = None
    passed: bool | None = None
    score: Decimal | None = Field(None, max_digits=5, decimal_places=1)


@router.get("trainings", response={200: list[TrainingOut], **errors(400, 401)}, summary="资格培训")
@paginate(LimitOffsetPagination)
def training_list(request, query: Query[TrainingQuery]):
    return filtered(filters.TrainingFilter, selectors.training_list(request.auth), query)


@router.get("trainings/{pk}", response={200: TrainingOut, **errors(400, 401, 404)}, summary="培训记录")
def training_get(request, pk: int):
    return selectors.training_get(request.auth, pk)


@router.post("trainings", response={201: TrainingOut, **errors(400, 401, 403, 409, 422)}, summary="登记资格培训")
def training_create(request, payload: TrainingIn):
    data = payload.dict()
    officer = reference(selectors.officer_get, data.pop("officer_id"), "officer", request.auth)
    return Status(201, services.training_record(actor=request.auth, officer=officer, **data))


@router.patch(
    "trainings/{pk}", response={200: TrainingOut, **errors(400, 401, 403, 404, 409, 422)}, summary="修改培训记录"
)
def training_update(request, pk: int, payload: TrainingPatch):
    data = {k: v for k, v in payload.dict(exclude_unset=True).items() if v is not None or k == "score"}
    return services.training_update(actor=request.auth, training=selectors.training_get(request.auth, pk), **data)


# --- Qualifications --------------------------------------------------------------------


@described(Qualification)
class QualificationOut(Schema):
    id: int
    officer_id: int
    officer: str
    field: str
    field_label: str
    training_id: int | None
    obtained_on: date
    revoked_on: date | None
    revocation_reason: str

    @staticmethod
    def resolve_officer(obj) -> str:
        return obj.officer.name

    @staticmethod
    def resolve_field_label(obj) -> str:
        return obj.get_field_display()


@described(Qualification)
class QualificationIn(Schema):
    officer_id: int
    field: str
    obtained_on: date
    training_id: int | None = None


@described(Qualification, reason="撤销或吊销的理由", on="撤销或吊销日期")
class PeopleRevokeIn(Schema):
    reason: str = Field(..., max_length=200)
    on: date


@router.get("qualifications", response={200: list[QualificationOut], **errors(400, 401)}, summary="执法资格")
@paginate(LimitOffsetPagination)
def qualification_list(request, query: Query[QualificationQuery]):
    return filtered(filters.QualificationFilter, selectors.qualification_list(request.auth), query)


@router.get("qualifications/{pk}", response={200: QualificationOut, **errors(400, 401, 404)}, summary="执法资格")
def qualification_get(request, pk: int):
    return selectors.qualification_get(request.auth, pk)


@router.post(
    "qualifications", response={201: QualificationOut, **errors(400, 401, 403, 409, 422)}, summary="授予执法资格"
)
def qualification_grant(request, payload: QualificationIn):
    data = payload.dict()
    officer = reference(selectors.officer_get, data.pop("officer_id"), "officer", request.auth)
    data["training"] = reference(selectors.training_get, data.pop("training_id"), "training", request.auth)
    return Status(201, services.qualification_grant(actor=request.auth, officer=officer, **data))


@router.post(
    "qualifications/{pk}/revoke",
    response={200: QualificationOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="撤销执法资格",
)
def qualification_revoke(request, pk: int, payload: PeopleRevokeIn):
    qualification = selectors.qualification_get(request.auth, pk)
    return services.qualification_revoke(actor=request.auth, qualification=qualification, **payload.dict())


# --- Certificates ----------------------------------------------------------------------


@described(CertificateVerification)
class VerificationOut(Schema):
    id: int
    year: int
    verified_on: date
    result: str
    note: str


@described(
    Certificate,
    agency="持证人所在机关",
    status="今天的证件状态代码",
    status_label="今天的证件状态（中文）",
    verifications="年度审验记录",
)
class CertificateOut(Schema):
    id: int
    officer_id: int
    officer: str
    agency: str
    number: str
    issuer: str
    issued_on: date
    expires_on: date
    suspended_on: date | None
    suspension_reason: str
    suspension_lifted_on: date | None
    revoked_on: date | None
    revocation_reason: str
    status: str
    status_label: str
    verifications: list[VerificationOut]

    @staticmethod
    def resolve_officer(obj) -> str:
        return obj.officer.name

    @staticmethod
    def resolve_agency(obj) -> str:
        return obj.officer.agency.name

    @staticmethod
    def resolve_issuer(obj) -> str:
        return obj.issuer.name

    @staticmethod
    def resolve_status(obj) -> str:
        return status_of(obj, clock.today())[0]

    @staticmethod
    def resolve_status_label(obj) -> str:
        return status_of(obj, clock.today())[1]

    @staticmethod
    def resolve_verifications(obj):
        return list(obj.verifications.all())


@described(Certificate)
class CertificateIn(Schema):
    officer_id: int
    number: str = Field(..., max_length=30)
    issued_on: date
    expires_on: date


@described(CertificateVerification)
class VerifyIn(Schema):
    year: int = Field(..., ge=1990, le=2100)
    verified_on: date
    result: str = Field(..., description="passed（合格）或 failed（不合格）")
    note: str = Field("", max_length=200)


@described(Certificate, reason="暂扣理由", on="暂扣日期")
class SuspendIn(Schema):
    reason: str = Field(..., max_length=200)
    on: date


@described(Certificate, on="恢复日期")
class LiftIn(Schema):
    on: date


@router.get(
    "certificates", response={200: list[CertificateOut], **errors(400, 401)}, summary="执法证件（本机关及所辖）"
)
@paginate(LimitOffsetPagination)
def certificate_list(request, query: Query[CertificateQuery]):
    qs = selectors.certificate_list(request.auth).prefetch_related("verifications")
    return filtered(filters.CertificateFilter, qs, query)


@router.get("certificates/{pk}", response={200: CertificateOut, **errors(400, 401, 404)}, summary="执法证件")
def certificate_get(request, pk: int):
    return selectors.certificate_get(request.auth, pk)


@router.post("certificates", response={201: CertificateOut, **errors(400, 401, 403, 409, 422)}, summary="发放执法证件")
def certificate_issue(request, payload: CertificateIn):
    data = payload.dict()
    officer = reference(selectors.officer_get, data.pop("officer_id"), "officer", request.auth)
    return Status(201, services.certificate_issue(actor=request.auth, officer=officer, **data))


@router.post(
    "certificates/{pk}/verifications",
    response={201: VerificationOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="年度审验",
)
def certificate_verify(request, pk: int, payload: VerifyIn):
    certificate = selectors.certificate_get(request.auth, pk)
    return Status(201, services.certificate_verify(actor=request.auth, certificate=certificate, **payload.dict()))


@router.post(
    "certificates/{pk}/suspend",
    response={200: CertificateOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="暂扣执法证件",
)
def certificate_suspend(request, pk: int, payload: SuspendIn):
    certificate = selectors.certificate_get(request.auth, pk)
    return services.certificate_suspend(actor=request.auth, certificate=certificate, **payload.dict())


@router.post(
    "certificates/{pk}/lift-suspension",
    response={200: CertificateOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="解除暂扣",
)
def certificate_lift(request, pk: int, payload: LiftIn):
    certificate = selectors.certificate_get(request.auth, pk)
    return services.certificate_lift_suspension(actor=request.auth, certificate=certificate, **payload.dict())


@router.post(
    "certificates/{pk}/revoke",
    response={200: CertificateOut, **errors(400, 401, 403, 404, 409, 422)},
    summary="吊销执法证件",
)
def certificate_revoke(request, pk: int, payload: PeopleRevokeIn):
    certificate = selectors.certificate_get(request.auth, pk)
    return services.certificate_revoke(actor=request.auth, certificate=certificate, **payload.dict())


# --- Conflicts of interest -------------------------------------------------------------


@described(ConflictOfInterest)
class ConflictOut(Schema):
    id: int
    officer_id: int
    officer: str
    party_id: int | None
    party_name: str
    party_identifier: str
    relation: str
    description: str
    declared_on: date
    ended_on: date | None
    end_note: str

    @staticmethod
    def resolve_officer(obj) -> str:
        return obj.officer.name


@described(ConflictOfInterest)
class ConflictIn(Schema):
    officer_id: int
    relation: str
    description: str = Field(..., max_length=300)
    declared_on: date
    party_id: int | None = None
    party_name: str = Field("", max_length=200)
    party_identifier: str = Field("", max_length=18)


@described(ConflictOfInterest, on="终止日期", note="终止说明")
class ConflictEndIn(Schema):
    on: date
    note: str = Field("", max_length=200)


@router.get("conflicts", response={200: list[ConflictOut], **errors(400, 401)}, summary="利害关系申报")
@paginate(LimitOffsetPagination)
def conflict_list(request, query: Query[ConflictQuery]):
    return filtered(filters.ConflictFilter, selectors.conflict_list(request.auth), query)


@router.get("conflicts/{pk}", response={200: ConflictOut, **errors(400, 401, 404)}, summary="利害关系申报")
def conflict_get(request, pk: int):
    return selectors.conflict_get(request.auth, pk)


@router.post("conflicts", response={201: ConflictOut, **errors(400, 401, 403, 409, 422)}, summary="申报利害关系")
def conflict_declare(request, payload: ConflictIn):
    data = payload.dict()
    officer = reference(selectors.officer_get, data.pop("officer_id"), "officer", request.auth)
    data["party"] = _party(request.auth, data.pop("party_id"))
    return Status(201, services.conflict_declare(actor=request.auth, officer=officer, **data))


@router.post(
    "conflicts/{pk}/end", response={200: ConflictOut, **errors(400, 401, 403, 404, 409, 422)}, summary="利害关系终止"
)
def conflict_end(request, pk: int, payload: ConflictEndIn):
    conflict = selectors.conflict_get(request.auth, pk)
    return services.conflict_end(actor=request.auth, conflict=conflict, **payload.dict())


# --- Public register -------------------------------------------------------------------


@described(
    Certificate,
    officer_name="持证人姓名",
    agency="持证人所在机关",
    agency_id="持证人所在机关（编号）",
    status="证件状态代码",
    status_label="证件状态（中文）",
)
class PublicCertificateOut(Schema):
    """What the public sees of an officer: name, agency, certificate number and status (D3.1c)."""

    number: str
    officer_name: str
    agency: str
    agency_id: int
    issuer: str
    issued_on: date
    expires_on: date
    status: str
    status_label: str

    @staticmethod
    def resolve_officer_name(obj) -> str:
        return obj.officer.name

    @staticmethod
    def resolve_agency(obj) -> str:
        return obj.officer.agency.name

    @staticmethod
    def resolve_agency_id(obj) -> int:
        return obj.officer.agency_id

    @staticmethod
    def resolve_issuer(obj) -> str:
        return obj.issuer.name

    @staticmethod
    def resolve_status_label(obj) -> str:
        return selectors.status_label(obj.status)


@router.get(
    "public/certificates",
    response={200: list[PublicCertificateOut], **errors(400)},
    auth=None,
    summary="执法人员及证件公告（公开，可按证件编号查询）",
)
@paginate(LimitOffsetPagination)
def public_certificate_list(request, query: Query[PublicCertificateQuery]):
    return filtered(filters.PublicCertificateFilter, selectors.public_certificate_list(), query)


@router.get(
    "public/certificates/{number}",
    response={200: PublicCertificateOut, **errors(400, 404)},
    auth=None,
    summary="按证件编号查询（公开）",
)
def public_certificate_get(request, number: str):
    return selectors.public_certificate_get(number)
