"""What ``zhifa clauses`` reports: for each clause of the Decision, its kind, the rules
that enforce it and the tests that check it.

Tests declare the clause they check with ``@pytest.mark.clause("D3.8")`` (on the
function, its class, or ``pytestmark``). A rule counts as tested only when a test marked
with one of its clauses *breaks* it, that is asserts its refusal:

- ``assert_refused(excinfo, "D3.8", code="two_certified_officers")`` or
  ``assert_api_refused(resp, 422, clause="D3.8", code="two_certified_officers")``: the
  rule's code in an assertion of a refusal;
- the same assertions naming only a clause (``assert_api_refused(resp, 422,
  clause="D3.8")``), when the test also names the rule or the rule is the only one
  citing that clause;
- a comparison of a refusal's code with the rule's (``exc.value.code == "…"``,
  ``body["code"] == "…"``);
- ``pytest.raises(...)`` in a test that names the rule (its code or the function);
- the rule called in an ``assert`` that expects a violation (``assert rules.x(...)``,
  ``assert rules.x(...) is not None``, ``assert rules.x(...).code == …``).

A test that merely names the rule (say, to check it passes) does not count. Tests are
found by reading their source, so the report needs neither a database nor a test run.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from zhifa.core.clauses import all_clauses
from zhifa.core.lawtext import UnknownCitation, resolve
from zhifa.core.rules import Rule, load_all_rules

ROOT = Path(__file__).resolve().parent.parent.parent

#: The helpers that assert a refusal, and where each takes the clause positionally.
REFUSAL_ASSERTIONS = {"assert_refused": 1, "assert_api_refused": 2}


@dataclass
class TestRef:
    nodeid: str
    clauses: set[str]
    names: set[str] = field(default_factory=set)
    #: Codes a refusal is asserted to carry (``code=`` of the assertion helpers, ``.code == "…"``).
    refused_codes: set[str] = field(default_factory=set)
    #: Clauses a refusal is asserted to name (``clause=`` or positional) where no code is asserted.
    refused_clauses: set[str] = field(default_factory=set)
    #: Whether the test expects an exception (``pytest.raises``).
    raises: bool = False
    #: Rules (by function name) called inside an ``assert`` that expects a violation.
    asserted_calls: set[str] = field(default_factory=set)

    def breaks(self, rule: Rule, only_rule_of: set[str] = frozenset()) -> bool:
        """Whether this test asserts ``rule``'s refusal (see the module docstring).

        ``only_rule_of``: the clauses of ``rule`` that no other rule cites.
        """
        if not set(rule.clauses) & self.clauses:
            return False
        code = rule.code
        named = code in self.names
        if code in self.refused_codes or code in self.asserted_calls:
            return True
        if self.refused_clauses & set(rule.clauses) and (named or self.refused_clauses & only_rule_of):
            return True
        return self.raises and named


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


def _callee(call: ast.Call) -> str | None:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None


def _string(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_code_of(node) -> bool:
    """``x.code`` or ``x["code"]``: the code of a refusal."""
    if isinstance(node, ast.Attribute):
        return node.attr == "code"
    return isinstance(node, ast.Subscript) and _string(node.slice) == "code"


def _expects_violation(test: ast.expr) -> ast.Call | None:
    """The call of ``assert <call>``, ``assert <call> is not None``, ``assert <call>.x == …``."""
    node = test
    if isinstance(node, ast.Compare):
        if len(node.ops) == 1 and isinstance(node.ops[0], ast.Is) and _string_none(node.comparators[0]):
            return None  # assert rule(...) is None: the rule passes
        node = node.left
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node if isinstance(node, ast.Call) else None


def _string_none(node) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _refusals(ref: TestRef, node) -> None:
    """Fill in what ``node`` (a test function) asserts about refusals."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Call):
            name = _callee(sub)
            if name in REFUSAL_ASSERTIONS:
                codes, clauses = set(), set()
                for kw in sub.keywords:
                    value = _string(kw.value)
                    if kw.arg == "code" and value:
                        codes.add(value)
                    elif kw.arg == "clause" and value:
                        clauses.add(value)
                pos = REFUSAL_ASSERTIONS[name]
                if len(sub.args) > pos and _string(sub.args[pos]):
                    clauses.add(_string(sub.args[pos]))
                if name == "assert_refused" and len(sub.args) > 2 and _string(sub.args[2]):
                    codes.add(_string(sub.args[2]))
                ref.refused_codes |= codes
                if not codes:  # a clause alone: whichever rule of that clause the test names
                    ref.refused_clauses |= clauses
            elif name == "raises" and isinstance(sub.func, ast.Attribute):
                ref.raises = True
        elif isinstance(sub, ast.Compare) and len(sub.ops) == 1 and isinstance(sub.ops[0], (ast.Eq, ast.In)):
            sides = [sub.left, *sub.comparators]
            if any(_is_code_of(s) for s in sides):
                ref.refused_codes |= {v for s in sides if (v := _string(s))}
        elif isinstance(sub, ast.Assert):
            call = _expects_violation(sub.test)
            if call is not None and (callee := _callee(call)):
                ref.asserted_calls.add(callee)


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
                    ref = TestRef(f"{prefix}::{node.name}", marks, _names(node))
                    _refusals(ref, node)
                    refs.append(ref)

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
    rules = load_all_rules()
    tests = collect_tests(root)
    clauses = all_clauses()
    rows = []
    for cid, c in clauses.items():
        rule_codes = sorted(code for code, r in rules.items() if cid in r.clauses)
        test_ids = sorted(t.nodeid for t in tests if cid in t.clauses)
        rows.append({"id": cid, "kind": c.kind, "rules": rule_codes, "tests": test_ids})
    unknown = [(t.nodeid, c) for t in tests for c in sorted(t.clauses) if c not in clauses]
    citing: dict[str, int] = {}
    for r in rules.values():
        for c in r.clauses:
            citing[c] = citing.get(c, 0) + 1
    untested = sorted(
        code
        for code, r in rules.items()
        if not any(t.breaks(r, {c for c in r.clauses if citing[c] == 1}) for t in tests)
    )
    bad = []
    for r in rules.values():
        for citation in r.law:
            try:
                resolve(citation)
            except UnknownCitation as exc:
                bad.append(f"{r.qualname}: {exc}")
    return Report(rows, unknown, untested, bad)
