"""Discretion engine throughput: evaluations per second over the bundled standards.

Run: ``python -m benchmarks.discretion`` (or through the benchmarks package). The
engine is pure Python; this measures it alone, without the database.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta


def main(seconds: float = 2.0) -> float:
    from zhifa.discretion import engine

    versions = engine.load_files(engine.bundled_paths())
    codes = sorted({c for v in versions for c in v.items})
    rng = random.Random(20261125)
    cases = []
    for _ in range(500):
        act = date(2022, 1, 1) + timedelta(days=rng.randrange(0, 1400))
        facts = {
            "party_kind": rng.choice(["individual", "organisation"]),
            "harm": rng.choice(engine.HARM_LEVELS),
            "first_offence": rng.random() < 0.5,
            "corrected": rng.random() < 0.5,
            "minor": rng.random() < 0.2,
            "intent": rng.random() < 0.3,
            "egregious": rng.random() < 0.1,
            "cooperation": rng.random() < 0.3,
            "illegal_income": str(rng.randrange(0, 50000)),
            "goods_value": str(rng.randrange(0, 50000)),
        }
        cases.append((rng.choice(codes), act, act + timedelta(days=rng.randrange(0, 200)), facts, rng.randrange(0, 3)))
    done, refused = 0, 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for code, act, decided, facts, prior in cases:
            try:
                engine.propose(
                    versions, item_code=code, act_date=act, decision_date=decided, facts=facts, prior_violations=prior
                )
            except engine.DomainError:
                refused += 1  # no standard in force on that date (D3.6): still a full evaluation
            done += 1
    elapsed = time.perf_counter() - start
    rate = done / elapsed
    print(
        f"discretion engine: {done} evaluations in {elapsed:.2f}s = {rate:,.0f} evaluations/s "
        f"({refused} refused for want of a standard in force; {len(codes)} items, {len(versions)} versions)"
    )
    return rate


if __name__ == "__main__":
    main()
