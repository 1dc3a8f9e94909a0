"""What ``zhifa clauses`` reports: for each clause of the Decision, its kind, the rules
that enforce it and the tests that check it.

Tests declare the clause they check with ``@pytest.mark.clause("D3.8")`` (on the
function, its class, or ``pytestmark``). A rule counts as tested when a test marked
with one of its clauses names the rule: its code as a string (the refusal code the
test asserts) or the function itself. Tests are found by reading their source, so the
report needs neither a database nor a test run.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from zhifa.core.clauses import all_clauses
from zhifa.core.rules import load_all_rules

ROOT = Path(__file__).resolve().parent.parent.parent


@dataclass
class TestRef:
    nodeid: str
    clauses: set[str]
    names: set[str] = field(default_factory=set)


def _clause_marks(decorators) -> set[str]:
    found: set[str] = set()
    for node in decorators:
        for call in ast.walk(node):
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "clause"
                and isinstance(call.func.value, ast.Attribute)
                and call.func.value.attr == "mark"
            ):
                found |= {a.value for a in call.args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    return found


def _names(node) -> set[str]:
    names: set[str] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and len(sub.value) < 80:
            names.add(sub.value)
        elif isinstance(sub, ast.Name):
            names.add(sub.id)
        elif isinstance(sub, ast.Attribute):
            names.add(sub.attr)
    return names


def _test_files(root: Path):
    for base in (root / "zhifa", root / "tests"):
        if base.exists():
            yield from sorted(p for p in base.rglob("test_*.py") if ".venv" not in p.parts)


def collect_tests(root: Path = ROOT) -> list[TestRef]:
    refs: list[TestRef] = []
    for path in _test_files(root):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        rel = path.relative_to(root).as_posix()
        module_marks: set[str] = set()
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "pytestmark" for t in node.targets
            ):
                module_marks |= _clause_marks([node.value])

        def visit(body, prefix: str, inherited: set[str]):
            for node in body:
                if isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
                    visit(node.body, f"{prefix}::{node.name}", inherited | _clause_marks(node.decorator_list))
                elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
                    marks = inherited | _clause_marks(node.decorator_list)
                    refs.append(TestRef(f"{prefix}::{node.name}", marks, _names(node)))

        visit(tree.body, rel, module_marks)
    return refs


@dataclass
class Report:
    rows: list[dict]
    unknown_in_tests: list[tuple[str, str]]
    untested_rules: list[str]
    bad_citations: list[str]

    @property
    def ok(self) -> bool:
        return not (self.unknown_in_tests or self.untested_rules or self.bad_citations)


def build(root: Path = ROOT) -> Report:
    from zhifa.core.lawtext import UnknownCitation, resolve

    rules = load_all_rules()
    tests = collect_tests(root)
    clauses = all_clauses()
    rows = []
    for cid, c in clauses.items():
        rule_codes = sorted(code for code, r in rules.items() if cid in r.clauses)
        test_ids = sorted(t.nodeid for t in tests if cid in t.clauses)
        rows.append({"id": cid, "kind": c.kind, "rules": rule_codes, "tests": test_ids})
    unknown = [(t.nodeid, c) for t in tests for c in sorted(t.clauses) if c not in clauses]
    untested = sorted(
        code for code, r in rules.items() if not any(set(r.clauses) & t.clauses and code in t.names for t in tests)
    )
    bad = []
    for r in rules.values():
        for citation in r.law:
            try:
                resolve(citation)
            except UnknownCitation as exc:
                bad.append(f"{r.qualname}: {exc}")
    return Report(rows, unknown, untested, bad)
