"""RFC 6962 / RFC 9162 Merkle trees in pure Python, and the outsider's verifier.

Leaf hash ``SHA-256(0x00 || leaf)``; node hash ``SHA-256(0x01 || left || right)``. The
tree of n leaves splits at k, the largest power of two smaller than n (RFC 6962 §2.1).

- Building: the compact range is the list of roots of the perfect subtrees that make up
  a tree of size n, largest first (one per 1-bit of n); appending a leaf merges equal
  subtrees (:func:`compact_append`). Each merge completes a perfect, aligned subtree;
  the audit log stores them so a proof needs O(log n) stored hashes, not every leaf.
- Proving: :func:`inclusion_ranges` (PATH) and :func:`consistency_ranges`
  (PROOF/SUBPROOF) name the subtrees ``[lo, hi)`` a proof lists, in the RFC's order;
  :func:`range_hash` computes MTH(D[lo:hi]) from perfect subtrees however they are
  stored. :func:`inclusion_proof` and :func:`consistency_proof` do both for a list.
- Verifying: :func:`verify_inclusion` and :func:`verify_consistency` follow RFC 9162
  §2.1.3.2 and §2.1.4.2 step by step.
- The last part (:func:`verify_inclusion_proof`, :func:`verify_consistency_proof`)
  checks the JSON that zhifa publishes (``/api/v1/audit/…``, ``zhifa audit proof``)
  against a checkpoint and the platform's Ed25519 public key. It needs only this file
  and the ``cryptography`` package, so anyone can copy it and check the log without
  access to the platform's database.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Sequence

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()

Range = tuple[int, int]
"""A contiguous run of leaves ``[lo, hi)``: the subtree whose hash is MTH(D[lo:hi])."""

PerfectHash = Callable[[int, int], bytes]
"""``perfect(level, index)``: the root of the perfect subtree of 2**level leaves starting
at leaf ``index * 2**level`` (level 0 is the leaf hash itself)."""


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def split_point(n: int) -> int:
    """k, the largest power of two smaller than ``n`` (n ≥ 2): where MTH splits D[n]."""
    if n < 2:
        raise ValueError("a tree splits only when it has at least two leaves")
    return 1 << ((n - 1).bit_length() - 1)


def _is_perfect(lo: int, hi: int) -> bool:
    n = hi - lo
    return n > 0 and n & (n - 1) == 0 and lo % n == 0


# --- Building the tree one leaf at a time -------------------------------------------


def compact_append_nodes(compact: list[bytes], size: int, leaf: bytes) -> tuple[list[bytes], list[bytes]]:
    """Append ``leaf`` (a leaf hash) to a tree of ``size`` with compact range ``compact``.

    Returns the new compact range and the perfect subtrees the append completed, level 1
    upward: the subtree at level L completed by leaf ``size`` is ``(L, size >> L)``.
    """
    stack = list(compact)
    completed = []
    node, n = leaf, size
    while n & 1:
        node = node_hash(stack.pop(), node)
        completed.append(node)
        n >>= 1
    stack.append(node)
    return stack, completed


def compact_append(compact: list[bytes], size: int, leaf: bytes) -> list[bytes]:
    """The compact range after appending ``leaf`` (a leaf hash) to a tree of ``size``."""
    return compact_append_nodes(compact, size, leaf)[0]


def compact_root(compact: list[bytes]) -> bytes:
    """The root hash of the tree whose compact range this is (largest subtree first)."""
    if not compact:
        return EMPTY_ROOT
    node = compact[-1]
    for left in reversed(compact[:-1]):
        node = node_hash(left, node)
    return node


def root(leaves: Sequence[bytes]) -> bytes:
    """MTH of a list of leaf hashes (RFC 6962 §2.1), computed in one pass."""
    compact: list[bytes] = []
    for size, leaf in enumerate(leaves):
        compact = compact_append(compact, size, leaf)
    return compact_root(compact)


# --- Which subtrees a proof lists (RFC 6962 §2.1.1, §2.1.2) --------------------------


def inclusion_ranges(index: int, size: int) -> list[Range]:
    """The subtrees of PATH(index, D[size]), deepest first, as in the RFC:

    PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n])      for m < k
    PATH(m, D[n]) = PATH(m - k, D[k:n]) : MTH(D[0:k])  for m ≥ k
    """
    if not 0 <= index < size:
        raise ValueError(f"leaf index {index} is outside a tree of size {size}")
    ranges: list[Range] = []
    lo, hi, m = 0, size, index
    while hi - lo > 1:
        k = split_point(hi - lo)
        if m < k:
            ranges.append((lo + k, hi))
            hi = lo + k
        else:
            ranges.append((lo, lo + k))
            lo, m = lo + k, m - k
    return ranges[::-1]


def consistency_ranges(first: int, second: int) -> list[Range]:
    """The subtrees of PROOF(first, D[second]) = SUBPROOF(first, D[second], true):

    SUBPROOF(m, D[m], true) = {};  SUBPROOF(m, D[m], false) = {MTH(D[m])}
    SUBPROOF(m, D[n], b) = SUBPROOF(m, D[0:k], b) : MTH(D[k:n])          for m ≤ k
    SUBPROOF(m, D[n], b) = SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])  for m > k

    The RFC defines it for 0 < first < second; first == second gives the empty proof (a
    tree is consistent with itself).
    """
    if not 0 < first <= second:
        raise ValueError(f"no consistency proof from size {first} to size {second}")
    ranges: list[Range] = []
    lo, hi, m, whole = 0, second, first, True
    while True:
        if m == hi - lo:
            if not whole:
                ranges.append((lo, hi))
            break
        k = split_point(hi - lo)
        if m <= k:
            ranges.append((lo + k, hi))
            hi = lo + k
        else:
            ranges.append((lo, lo + k))
            lo, m, whole = lo + k, m - k, False
    return ranges[::-1]


# --- Hashing a subtree from stored perfect subtrees ----------------------------------


def perfect_pieces(lo: int, hi: int) -> list[tuple[int, int]]:
    """The perfect aligned subtrees ``(level, index)`` that MTH(D[lo:hi]) is made of,
    following the RFC's split. Proof subtrees need O(log n) of them."""
    if hi - lo < 1:
        raise ValueError("an empty range has no subtrees")
    if _is_perfect(lo, hi):
        n = hi - lo
        return [(n.bit_length() - 1, lo // n)]
    k = split_point(hi - lo)
    return perfect_pieces(lo, lo + k) + perfect_pieces(lo + k, hi)


def range_hash(lo: int, hi: int, perfect: PerfectHash) -> bytes:
    """MTH(D[lo:hi]), from the roots of perfect subtrees given by ``perfect``."""
    if hi - lo < 1:
        raise ValueError("an empty range has no hash")
    if _is_perfect(lo, hi):
        n = hi - lo
        return perfect(n.bit_length() - 1, lo // n)
    k = split_point(hi - lo)
    return node_hash(range_hash(lo, lo + k, perfect), range_hash(lo + k, hi, perfect))


def perfect_from_leaves(leaves: Sequence[bytes]) -> PerfectHash:
    """``perfect(level, index)`` computed from a list of leaf hashes."""

    def perfect(level: int, index: int) -> bytes:
        width = 1 << level
        nodes = list(leaves[index * width : (index + 1) * width])
        if len(nodes) != width:
            raise IndexError(f"no perfect subtree ({level}, {index}) in {len(leaves)} leaves")
        while len(nodes) > 1:
            nodes = [node_hash(nodes[i], nodes[i + 1]) for i in range(0, len(nodes), 2)]
        return nodes[0]

    return perfect


def inclusion_proof(leaves: Sequence[bytes], index: int, size: int | None = None) -> list[bytes]:
    """PATH(index, D[size]) over the first ``size`` leaf hashes (all of them by default)."""
    size = len(leaves) if size is None else size
    perfect = perfect_from_leaves(leaves[:size])
    return [range_hash(lo, hi, perfect) for lo, hi in inclusion_ranges(index, size)]


def consistency_proof(leaves: Sequence[bytes], first: int, second: int | None = None) -> list[bytes]:
    """PROOF(first, D[second]) over the first ``second`` leaf hashes (all by default)."""
    second = len(leaves) if second is None else second
    perfect = perfect_from_leaves(leaves[:second])
    return [range_hash(lo, hi, perfect) for lo, hi in consistency_ranges(first, second)]


# --- Verifying (RFC 9162 §2.1.3.2 and §2.1.4.2) --------------------------------------


def _hashes(values) -> bool:
    return all(isinstance(v, bytes) and len(v) == HASH_SIZE for v in values)


def verify_inclusion(leaf: bytes, index: int, size: int, path: Sequence[bytes], root_hash: bytes) -> bool:
    """Does ``path`` prove that ``leaf`` (a leaf hash) is leaf ``index`` of the tree of
    ``size`` whose root is ``root_hash``? RFC 9162 §2.1.3.2."""
    if not _hashes([leaf, root_hash, *path]):
        return False
    # 1. leaf_index must be smaller than tree_size.
    if not 0 <= index < size:
        return False
    # 2.–3. fn = leaf_index, sn = tree_size - 1, r = hash.
    fn, sn, r = index, size - 1, leaf
    # 4. For each p in inclusion_path:
    for p in path:
        if sn == 0:  # a. the path is longer than the tree is deep
            return False
        if fn & 1 or fn == sn:  # b.
            r = node_hash(p, r)
            if not fn & 1:  # b.ii. skip the levels where this node has no sibling
                while not (fn & 1 or fn == 0):
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1  # c.
        sn >>= 1
    # 5. The whole path was used and it leads to the root.
    return sn == 0 and r == root_hash


def verify_consistency(first: int, second: int, first_hash: bytes, second_hash: bytes, path: Sequence[bytes]) -> bool:
    """Does ``path`` prove that the tree of size ``first`` with root ``first_hash`` is a
    prefix of the tree of size ``second`` with root ``second_hash``? RFC 9162 §2.1.4.2,
    for 0 < first < second; first == second needs an empty path and equal roots."""
    if not _hashes([first_hash, second_hash, *path]):
        return False
    if not 0 < first <= second:
        return False
    if first == second:
        return not path and first_hash == second_hash
    # 1. An empty path proves nothing.
    if not path:
        return False
    path = list(path)
    # 2. When first is a power of two, its root is a node of the second tree and the
    #    proof leaves it out.
    if first & (first - 1) == 0:
        path.insert(0, first_hash)
    # 3.
    fn, sn = first - 1, second - 1
    # 4. Skip the levels where the first tree's last node is a right child.
    while fn & 1:
        fn >>= 1
        sn >>= 1
    # 5.
    fr = sr = path[0]
    # 6.
    for c in path[1:]:
        if sn == 0:  # a.
            return False
        if fn & 1 or fn == sn:  # b.
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not (fn & 1 or fn == 0):
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1  # c.
        sn >>= 1
    # 7.
    return fr == first_hash and sr == second_hash and sn == 0


# --- Checking what zhifa publishes, as an outsider -----------------------------------
#
# A checkpoint says "the log had tree_size events and this root at this time", signed
# with the platform's Ed25519 key over the note below. An inclusion proof (JSON):
#   {"leaf_index", "tree_size", "leaf_hash", "audit_path": [hex…], "root_hash",
#    "checkpoint": {"tree_size", "root_hash", "time", "key_id", "signature", …}, …}
# A consistency proof: {"first_size", "second_size", "first_root", "second_root",
#    "consistency_path": [hex…], "first_checkpoint", "second_checkpoint", …}.
# Get the public key once, from a source you trust, and keep it: a proof carries a
# copy of the key only for convenience.


class ProofError(ValueError):
    """A proof, checkpoint or signature that does not verify; the message says why."""


def checkpoint_note(tree_size: int, root_hash: bytes, time_text: str) -> bytes:
    """The bytes a checkpoint's signature covers (a C2SP-style signed note body)."""
    return f"zhifa-audit\n{tree_size}\n{base64.b64encode(root_hash).decode()}\n{time_text}\n".encode()


def key_id_of(public_key_raw: bytes) -> str:
    return hashlib.sha256(public_key_raw).hexdigest()[:16]


def _public_key_raw(public_key) -> bytes:
    """The raw 32 bytes of an Ed25519 public key given as bytes, base64 text, the
    ``{"public_key": …}`` object zhifa publishes, or a ``cryptography`` key."""
    if isinstance(public_key, dict):
        public_key = public_key.get("public_key", "")
    if isinstance(public_key, str):
        try:
            public_key = base64.b64decode(public_key, validate=True)
        except ValueError:
            raise ProofError("公钥不是有效的 base64 文本。") from None
    if hasattr(public_key, "public_bytes_raw"):
        public_key = public_key.public_bytes_raw()
    if not isinstance(public_key, bytes) or len(public_key) != 32:
        raise ProofError("公钥应为 32 字节的 Ed25519 公钥。")
    return public_key


public_key_raw = _public_key_raw


def _hex_hash(value, what: str) -> bytes:
    try:
        raw = bytes.fromhex(value)
    except (TypeError, ValueError):
        raise ProofError(f"{what}不是十六进制哈希。") from None
    if len(raw) != HASH_SIZE:
        raise ProofError(f"{what}应为 32 字节。")
    return raw


def _size(value, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ProofError(f"{what}应为非负整数。")
    return value


def _load(proof) -> dict:
    if isinstance(proof, (str, bytes)):
        try:
            proof = json.loads(proof)
        except ValueError:
            raise ProofError("证明不是有效的 JSON。") from None
    if not isinstance(proof, dict):
        raise ProofError("证明应为 JSON 对象。")
    return proof


def _public_keys(public_key) -> dict[str, bytes]:
    """Raw keys by key id; a list gives several (the current key and those it replaced)."""
    keys = public_key if isinstance(public_key, (list, tuple)) else [public_key]
    raw = [_public_key_raw(k) for k in keys]
    if not raw:
        raise ProofError("没有提供公钥。")
    return {key_id_of(r): r for r in raw}


def verify_checkpoint(checkpoint: dict, public_key) -> dict:
    """Check a checkpoint's Ed25519 signature; return it (tree size, root hash, time).

    ``public_key`` is the platform's key, or a list of keys (after a key change)."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    keys = _public_keys(public_key)
    if not isinstance(checkpoint, dict):
        raise ProofError("缺少签名检查点。")
    size = _size(checkpoint.get("tree_size"), "检查点的树大小")
    root_hash = _hex_hash(checkpoint.get("root_hash"), "检查点的根哈希")
    time_text = checkpoint.get("time")
    if not isinstance(time_text, str) or "\n" in time_text:
        raise ProofError("检查点的时间无效。")
    kid = checkpoint.get("key_id")
    if kid is None and len(keys) == 1:
        kid = next(iter(keys))
    if kid not in keys:
        raise ProofError(f"检查点由另一把密钥（{kid}）签名，不是所给的公钥（{'、'.join(keys)}）。")
    raw_key = keys[kid]
    try:
        signature = base64.b64decode(checkpoint.get("signature") or "", validate=True)
        Ed25519PublicKey.from_public_bytes(raw_key).verify(signature, checkpoint_note(size, root_hash, time_text))
    except (ValueError, InvalidSignature):
        raise ProofError(f"树大小为 {size} 的检查点签名无效：检查点被改动或不是本平台签发。") from None
    return checkpoint


def verify_inclusion_proof(proof, public_key, *, event: bytes | None = None) -> dict:
    """Check an inclusion proof published by zhifa against its signed checkpoint.

    ``event`` (optional) is the event's canonical bytes, when you have them: then the
    leaf hash is recomputed from them rather than taken from the proof. Returns the
    verified checkpoint; raises :class:`ProofError` saying what failed.
    """
    proof = _load(proof)
    checkpoint = verify_checkpoint(proof.get("checkpoint"), public_key)
    index = _size(proof.get("leaf_index"), "叶序号")
    size = _size(proof.get("tree_size"), "树大小")
    if size != checkpoint["tree_size"]:
        raise ProofError(f"证明针对树大小 {size}，检查点却是 {checkpoint['tree_size']}。")
    root_hash = _hex_hash(checkpoint["root_hash"], "检查点的根哈希")
    if "root_hash" in proof and _hex_hash(proof["root_hash"], "根哈希") != root_hash:
        raise ProofError("证明中的根哈希与签名检查点不符。")
    leaf = _hex_hash(proof.get("leaf_hash"), "叶哈希")
    if event is not None and leaf_hash(event) != leaf:
        raise ProofError("事件内容的哈希与证明中的叶哈希不符：事件被改动。")
    path = proof.get("audit_path")
    if not isinstance(path, list):
        raise ProofError("缺少审计路径（audit_path）。")
    if not verify_inclusion(leaf, index, size, [_hex_hash(p, "审计路径节点") for p in path], root_hash):
        raise ProofError(f"包含证明无效：第 {index} 号事件不在树大小为 {size} 的签名树中。")
    return checkpoint


def verify_consistency_proof(proof, public_key, *, known_checkpoint: dict | None = None) -> tuple[dict, dict]:
    """Check a consistency proof published by zhifa: both checkpoints are signed and the
    second tree extends the first. ``known_checkpoint`` is one you kept earlier: it must
    be the proof's first checkpoint. Returns (first, second) checkpoints."""
    proof = _load(proof)
    first_cp = verify_checkpoint(proof.get("first_checkpoint"), public_key)
    second_cp = verify_checkpoint(proof.get("second_checkpoint"), public_key)
    first = _size(proof.get("first_size"), "第一棵树的大小")
    second = _size(proof.get("second_size"), "第二棵树的大小")
    if (first, second) != (first_cp["tree_size"], second_cp["tree_size"]):
        raise ProofError("证明的树大小与签名检查点不符。")
    first_root = _hex_hash(first_cp["root_hash"], "第一个根哈希")
    second_root = _hex_hash(second_cp["root_hash"], "第二个根哈希")
    for key, value in (("first_root", first_root), ("second_root", second_root)):
        if key in proof and _hex_hash(proof[key], "根哈希") != value:
            raise ProofError("证明中的根哈希与签名检查点不符。")
    if known_checkpoint is not None:
        known = verify_checkpoint(known_checkpoint, public_key)
        if known["tree_size"] != first or _hex_hash(known["root_hash"], "根哈希") != first_root:
            raise ProofError("证明的第一个检查点与您保存的检查点不同：日志被改写。")
    path = proof.get("consistency_path")
    if not isinstance(path, list):
        raise ProofError("缺少一致性路径（consistency_path）。")
    if not verify_consistency(first, second, first_root, second_root, [_hex_hash(p, "一致性路径节点") for p in path]):
        raise ProofError(f"一致性证明无效：树大小 {second} 的日志不是在树大小 {first} 的日志之后只追加而成。")
    return first_cp, second_cp


# --- Witness cosignatures (in the manner of C2SP tlog-cosignature) ------------------
#
# A witness that has checked a checkpoint (its signature, and that the tree extends
# the last one the witness signed) signs "cosignature/v1\ntime <unix seconds>\n"
# followed by the checkpoint's note, with its own Ed25519 key.


def cosignature_message(note: str | bytes, timestamp: int) -> bytes:
    """The bytes a witness's cosignature covers."""
    body = note.encode() if isinstance(note, str) else note
    return f"cosignature/v1\ntime {int(timestamp)}\n".encode() + body


def verify_cosignature(note: str | bytes, timestamp: int, signature: str, witness_key) -> None:
    """Raise :class:`ProofError` unless ``signature`` (base64) is ``witness_key``'s
    cosignature of ``note`` at ``timestamp``."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    raw = _public_key_raw(witness_key)
    try:
        Ed25519PublicKey.from_public_bytes(raw).verify(
            base64.b64decode(signature or "", validate=True), cosignature_message(note, timestamp)
        )
    except (ValueError, InvalidSignature, TypeError):
        raise ProofError("见证者的连署签名无效。") from None
