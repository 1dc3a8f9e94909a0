"""The random draw (双随机): reproducible from its seed; over many draws better credit
means fewer inspections, and no enterprise exceeds the annual cap (D5.7, D2.1)."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from zhifa.credit.draw import ANNUAL_CAP, Candidate, draw

INSPECTORS = [11, 12, 13, 14, 15]


def test_the_same_seed_draws_the_same_targets_and_inspectors():
    cands = [Candidate(i, 1 + i % 3) for i in range(1, 40)]
    first = draw("2026-渝中市监-01", cands, 8, INSPECTORS, 2)
    assert first == draw("2026-渝中市监-01", list(reversed(cands)), 8, list(reversed(INSPECTORS)), 2)
    assert first != draw("2026-渝中市监-02", cands, 8, INSPECTORS, 2)
    assert len({d.party_id for d in first}) == 8
    assert all(len(set(d.inspector_ids)) == 2 for d in first)


def test_a_party_at_its_cap_is_not_drawn():
    cands = [Candidate(1, 4, used=ANNUAL_CAP), Candidate(2, 1)]
    assert [d.party_id for d in draw("s", cands, 2, INSPECTORS, 2)] == [2]


@settings(max_examples=40, deadline=None)
@given(seed=st.text(min_size=1, max_size=12), n=st.integers(min_value=1, max_value=6))
def test_over_many_draws_better_credit_means_fewer_inspections(seed, n):
    # 30 parties in three grades (weights 1, 2, 4); 300 plans with seeds derived from the one drawn.
    cands = [Candidate(i, (1, 2, 4)[i % 3]) for i in range(30)]
    counts = Counter()
    for k in range(300):
        for d in draw(f"{seed}/{k}", cands, n, INSPECTORS, 2, cap=10**6):
            counts[(1, 2, 4)[d.party_id % 3]] += 1
    assert counts[1] < counts[2] < counts[4]


@settings(max_examples=60, deadline=None)
@given(
    seed=st.text(max_size=8),
    weights=st.lists(st.sampled_from([1, 2, 4]), min_size=1, max_size=25),
    plans=st.lists(st.integers(min_value=1, max_value=10), min_size=1, max_size=8),
    cap=st.integers(min_value=1, max_value=3),
)
def test_no_enterprise_exceeds_the_annual_cap(seed, weights, plans, cap):
    used = Counter()
    for k, n in enumerate(plans):
        cands = [Candidate(i, w, used[i]) for i, w in enumerate(weights)]
        for d in draw(f"{seed}#{k}", cands, n, INSPECTORS, 2, cap=cap):
            used[d.party_id] += 1
    assert max(used.values(), default=0) <= cap
