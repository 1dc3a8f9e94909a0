"""The bridge to the discretion engine (zhifa.discretion), when it is installed.

The engine proposes the outcome for the recorded circumstances from the benchmark; the
report keeps its proposal (and explanation) beside the amount the officer proposes.
Until the engine exists, or when it has no benchmark for the item, the report records
the circumstances and the officer's own proposal only.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from zhifa.core.audit import _plain
from zhifa.core.errors import DomainError


def _engine():
    try:
        from zhifa.discretion import services
    except ImportError:
        return None
    return getattr(services, "propose", None)


def propose(case, circumstances: dict, on: date) -> dict:
    engine = _engine()
    if engine is None or case.violation_item is None or case.act_date is None:
        return {}
    facts = {k: v for k, v in circumstances.items() if k != "prior_violations"}
    try:
        result = engine(item_code=case.violation_item.code, act_date=case.act_date, decision_date=on, facts=facts,
                        prior_violations=int(circumstances.get("prior_violations", 0) or 0))
    except DomainError as exc:
        return {"unavailable": exc.message}
    except (LookupError, ValueError, TypeError) as exc:
        return {"unavailable": str(exc)}
    if dataclasses.is_dataclass(result):
        result = dataclasses.asdict(result)
    elif hasattr(result, "as_dict"):
        result = result.as_dict()
    elif not isinstance(result, dict):
        result = {"proposal": str(result)}
    return _plain(result)
