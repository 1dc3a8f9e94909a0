"""A random-inspection plan: item list, registers, the seed published, the draw weighted by
credit, results entered by the drawn inspectors, reviewed, published (D2.1, D3.8, D5.7)."""

from __future__ import annotations

from datetime import date

import pytest

from zhifa.cases.tests.builders import executing
from zhifa.core.errors import DomainError
from zhifa.credit import facts, services
from zhifa.credit.models import InspectionPlan, PlanTarget
from zhifa.testing import assert_refused, make_party

pytestmark = pytest.mark.django_db


def registers(w, n=6):
    item = services.item_create(
        actor=w.head, code="SJ-01", name="食品经营许可情况", kind="general", basis="食品安全法第三十五条"
    )
    parties = [make_party() for _ in range(n)]
    for p in parties:
        services.target_add(actor=w.zhang, party=p)
    return item, parties


def plan(w, item, **kw):
    data = {
        "title": "2026年食品经营双随机抽查",
        "year": 2026,
        "items": [item],
        "target_count": 3,
        "seed": "2026-渝中市监-01",
    }
    data.update(kw)
    return services.plan_create(actor=w.head, **data)


@pytest.mark.clause("D3.8")
def test_a_draw_needs_two_registered_inspectors_per_target(w):
    item, _ = registers(w)
    services.inspector_add(actor=w.head, officer=w.zhang_officer)
    p = plan(w, item)
    with pytest.raises(DomainError) as e:
        services.plan_draw(actor=w.head, plan=p)
    assert_refused(e, "D3.8", code="two_inspectors_per_target", field="inspectors_per_target")
    with pytest.raises(DomainError) as e:
        services.plan_draw(actor=w.head, plan=plan(w, item, inspectors_per_target=1))
    assert_refused(e, "D3.8", code="two_inspectors_per_target")


@pytest.mark.clause("D2.1", "D5.7")
def test_the_seed_is_published_before_the_draw(w):
    item, _ = registers(w)
    for o in (w.zhang_officer, w.li_officer):
        services.inspector_add(actor=w.head, officer=o)
    p = plan(w, item)
    InspectionPlan.objects.filter(pk=p.pk).update(seed_published_on=date(2026, 12, 2))
    with pytest.raises(DomainError) as e:
        services.plan_draw(actor=w.head, plan=p)
    assert_refused(e, "D2.1", code="seed_published_before_draw", field="seed")


@pytest.mark.clause("D3.8", "D5.7")
def test_a_plan_is_drawn_reproducibly_entered_reviewed_published_and_counts_in_credit(w):
    item, _parties = registers(w)
    for o in (w.zhang_officer, w.li_officer, w.wang_officer):
        services.inspector_add(actor=w.head, officer=o)
    p = services.plan_draw(actor=w.head, plan=plan(w, item))
    drawn = list(p.targets.order_by("order"))
    assert len(drawn) == 3 and p.status == "drawn"
    # Reproducible: the same seed over the same registers draws the same parties.
    again = services.plan_draw(actor=w.head, plan=plan(w, item, year=2027))
    assert [t.party_id for t in again.targets.order_by("order")] == [t.party_id for t in drawn]
    target = drawn[0]
    assigned = set(target.inspectors.values_list("pk", flat=True))
    outsider = next(u for u in (w.zhang, w.li, w.wang) if u.officer.pk not in assigned)
    with pytest.raises(DomainError) as e:
        services.result_enter(actor=outsider, target=target, result="corrected", note="……")
    assert_refused(e, "D3.8", code="result_by_assigned_inspector", field="result")
    inspector = next(u for u in (w.zhang, w.li, w.wang) if u.officer.pk in assigned)
    for t in drawn:
        user = next(
            u for u in (w.zhang, w.li, w.wang) if u.officer.pk in set(t.inspectors.values_list("pk", flat=True))
        )
        services.result_enter(
            actor=user, target=t, result="corrected" if t == target else "no_problem", note="现场检查"
        )
    with pytest.raises(DomainError):
        services.plan_publish(actor=w.head, plan=p)  # not reviewed yet
    before = facts.rating(target.party, date(2026, 12, 1)).score
    for t in drawn:
        services.result_review(actor=w.head, target=t)
    assert facts.rating(target.party, date(2026, 12, 1)).score == before - 3
    published = services.plan_publish(actor=w.head, plan=p)
    assert published.published_on == date(2026, 12, 1)
    assert inspector.officer.pk in assigned


def test_the_draw_weighs_each_party_by_its_credit(w):
    item, parties = registers(w, n=2)
    fined = executing(w).party  # a fine: 10 points, grade A (90)
    services.target_add(actor=w.zhang, party=fined)
    for o in (w.zhang_officer, w.li_officer):
        services.inspector_add(actor=w.head, officer=o)
    p = plan(w, item, target_count=3)
    # Two reviewed results "not found at its address" this year: 10 points each, grade B (70).
    for title, day in (("上半年抽查", date(2026, 6, 1)), ("下半年抽查", date(2026, 9, 1))):
        PlanTarget.objects.create(
            plan=plan(w, item, title=title),
            party=fined,
            order=1,
            grade="A",
            weight=1,
            result="not_found",
            result_on=day,
            reviewed_on=day,
        )
    candidates = {c.party_id: c for c in services.candidates_for(p, date(2026, 12, 1))}
    assert candidates[fined.pk].weight == 2 and candidates[fined.pk].used == 2
    assert all(candidates[x.pk].weight == 1 and candidates[x.pk].used == 0 for x in parties)
    drawn = services.plan_draw(actor=w.head, plan=p)  # the fined party is at the annual cap
    assert fined.pk not in set(PlanTarget.objects.filter(plan=drawn).values_list("party_id", flat=True))
