"""Audit act names come from one registry (zhifa.core.acts): an undeclared act is refused
at once, and every act a call site can append is declared."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.db import transaction

from zhifa.core import acts, audit
from zhifa.core.models import AuditEvent
from zhifa.testing import make_city_and_district, make_user

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")


def _sources():
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT.parent).as_posix()
        if "/migrations/" in rel or "/tests/" in rel:
            continue
        yield rel, path


def _act_strings():
    """(place, node) for every value given as ``act=`` to a call, or assigned to a name ``act``."""
    for rel, path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for kw in node.keywords:
                    if kw.arg == "act":
                        yield f"{rel}:{kw.value.lineno}", kw.value
            elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "act" for t in node.targets):
                yield f"{rel}:{node.lineno}", node.value


def test_every_constant_act_at_a_call_site_is_declared():
    undeclared, seen = [], 0
    for place, value in _act_strings():
        if isinstance(value, ast.Constant) and isinstance(value.value, str) and "." in value.value:
            seen += 1
            if not acts.is_declared(value.value):
                undeclared.append(f"{place}: {value.value}")
        elif isinstance(value, ast.IfExp):
            for branch in (value.body, value.orelse):
                if isinstance(branch, ast.Constant) and isinstance(branch.value, str):
                    seen += 1
                    if not acts.is_declared(branch.value):
                        undeclared.append(f"{place}: {branch.value}")
    assert seen > 50, "the scan found too few call sites: has the audit call changed shape?"
    assert not undeclared, "declare these audit acts in their app's acts.py:\n" + "\n".join(undeclared)


def test_every_computed_act_is_declared():
    """The acts built from a name (f-strings) are those of the case transitions, of the
    two registries of government bodies and of the steps of a dispute between agencies:
    every one of them is declared."""
    from zhifa.cases.transitions import TRANSITIONS
    from zhifa.cooperation.services.disputes import NEXT_STAGE
    from zhifa.org.services import OFFICE, ORGAN

    computed = [p for p, v in _act_strings() if isinstance(v, ast.JoinedStr)]
    assert sorted(p.split(":")[0] for p in computed) == [
        "zhifa/cases/acting.py",
        "zhifa/cooperation/services/disputes.py",
        "zhifa/org/services.py",
        "zhifa/org/services.py",
    ], "a new computed act name: add its source of names to this test"
    names = (
        [f"case.{t}" for t in TRANSITIONS]
        + [f"{k.act}.{v}" for k in (OFFICE, ORGAN) for v in ("create", "update")]
        + [f"dispute.{step}" for step in NEXT_STAGE]
    )
    assert [n for n in names if not acts.is_declared(n)] == []


def test_every_act_has_a_chinese_label_and_its_app():
    registered = acts.all_acts()
    assert len(registered) > 100  # the 44 transitions of a case and the registries' acts
    assert [a.name for a in registered if not CJK.search(a.label)] == []
    apps = {a.app for a in registered}
    assert {"accounts", "org", "law", "parties", "people", "discretion", "cases"} <= apps


@pytest.mark.django_db
def test_appending_an_undeclared_act_raises_before_writing():
    _city, district = make_city_and_district()
    admin = make_user("admin")
    with (
        pytest.raises(acts.UnknownAct, match=r"government\.updat'.*Did you mean government\.update"),
        transaction.atomic(),
    ):
        audit.record(actor=admin, act="government.updat", obj=district)
    assert AuditEvent.objects.count() == 0
    with transaction.atomic():
        event = audit.record(actor=admin, act="government.update", obj=district)
    assert event.act == "government.update"


def test_declaring_a_name_twice_differently_or_badly_is_refused():
    with pytest.raises(ValueError, match="already declared by org"):
        acts.declare("people", {"agency.create": "登记行政执法机关"})
    with pytest.raises(ValueError, match="already declared"):
        acts.declare("org", {"agency.create": "另一个名称"})
    acts.declare("org", {"agency.create": acts.label("agency.create")})  # the same again is harmless
    with pytest.raises(ValueError, match=r"noun\.verb"):
        acts.declare("org", {"Agency Create": "登记"})


def test_an_old_event_of_a_retired_act_still_shows():
    assert acts.label("retired.act") == "retired.act"
    assert acts.label("case.filing_approve") == "批准立案"
