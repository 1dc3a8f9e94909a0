"""The random draw of a 双随机 plan: targets weighted by credit, inspectors at random,
reproducible from the published seed (D5.7: good credit, fewer inspections; D2.1: no
repeated inspection beyond the annual cap).

Pure: the same seed, candidates and inspectors give the same draw on any machine
(``random.Random`` seeded with a string is stable across Python versions 3.2+).
Targets are drawn without replacement by Efraimidis–Spirakis weighted sampling: each
candidate gets the key ``u ** (1 / weight)`` and the largest keys are drawn.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

#: The platform's named choice (no national rule fixes it): a party is drawn at most this
#: many times a year by one agency's random inspections.
ANNUAL_CAP = 2


@dataclass(frozen=True)
class Candidate:
    party_id: int
    weight: int  # from the credit grade: 1 good … 4 poor
    used: int = 0  # times drawn this year already


@dataclass(frozen=True)
class Drawn:
    party_id: int
    inspector_ids: tuple[int, ...]


def draw(
    seed: str, candidates: list[Candidate], n: int, inspector_ids: list[int], per_target: int, cap: int = ANNUAL_CAP
) -> list[Drawn]:
    rng = random.Random(f"zhifa-双随机:{seed}")
    eligible = sorted((c for c in candidates if c.used < cap and c.weight > 0), key=lambda c: c.party_id)
    keyed = [(rng.random() ** (1.0 / c.weight), c.party_id) for c in eligible]
    chosen = [pid for _key, pid in sorted(keyed, reverse=True)[:n]]
    pool = sorted(set(inspector_ids))
    return [Drawn(pid, tuple(sorted(rng.sample(pool, per_target)))) for pid in chosen]
