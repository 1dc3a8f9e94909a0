"""The audit log over HTTP, at /api/v1/audit/.

Checkpoints, the public key and the proofs are public (no login): with them and
:mod:`zhifa.core.merkle` anyone can check that the log only grows and that an event
they were shown is in it, without access to the database. The events' contents are for
logged-in users, within their scope (:func:`zhifa.core.audit.event_list`).
"""

from datetime import date, datetime

from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from zhifa.core import audit, merkle
from zhifa.core.api_schemas import described, errors

router = Router(tags=["审计日志"])


class CheckpointOut(Schema):
    tree_size: int
    root_hash: str
    time: str
    key_id: str
    signature: str
    note: str


class PublicKeyOut(Schema):
    algorithm: str
    key_id: str
    public_key: str
    pem: str


class InclusionProofOut(Schema):
    leaf_index: int
    tree_size: int
    leaf_hash: str
    audit_path: list[str]
    root_hash: str
    checkpoint: CheckpointOut
    public_key: PublicKeyOut


class ConsistencyProofOut(Schema):
    first_size: int
    second_size: int
    first_root: str
    second_root: str
    consistency_path: list[str]
    first_checkpoint: CheckpointOut
    second_checkpoint: CheckpointOut
    public_key: PublicKeyOut


class EventOut(Schema):
    seq: int
    time: datetime
    actor_id: int | None
    actor_label: str
    act: str
    object_type: str
    object_id: str
    object_repr: str
    agency_id: int | None
    changes: dict
    clauses: list[str]
    leaf_hash: str


class EventDetailOut(EventOut):
    leaf: str
    leaf_matches: bool


@described(
    witness_name="见证者名称（平台登记的）",
    witness_key_id="见证者公钥标识（公钥 SHA-256 的前 16 位十六进制）",
    witness_key="见证者的 Ed25519 公钥（base64）",
    tree_size="所连署的检查点的树大小",
    timestamp="连署时间（Unix 秒）",
    signature="连署签名（base64），覆盖 “cosignature/v1\\ntime <时间>\\n” 加检查点的签名文本",
)
class CosignatureOut(Schema):
    witness_name: str
    witness_key_id: str
    witness_key: str
    tree_size: int
    timestamp: int
    signature: str


@described(checkpoint="平台签名的检查点", cosignatures="登记的见证者对它的连署")
class CosignedCheckpointOut(Schema):
    checkpoint: CheckpointOut
    cosignatures: list[CosignatureOut]


@described(
    witness_name="见证者自报的名称（以平台登记的为准）",
    witness_key="见证者的 Ed25519 公钥（base64），须已在平台登记",
    tree_size="所连署的检查点的树大小",
    root_hash="所连署的检查点的根哈希（十六进制）",
    timestamp="连署时间（Unix 秒）",
    signature="连署签名（base64）",
)
class CosignatureIn(Schema):
    witness_name: str = ""
    witness_key: str
    tree_size: int
    root_hash: str
    timestamp: int
    signature: str


@router.get(
    "checkpoints/cosigned",
    response={200: CosignedCheckpointOut, **errors(404)},
    auth=None,
    summary="最新的经见证者连署的检查点",
    description="见证者（zhifa witness）核验了它与此前连署的检查点一致（日志只追加、未被截短或改写）后连署。",
)
def checkpoint_cosigned(request):
    return audit.cosigned_checkpoint()


@router.post(
    "cosignatures",
    response={200: CosignatureOut, **errors(400, 404, 409)},
    auth=None,
    summary="见证者提交连署",
    description="无须登录：以平台登记的见证者公钥核验连署签名（ZHIFA_AUDIT_WITNESSES）。",
)
def cosignature_post(request, body: CosignatureIn):
    with audit.atomic():
        return audit.cosignature_info(audit.cosignature_add(**body.dict()))


@router.get("checkpoints/latest", response=CheckpointOut, auth=None, summary="最新的签名检查点")
def checkpoint_latest(request):
    return audit.checkpoint_info(audit.checkpoint_at(None))


@router.get(
    "checkpoints/{tree_size}",
    response={200: CheckpointOut, **errors(400, 404)},
    auth=None,
    summary="树大小为 N 的签名检查点",
)
def checkpoint_get(request, tree_size: int):
    return audit.checkpoint_info(audit.checkpoint_at(tree_size))


@router.get("public-key", response=PublicKeyOut, auth=None, summary="签署检查点的 Ed25519 公钥")
def public_key(request):
    return audit.public_key_info()


@router.get(
    "proofs/inclusion/{seq}",
    response={200: InclusionProofOut, **errors(400, 404)},
    auth=None,
    summary="第 N 号事件的包含证明",
    description="RFC 6962 审计路径。tree_size 缺省时针对最新的签名检查点。",
)
def inclusion_proof(request, seq: int, tree_size: int | None = None):
    return audit.inclusion_proof(seq, tree_size)


@router.get(
    "proofs/consistency",
    response={200: ConsistencyProofOut, **errors(400)},
    auth=None,
    summary="树大小 M 到 N 的一致性证明",
    description="RFC 6962 一致性证明：较晚的树只是在较早的树之后追加而成。second 缺省时为最新的签名检查点。",
)
def consistency_proof(request, first: int, second: int | None = None):
    return audit.consistency_proof(first, second)


@router.get("events", response={200: list[EventOut], **errors(400, 401)}, summary="审计事件（本人可见范围）")
@paginate(LimitOffsetPagination)
def event_list(
    request,
    act: str | None = None,
    actor: str | None = None,
    object_type: str | None = None,
    object_id: str | None = None,
    since: date | None = None,
    until: date | None = None,
    from_seq: int | None = None,
):
    return audit.filter_events(
        audit.event_list(request.auth).order_by("seq"),
        act=act,
        actor=actor,
        object_type=object_type,
        object_id=object_id,
        since=since,
        until=until,
        from_seq=from_seq,
    )


@router.get(
    "events/{seq}",
    response={200: EventDetailOut, **errors(400, 401, 404)},
    summary="审计事件",
    description="leaf 是事件的规范字节（UTF-8 JSON），leaf_hash = SHA-256(0x00 ‖ leaf)。",
)
def event_get(request, seq: int):
    event = audit.event_get(request.auth, seq)
    leaf = audit.event_bytes(event)
    event.leaf = leaf.decode("utf-8")
    event.leaf_matches = merkle.leaf_hash(leaf).hex() == event.leaf_hash
    return event
