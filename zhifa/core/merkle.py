"""RFC 6962 / RFC 9162 Merkle tree hashing, in pure Python.

Leaf hash ``SHA-256(0x00 || leaf)``; node hash ``SHA-256(0x01 || left || right)``.
The compact range is the list of roots of the perfect subtrees that make up a tree of
size n, largest first (one per 1-bit of n); appending a leaf merges equal subtrees.
"""

from __future__ import annotations

import hashlib

EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def compact_append(compact: list[bytes], size: int, leaf: bytes) -> list[bytes]:
    """The compact range after appending ``leaf`` (a leaf hash) to a tree of ``size``."""
    stack = list(compact)
    node, n = leaf, size
    while n & 1:
        node = node_hash(stack.pop(), node)
        n >>= 1
    stack.append(node)
    return stack


def compact_root(compact: list[bytes]) -> bytes:
    """The root hash of the tree whose compact range this is (largest subtree first)."""
    if not compact:
        return EMPTY_ROOT
    node = compact[-1]
    for left in reversed(compact[:-1]):
        node = node_hash(left, node)
    return node
