"""The Merkle tree against RFC 6962 §2.1, written out here as the RFC states it.

Every tree size 1..70: the root; the inclusion proof of every leaf; the consistency
proof of every pair of sizes. Each proof verifies (RFC 9162 §2.1.3.2, §2.1.4.2) and no
altered proof does.
"""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhifa.core import merkle

# --- RFC 6962 §2.1, directly ---------------------------------------------------------


def HASH(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def largest_power_of_two_below(n: int) -> int:
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def MTH(D: list[bytes]) -> bytes:
    """The Merkle Tree Hash of a list of entries."""
    n = len(D)
    if n == 0:
        return HASH(b"")
    if n == 1:
        return HASH(b"\x00" + D[0])
    k = largest_power_of_two_below(n)
    return HASH(b"\x01" + MTH(D[:k]) + MTH(D[k:]))


def PATH(m: int, D: list[bytes]) -> list[bytes]:
    """The audit path of entry m."""
    n = len(D)
    if n == 1:
        return []
    k = largest_power_of_two_below(n)
    if m < k:
        return PATH(m, D[:k]) + [MTH(D[k:])]
    return PATH(m - k, D[k:]) + [MTH(D[:k])]


def SUBPROOF(m: int, D: list[bytes], b: bool) -> list[bytes]:
    n = len(D)
    if m == n:
        return [] if b else [MTH(D)]
    k = largest_power_of_two_below(n)
    if m <= k:
        return SUBPROOF(m, D[:k], b) + [MTH(D[k:])]
    return SUBPROOF(m - k, D[k:], False) + [MTH(D[:k])]


def PROOF(m: int, D: list[bytes]) -> list[bytes]:
    return SUBPROOF(m, D, True)


# --- The trees under test ------------------------------------------------------------

MAX = 70
ENTRIES = [bytes([i % 7]) * (i % 5) + i.to_bytes(2, "big") for i in range(MAX)]
LEAVES = [merkle.leaf_hash(d) for d in ENTRIES]
ROOTS = {n: MTH(ENTRIES[:n]) for n in range(1, MAX + 1)}
SIZES = range(1, MAX + 1)


def flipped(h: bytes, at: int = 0) -> bytes:
    return h[:at] + bytes([h[at] ^ 0x01]) + h[at + 1 :]


def test_hashes_are_domain_separated():
    assert merkle.leaf_hash(b"abc") == HASH(b"\x00abc")
    assert merkle.node_hash(b"a" * 32, b"b" * 32) == HASH(b"\x01" + b"a" * 32 + b"b" * 32)
    assert merkle.root([]) == HASH(b"") == merkle.EMPTY_ROOT


def test_the_split_is_the_largest_power_of_two_below_n():
    for n in range(2, 600):
        assert merkle.split_point(n) == largest_power_of_two_below(n)
    with pytest.raises(ValueError):
        merkle.split_point(1)


# Published test vectors of the Certificate Transparency reference implementation.
CT_ENTRIES = [
    bytes.fromhex(h)
    for h in ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]
]
CT_ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]


def test_certificate_transparency_test_vectors():
    leaves = [merkle.leaf_hash(d) for d in CT_ENTRIES]
    for n in range(1, 9):
        assert merkle.root(leaves[:n]).hex() == CT_ROOTS[n - 1]
    assert [p.hex()[:8] for p in merkle.inclusion_proof(leaves, 5)] == ["bc1a0643", "ca854ea1", "d37ee418"]
    assert [p.hex()[:8] for p in merkle.consistency_proof(leaves, 6)] == ["0ebc5d34", "ca854ea1", "d37ee418"]
    assert [p.hex()[:8] for p in merkle.consistency_proof(leaves, 2, 5)] == ["5f083f0a", "bc1a0643"]


@pytest.mark.parametrize("n", SIZES)
def test_root_of_every_size(n):
    assert merkle.root(LEAVES[:n]) == ROOTS[n]
    compact = []
    for size in range(n):
        compact = merkle.compact_append(compact, size, LEAVES[size])
    assert merkle.compact_root(compact) == ROOTS[n]
    assert len(compact) == bin(n).count("1")


@pytest.mark.parametrize("n", SIZES)
def test_inclusion_proof_of_every_leaf(n):
    leaves, root = LEAVES[:n], ROOTS[n]
    for m in range(n):
        path = merkle.inclusion_proof(leaves, m)
        assert path == PATH(m, ENTRIES[:n]), (m, n)
        assert merkle.verify_inclusion(leaves[m], m, n, path, root)

        # A changed byte anywhere in the path, or in the leaf or the root.
        for i, p in enumerate(path):
            for at in (0, 31):
                bad = path[:i] + [flipped(p, at)] + path[i + 1 :]
                assert not merkle.verify_inclusion(leaves[m], m, n, bad, root)
        assert not merkle.verify_inclusion(flipped(leaves[m]), m, n, path, root)
        assert not merkle.verify_inclusion(leaves[m], m, n, path, flipped(root, 17))
        # Truncated and extended paths.
        if path:
            assert not merkle.verify_inclusion(leaves[m], m, n, path[:-1], root)
            assert not merkle.verify_inclusion(leaves[m], m, n, path[1:], root)
        assert not merkle.verify_inclusion(leaves[m], m, n, path + [root], root)
        assert not merkle.verify_inclusion(leaves[m], m, n, path + [LEAVES[0]], root)
        assert not merkle.verify_inclusion(leaves[m], m, n, [leaves[m]] + path, root)
        # Another leaf's hash at this index.
        if n > 1:
            other = leaves[(m + 1) % n]
            assert not merkle.verify_inclusion(other, m, n, path, root)
        # Wrong index: out of range, or another position in the tree.
        assert not merkle.verify_inclusion(leaves[m], n, n, path, root)
        assert not merkle.verify_inclusion(leaves[m], -1, n, path, root)
        for wrong in {m - 1, m + 1, m ^ 1, m ^ 2, 0, n - 1} - {m}:
            if 0 <= wrong < n:
                assert not merkle.verify_inclusion(leaves[m], wrong, n, path, root), (m, wrong, n)
        # Wrong size, with that size's own root: valid only if that tree has the very
        # same path for this leaf (it never does here).
        for size in (n - 1, n + 1, 2 * n):
            if m < size <= MAX:
                expected = PATH(m, ENTRIES[:size]) == path
                assert merkle.verify_inclusion(leaves[m], m, size, path, ROOTS[size]) is expected
        # Wrong size with this root, where the shape of the path differs.
        for size in range(m + 1, MAX + 1):
            if len(merkle.inclusion_ranges(m, size)) != len(path):
                assert not merkle.verify_inclusion(leaves[m], m, size, path, root)
        # Another tree's root.
        if n > 1:
            assert not merkle.verify_inclusion(leaves[m], m, n, path, ROOTS[n - 1])


@pytest.mark.parametrize("n", SIZES)
def test_consistency_proof_of_every_pair(n):
    for m in range(1, n + 1):
        proof = merkle.consistency_proof(LEAVES[:n], m)
        assert proof == PROOF(m, ENTRIES[:n]), (m, n)
        assert merkle.verify_consistency(m, n, ROOTS[m], ROOTS[n], proof)
        if m == n:
            assert proof == []
            assert not merkle.verify_consistency(m, n, ROOTS[m], ROOTS[n], [ROOTS[m]])
            if n > 1:
                assert not merkle.verify_consistency(m, n, ROOTS[m - 1], ROOTS[n], proof)
            continue

        # Swapped, changed and foreign roots.
        assert not merkle.verify_consistency(m, n, ROOTS[n], ROOTS[m], proof)
        assert not merkle.verify_consistency(m, n, flipped(ROOTS[m], 5), ROOTS[n], proof)
        assert not merkle.verify_consistency(m, n, ROOTS[m], flipped(ROOTS[n], 30), proof)
        assert not merkle.verify_consistency(
            m, n, ROOTS[m], ROOTS[n - 1] if n - 1 > m else MTH(ENTRIES[:n][::-1]), proof
        )
        # A changed byte in each element.
        for i, p in enumerate(proof):
            for at in (0, 31):
                bad = proof[:i] + [flipped(p, at)] + proof[i + 1 :]
                assert not merkle.verify_consistency(m, n, ROOTS[m], ROOTS[n], bad)
        # Truncated, extended, empty, reordered.
        assert not merkle.verify_consistency(m, n, ROOTS[m], ROOTS[n], proof[:-1])
        assert not merkle.verify_consistency(m, n, ROOTS[m], ROOTS[n], proof[1:])
        assert not merkle.verify_consistency(m, n, ROOTS[m], ROOTS[n], proof + [ROOTS[m]])
        assert not merkle.verify_consistency(m, n, ROOTS[m], ROOTS[n], [ROOTS[m]] + proof)
        assert not merkle.verify_consistency(m, n, ROOTS[m], ROOTS[n], [])
        if len(proof) > 1 and proof[0] != proof[-1]:
            assert not merkle.verify_consistency(m, n, ROOTS[m], ROOTS[n], proof[::-1])
        # Wrong sizes, with those sizes' own roots: valid only when the RFC gives the
        # very same proof for them.
        for first, second in ((m - 1, n), (m + 1, n), (m, n - 1), (m, n + 1)):
            if 0 < first <= second <= MAX and (first, second) != (m, n):
                expected = first < second and PROOF(first, ENTRIES[:second]) == proof
                assert merkle.verify_consistency(first, second, ROOTS[first], ROOTS[second], proof) is expected
        assert not merkle.verify_consistency(0, n, merkle.EMPTY_ROOT, ROOTS[n], proof)
        assert not merkle.verify_consistency(n, m, ROOTS[n], ROOTS[m], proof)


def test_malformed_inputs_are_rejected_not_raised():
    path = merkle.inclusion_proof(LEAVES[:5], 2)
    assert not merkle.verify_inclusion(LEAVES[2], 2, 5, path + [b"short"], ROOTS[5])
    assert not merkle.verify_inclusion(LEAVES[2][:31], 2, 5, path, ROOTS[5])
    assert not merkle.verify_inclusion(LEAVES[2], 2, 0, path, ROOTS[5])
    assert not merkle.verify_consistency(3, 5, ROOTS[3], ROOTS[5], ["not bytes"])
    with pytest.raises(ValueError):
        merkle.inclusion_ranges(5, 5)
    with pytest.raises(ValueError):
        merkle.consistency_ranges(0, 5)
    with pytest.raises(ValueError):
        merkle.consistency_ranges(6, 5)


def test_each_append_completes_the_perfect_subtrees_that_proofs_read():
    """compact_append_nodes returns the subtrees (level L, index size >> L) it
    completes; proofs built from those alone equal the RFC's."""
    stored = {(0, i): leaf for i, leaf in enumerate(LEAVES)}
    compact: list[bytes] = []
    for size, leaf in enumerate(LEAVES):
        compact, completed = merkle.compact_append_nodes(compact, size, leaf)
        for level, node in enumerate(completed, start=1):
            index = size >> level
            assert ((index + 1) << level) - 1 == size
            assert node == MTH(ENTRIES[index << level : (index + 1) << level])
            stored[(level, index)] = node
    perfect = lambda level, index: stored[(level, index)]  # noqa: E731
    for n in SIZES:
        assert merkle.range_hash(0, n, perfect) == ROOTS[n]
        for m in range(n):
            assert [merkle.range_hash(lo, hi, perfect) for lo, hi in merkle.inclusion_ranges(m, n)] == PATH(
                m, ENTRIES[:n]
            )
        for m in range(1, n + 1):
            ranges = merkle.consistency_ranges(m, n)
            assert [merkle.range_hash(lo, hi, perfect) for lo, hi in ranges] == PROOF(m, ENTRIES[:n])
            # A proof needs few stored subtrees: at most two per level.
            pieces = {p for lo, hi in ranges for p in merkle.perfect_pieces(lo, hi)}
            assert len(pieces) <= 2 * max(n.bit_length(), 1)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=3000), st.data())
def test_large_trees_agree_with_the_rfc(n, data):
    entries = [i.to_bytes(4, "big") for i in range(n)]
    leaves = [merkle.leaf_hash(e) for e in entries]
    root = merkle.root(leaves)
    assert root == MTH(entries)
    m = data.draw(st.integers(min_value=0, max_value=n - 1))
    path = merkle.inclusion_proof(leaves, m)
    assert path == PATH(m, entries)
    assert merkle.verify_inclusion(leaves[m], m, n, path, root)
    first = data.draw(st.integers(min_value=1, max_value=n))
    proof = merkle.consistency_proof(leaves, first)
    assert proof == PROOF(first, entries)
    assert merkle.verify_consistency(first, n, merkle.root(leaves[:first]), root, proof)
    if proof:
        i = data.draw(st.integers(min_value=0, max_value=len(proof) - 1))
        bad = proof[:i] + [flipped(proof[i], data.draw(st.integers(0, 31)))] + proof[i + 1 :]
        assert not merkle.verify_consistency(first, n, merkle.root(leaves[:first]), root, bad)
