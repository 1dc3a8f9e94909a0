"""The Decision's clauses, loaded from ``data/decision/clauses.yaml``.

Every rule and every test cites clauses by their stable ID (``D3.8``). An ID that is
not in the file is a programming error and fails loudly (:class:`UnknownClause`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

CLAUSES_FILE = Path(__file__).resolve().parent.parent / "data" / "decision" / "clauses.yaml"
KINDS = ("rule", "feature", "principle", "offline")
_CN_NUMERALS = "零一二三四五六七八九十"


class UnknownClause(LookupError):
    """A clause ID that the Decision does not have."""


@dataclass(frozen=True)
class Clause:
    id: str
    kind: str
    gist: str
    text: str

    @property
    def label(self) -> str:
        """How a Chinese reader finds the clause: 《决定》三（八）."""
        m = re.fullmatch(r"D(\d+)(?:\.(\d+))?([a-z]?)", self.id)
        if not m:
            return f"《决定》{self.id}"
        part, item, para = m.groups()
        text = f"《决定》{_cn(int(part))}"
        if item:
            text += f"（{_cn(int(item))}）"
        if para:
            text += f"第{_cn(ord(para) - ord('a') + 1)}段"
        return text


def _cn(n: int) -> str:
    if n <= 10:
        return _CN_NUMERALS[n]
    if n < 20:
        return "十" + _CN_NUMERALS[n - 10]
    return _CN_NUMERALS[n // 10] + "十" + (_CN_NUMERALS[n % 10] if n % 10 else "")


@cache
def all_clauses() -> dict[str, Clause]:
    rows = yaml.safe_load(CLAUSES_FILE.read_text(encoding="utf-8"))
    result = {}
    for row in rows:
        if row["kind"] not in KINDS:
            raise ValueError(f"{row['id']}: unknown kind {row['kind']!r}")
        result[row["id"]] = Clause(row["id"], row["kind"], row["gist"], row["text"])
    return result


def clause(clause_id: str) -> Clause:
    try:
        return all_clauses()[clause_id]
    except KeyError:
        raise UnknownClause(f"《决定》没有条款 {clause_id!r}（见 clauses.yaml）") from None


def validate(clause_ids) -> tuple[str, ...]:
    """Return the IDs as a tuple, raising UnknownClause for any the Decision lacks."""
    if isinstance(clause_ids, str):
        clause_ids = (clause_ids,)
    for cid in clause_ids:
        clause(cid)
    return tuple(clause_ids)
