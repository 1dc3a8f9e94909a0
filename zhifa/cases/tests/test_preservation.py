"""先行登记保存证据 (行政处罚法第五十六条): with the head's approval, decided within seven
working days (第八十五条), the decision to keep as evidence or release recorded."""

from __future__ import annotations

from datetime import date

import pytest

from zhifa.cases import periods, services
from zhifa.cases.models import CustodyEvent, Preservation
from zhifa.cases.tests.builders import D0, evidence_file, filed, wd
from zhifa.core import parameters as params
from zhifa.core.errors import DomainError
from zhifa.testing import assert_api_refused, assert_refused

pytestmark = pytest.mark.django_db


def _evidence(w, case):
    return services.evidence_add(
        actor=w.zhang,
        case=case,
        kind="physical",
        title="过期牛奶12盒",
        source="现场检查取得",
        collected_on=wd(D0, 2),
        content=evidence_file(f"milk-{case.pk}"),
        on=wd(D0, 2),
    )


def _register(w, case, evidence, **kw):
    args = {
        "actor": w.zhang,
        "case": case,
        "evidence": evidence,
        "reasons": "牛奶将被当事人下架处理，证据可能灭失。",
        "holder": "本机关证据保管室",
        "approved_by": w.head,
        "approved_on": wd(D0, 2),
        "on": wd(D0, 2),
    }
    args.update(kw)
    return services.preservation_register(**args)


def test_the_period_is_seven_working_days_a_dated_parameter():
    assert params.value("evidence_preservation_decision_period", on=date(2021, 7, 15)) == 7
    with pytest.raises(params.NotInForce):
        params.value("evidence_preservation_decision_period", on=date(2021, 7, 14))
    # registered on Friday 2026-03-06: seven working days end on Tuesday 2026-03-17
    assert periods.preservation_due(date(2026, 3, 6)) == date(2026, 3, 17)


@pytest.mark.clause("D1.4")
def test_preservation_needs_the_heads_approval(w):
    case = filed(w)
    evidence = _evidence(w, case)
    with pytest.raises(DomainError) as e:
        _register(w, case, evidence, approved_by=None)
    assert_refused(e, "D1.4", code="preservation_approved_by_head", field="approved_by")
    assert "第五十六条" in str(e.value)
    with pytest.raises(DomainError) as e:  # an officer approves nothing
        _register(w, case, evidence, approved_by=w.li)
    assert_refused(e, "D1.4", code="preservation_approved_by_head", field="approved_by")
    with pytest.raises(DomainError) as e:  # approved after the preservation
        _register(w, case, evidence, approved_on=wd(D0, 3))
    assert_refused(e, "D1.4", code="preservation_approved_by_head", field="approved_on")
    with pytest.raises(DomainError) as e:
        _register(w, case, evidence, reasons=" ")
    assert_refused(e, "D1.4", code="preservation_approved_by_head", field="reasons")
    assert not Preservation.objects.exists()
    p = _register(w, case, evidence)
    assert p.approved_by == w.head and p.decide_by == periods.preservation_due(wd(D0, 2))
    sealed = evidence.custody.get(action=CustodyEvent.Action.SEALED)
    assert sealed.on == wd(D0, 2) and sealed.holder == "本机关证据保管室"


@pytest.mark.clause("D1.4")
def test_the_decision_within_seven_working_days_keeps_or_releases(w):
    case = filed(w)
    evidence = _evidence(w, case)
    p = _register(w, case, evidence)
    late = wd(p.decide_by, 1)
    with pytest.raises(DomainError) as e:
        services.preservation_decide(actor=w.zhang, case=case, preservation=p, decision="keep", on=late)
    assert_refused(e, "D1.4", code="preservation_decided_in_time", field="late_reason")
    services.preservation_decide(actor=w.zhang, case=case, preservation=p, decision="release", on=p.decide_by)
    p.refresh_from_db()
    assert (p.decided_on, p.decision) == (p.decide_by, "release")
    assert evidence.custody.filter(action=CustodyEvent.Action.RETURNED).exists()
    with pytest.raises(DomainError) as e:  # decided once
        services.preservation_decide(actor=w.zhang, case=case, preservation=p, decision="keep", on=p.decide_by)
    assert e.value.status == 400
    # a late decision is still made, with its reason
    p2 = _register(w, case, evidence, on=p.decide_by, approved_on=p.decide_by)
    services.preservation_decide(
        actor=w.zhang,
        case=case,
        preservation=p2,
        decision="keep",
        late_reason="检验报告未及时出具",
        on=wd(p2.decide_by, 2),
    )
    assert Preservation.objects.get(pk=p2.pk).late_reason == "检验报告未及时出具"


@pytest.mark.clause("D1.4")
def test_preservation_over_the_api(w, api):
    case = filed(w)
    evidence = _evidence(w, case)
    body = {
        "evidence_id": evidence.pk,
        "reasons": "证据可能灭失。",
        "holder": "证据保管室",
        "approved_by_id": w.li.pk,
        "approved_on": str(wd(D0, 2)),
        "on": str(wd(D0, 2)),
    }
    r = api(w.zhang).post(f"cases/{case.pk}/preservations", body)
    refused = assert_api_refused(r, 422, clause="D1.4", code="preservation_approved_by_head")
    assert refused["field"] == "approved_by_id"
    r = api(w.zhang).post(f"cases/{case.pk}/preservations", {**body, "approved_by_id": w.head.pk})
    assert r.status_code == 201, r.content
    pid = Preservation.objects.get().pk
    r = api(w.zhang).post(f"cases/{case.pk}/preservations/{pid}/decision", {"decision": "keep", "on": str(wd(D0, 3))})
    assert r.status_code == 200, r.content
    assert api(w.zhang).post(f"cases/{case.pk}/preservations/{pid}/decision", {"decision": "x"}).status_code == 400


def test_an_undecided_preservation_warns_of_its_deadline(w):
    from zhifa.cases import selectors

    case = filed(w)
    p = _register(w, case, _evidence(w, case))
    found = selectors.warnings_of(case.__class__.objects.get(pk=case.pk), wd(D0, 3))
    assert any(f"应于{p.decide_by:%Y-%m-%d}前作出处理决定" in x for x in found)
    late = selectors.warnings_of(case.__class__.objects.get(pk=case.pk), wd(p.decide_by, 1))
    assert any("已逾期" in x for x in late)
