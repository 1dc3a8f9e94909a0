"""A witness of the audit log, in the manner of the transparency-dev witness protocol.

A separate process, on a machine the platform's database owner does not control, with
its own Ed25519 key and its own storage (a directory: ``witness.key`` and
``witness.sqlite3``; never the platform's database). Each round it:

1. fetches the latest signed checkpoint over HTTP (``GET /api/v1/audit/checkpoints/latest``)
   and checks the platform's signature with the log key pinned when the witness was set up;
2. refuses a tree smaller than the last one it cosigned (the log was truncated) or of the
   same size with another root (the log was rewritten);
3. fetches the consistency proof from the size it last cosigned
   (``GET /api/v1/audit/proofs/consistency?first=M&second=N``) and verifies it: the new tree
   must extend the old one, or the history was rewritten;
4. cosigns the checkpoint's note (``cosignature/v1``, :func:`zhifa.core.merkle.cosignature_message`),
   stores it, and posts it back (``POST /api/v1/audit/cosignatures``), where the platform
   serves the latest cosigned checkpoint (``GET /api/v1/audit/checkpoints/cosigned``).

A refusal is kept in the witness's storage (``alarms``) with the checkpoint that caused it,
and the round fails: whoever runs the witness sees it, and the platform never gets a
cosignature for the rewritten log. It imports no Django: ``python -m zhifa.core.witness``
runs it with only this package, ``cryptography`` and the standard library (``zhifa witness``
is the same with the platform's command).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sqlite3
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from zhifa.core import merkle

CHECKPOINT_PATH = "/api/v1/audit/checkpoints/latest"
CONSISTENCY_PATH = "/api/v1/audit/proofs/consistency"
COSIGNATURE_PATH = "/api/v1/audit/cosignatures"
PUBLIC_KEY_PATH = "/api/v1/audit/public-key"

SCHEMA = """
CREATE TABLE IF NOT EXISTS config (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cosigned (
    tree_size INTEGER PRIMARY KEY, root_hash TEXT NOT NULL, checkpoint TEXT NOT NULL,
    timestamp INTEGER NOT NULL, signature TEXT NOT NULL, posted INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS alarms (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, reason TEXT NOT NULL, evidence TEXT NOT NULL
);
"""


class WitnessError(Exception):
    """A checkpoint the witness refuses to cosign; the message says why (Chinese)."""


class TransportError(Exception):
    """The platform could not be reached or answered with an error."""


# --- Transport ------------------------------------------------------------------------


class HttpTransport:
    """JSON over HTTP(S) to the platform's public API (standard library only)."""

    def __init__(self, base_url: str, timeout: float = 30):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def _open(self, request):
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            body = error.read().decode("utf-8", "replace")[:500]
            raise TransportError(f"平台答复 {error.code}：{body}") from None
        except (urllib.error.URLError, OSError, ValueError) as error:
            raise TransportError(f"无法连接平台：{error}") from None

    def get(self, path: str, params: dict | None = None) -> dict:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        return self._open(urllib.request.Request(self.base_url + path + query, headers={"Accept": "application/json"}))

    def post(self, path: str, body: dict) -> dict:
        data = json.dumps(body).encode("utf-8")
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        return self._open(urllib.request.Request(self.base_url + path, data=data, headers=headers, method="POST"))


# --- Storage --------------------------------------------------------------------------


@dataclass(frozen=True)
class Cosigned:
    tree_size: int
    root_hash: str
    checkpoint: dict
    timestamp: int
    signature: str


class Store:
    """The witness's own directory: its key and its SQLite file."""

    def __init__(self, directory: str | os.PathLike):
        self.dir = Path(directory)
        self.key_path = self.dir / "witness.key"
        self.db_path = self.dir / "witness.sqlite3"

    # set-up
    def init(self, *, name: str, log_public_key: str) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        if not self.key_path.exists():
            seed = os.urandom(32)
            fd = os.open(self.key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(base64.b64encode(seed).decode())
        raw = merkle.public_key_raw(log_public_key)
        with self._db() as db:
            existing = dict(db.execute("SELECT key, value FROM config"))
            pinned = existing.get("log_public_key")
            if pinned and pinned != base64.b64encode(raw).decode():
                raise WitnessError("此见证者已固定了另一把平台公钥；更换平台公钥须新建见证者目录。")
            db.execute("INSERT OR REPLACE INTO config VALUES ('name', ?)", (name,))
            db.execute("INSERT OR REPLACE INTO config VALUES ('log_public_key', ?)", (base64.b64encode(raw).decode(),))

    def _db(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.db_path)
        db.executescript(SCHEMA)
        return db

    def config(self) -> dict:
        if not self.db_path.exists():
            raise WitnessError(f"见证者目录 {self.dir} 尚未初始化（zhifa witness init）。")
        with self._db() as db:
            return dict(db.execute("SELECT key, value FROM config"))

    # keys
    def private_key(self) -> Ed25519PrivateKey:
        try:
            seed = base64.b64decode(self.key_path.read_text().strip())
        except (OSError, ValueError):
            raise WitnessError(f"读不到见证者私钥 {self.key_path}。") from None
        return Ed25519PrivateKey.from_private_bytes(seed)

    def public_key(self) -> str:
        raw = self.private_key().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return base64.b64encode(raw).decode()

    def name(self) -> str:
        return self.config().get("name", "witness")

    def log_public_key(self) -> str:
        key = self.config().get("log_public_key")
        if not key:
            raise WitnessError("见证者尚未固定平台公钥（zhifa witness init --log-key …）。")
        return key

    # checkpoints
    def last(self) -> Cosigned | None:
        with self._db() as db:
            row = db.execute(
                "SELECT tree_size, root_hash, checkpoint, timestamp, signature FROM cosigned ORDER BY tree_size DESC LIMIT 1"
            ).fetchone()
        return Cosigned(row[0], row[1], json.loads(row[2]), row[3], row[4]) if row else None

    def save(self, c: Cosigned) -> None:
        with self._db() as db:
            db.execute(
                "INSERT OR IGNORE INTO cosigned (tree_size, root_hash, checkpoint, timestamp, signature) VALUES (?,?,?,?,?)",
                (c.tree_size, c.root_hash, json.dumps(c.checkpoint), c.timestamp, c.signature),
            )

    def mark_posted(self, tree_size: int) -> None:
        with self._db() as db:
            db.execute("UPDATE cosigned SET posted = 1 WHERE tree_size = ?", (tree_size,))

    def alarm(self, reason: str, evidence: dict) -> None:
        with self._db() as db:
            db.execute(
                "INSERT INTO alarms (at, reason, evidence) VALUES (?,?,?)",
                (int(time.time()), reason, json.dumps(evidence, ensure_ascii=False)),
            )

    def alarms(self) -> list[tuple[int, str]]:
        with self._db() as db:
            return list(db.execute("SELECT at, reason FROM alarms ORDER BY id"))


# --- One round ------------------------------------------------------------------------


def cosignature_body(store: Store, c: Cosigned) -> dict:
    return {
        "witness_name": store.name(),
        "witness_key": store.public_key(),
        "tree_size": c.tree_size,
        "root_hash": c.root_hash,
        "timestamp": c.timestamp,
        "signature": c.signature,
    }


def _refuse(store: Store, reason: str, evidence: dict) -> None:
    store.alarm(reason, evidence)
    raise WitnessError(reason)


def witness_once(store: Store, transport, *, now: int | None = None, post: bool = True) -> Cosigned:
    """Check the platform's latest checkpoint against the last one cosigned and cosign it.

    Raises :class:`WitnessError` (and records an alarm) for a truncated or rewritten log
    or a checkpoint that is not the platform's; :class:`TransportError` when the platform
    cannot be reached (nothing is cosigned then)."""
    log_key = store.log_public_key()
    checkpoint = transport.get(CHECKPOINT_PATH)
    try:
        merkle.verify_checkpoint(checkpoint, log_key)
    except merkle.ProofError as error:
        _refuse(store, f"平台的最新检查点未通过签名校验：{error}", {"checkpoint": checkpoint})
    size, root = checkpoint["tree_size"], checkpoint["root_hash"]
    last = store.last()
    if last is not None:
        if size < last.tree_size:
            _refuse(
                store,
                f"日志被截短：平台现在的树大小为 {size}，本见证者已连署过树大小 {last.tree_size}。",
                {"checkpoint": checkpoint, "cosigned": last.checkpoint},
            )
        if size == last.tree_size:
            if root != last.root_hash:
                _refuse(
                    store,
                    f"日志被改写：树大小 {size} 出现了与已连署的不同的根哈希。",
                    {"checkpoint": checkpoint, "cosigned": last.checkpoint},
                )
            if post:
                _post(store, transport, last)
            return last
        proof = transport.get(CONSISTENCY_PATH, {"first": last.tree_size, "second": size})
        try:
            merkle.verify_consistency_proof(proof, log_key, known_checkpoint=last.checkpoint)
        except merkle.ProofError as error:
            _refuse(
                store,
                f"日志被改写：树大小 {size} 的日志不是在已连署的树大小 {last.tree_size} 之后只追加而成（{error}）",
                {"checkpoint": checkpoint, "cosigned": last.checkpoint, "proof": proof},
            )
        if proof["second_checkpoint"]["root_hash"] != root:
            _refuse(
                store, "一致性证明针对的检查点与平台公布的最新检查点不同。", {"checkpoint": checkpoint, "proof": proof}
            )
    timestamp = int(time.time() if now is None else now)
    signature = store.private_key().sign(merkle.cosignature_message(checkpoint["note"], timestamp))
    cosigned = Cosigned(size, root, checkpoint, timestamp, base64.b64encode(signature).decode())
    store.save(cosigned)
    if post:
        _post(store, transport, cosigned)
    return cosigned


def _post(store: Store, transport, c: Cosigned) -> None:
    transport.post(COSIGNATURE_PATH, cosignature_body(store, c))
    store.mark_posted(c.tree_size)


# --- Command line ---------------------------------------------------------------------


def build_parser(prog: str = "zhifa witness") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="审计日志的见证者：核验检查点的一致性并连署。")
    parser.add_argument("--dir", required=True, help="见证者自己的目录（私钥与 SQLite 文件），不在平台的服务器上")
    sub = parser.add_subparsers(dest="action", required=True)
    init = sub.add_parser("init", help="生成见证者密钥，固定平台公钥")
    init.add_argument("--name", required=True, help="见证者名称，例如“重庆市审计局见证节点”")
    init.add_argument("--log-key", help="平台公钥（base64）；缺省时从 --url 取得，请与平台另行公布的公钥核对")
    init.add_argument("--url", help="平台地址，例如 https://zhifa.example.gov.cn")
    run = sub.add_parser("run", help="取最新检查点，核验一致性并连署")
    run.add_argument("--url", required=True, help="平台地址")
    run.add_argument("--interval", type=float, default=0, help="每隔若干秒重复一次（缺省只运行一次）")
    run.add_argument("--no-post", action="store_true", help="只在本地保存连署，不回传平台")
    sub.add_parser("status", help="最近连署的检查点与告警")
    sub.add_parser("public-key", help="见证者公钥（平台以 ZHIFA_AUDIT_WITNESSES 登记）")
    return parser


def main(argv=None, *, transport_factory=HttpTransport, out=sys.stdout) -> int:
    opts = build_parser().parse_args(argv)
    store = Store(opts.dir)
    try:
        if opts.action == "init":
            key = opts.log_key
            if not key:
                if not opts.url:
                    raise WitnessError("请以 --log-key 给出平台公钥，或以 --url 从平台取得。")
                key = transport_factory(opts.url).get(PUBLIC_KEY_PATH)["public_key"]
            store.init(name=opts.name, log_public_key=key)
            print(f"见证者“{opts.name}”已初始化：{store.dir}", file=out)
            print(f"平台公钥（已固定，请与平台公布的核对）：{key}", file=out)
            print(f"见证者公钥（交平台登记）：{store.public_key()}", file=out)
            return 0
        if opts.action == "public-key":
            print(store.public_key(), file=out)
            return 0
        if opts.action == "status":
            last = store.last()
            print(f"见证者：{store.name()}，公钥 {store.public_key()}", file=out)
            print(f"最近连署：树大小 {last.tree_size}，根哈希 {last.root_hash}" if last else "尚未连署", file=out)
            for at, reason in store.alarms():
                print(f"告警 {time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(at))}：{reason}", file=out)
            return 1 if store.alarms() else 0
        transport = transport_factory(opts.url)
        while True:
            try:
                cosigned = witness_once(store, transport, post=not opts.no_post)
                print(f"已连署：树大小 {cosigned.tree_size}，根哈希 {cosigned.root_hash}", file=out)
            except TransportError as error:
                if not opts.interval:
                    raise
                print(str(error), file=sys.stderr)  # the platform is away: try again next round
            if not opts.interval:
                return 0
            time.sleep(opts.interval)
    except WitnessError as error:
        print(f"拒绝连署：{error}", file=sys.stderr)
        return 2
    except TransportError as error:
        print(str(error), file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
