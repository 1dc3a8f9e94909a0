"""A demo random-inspection plan of 渝中区市场监管局 (双随机、一公开), made through the credit
services: its item list, the registers of targets (the demo's organisations) and of
inspectors, a plan with a published seed, drawn, results entered by the drawn inspectors,
reviewed by the head and published. ``zhifa demo`` calls :func:`load` after the demo cases
(whose served decisions weigh in the draw)."""

from __future__ import annotations

from zhifa.core import clock
from zhifa.credit import services


def load(world) -> dict:
    head = world.users["yz-scj-head"]
    officers = [world.users[k] for k in ("yz-scj-officer1", "yz-scj-officer2")]
    item = services.item_create(
        actor=head, code="SC-SJ-01", name="食品经营者贮存、销售食品情况", kind="key", basis="食品安全法第五十四条"
    )
    services.item_create(
        actor=head, code="SC-SJ-02", name="营业执照公示情况", kind="general", basis="市场主体登记管理条例"
    )
    district = world.governments["渝中区"]
    parties = [p for p in world.parties.values() if p.kind == "organisation" and p.government_id == district.pk]
    for party in parties:
        services.target_add(actor=head, party=party)
    for user in officers:
        services.inspector_add(actor=head, officer=user.officer)
    today = clock.today()
    plan = services.plan_create(
        actor=head,
        title=f"{today.year}年度食品经营双随机抽查（演示）",
        year=today.year,
        items=[item],
        target_count=min(3, len(parties)),
        seed=f"{today.year}-渝中市监-01",
    )
    plan = services.plan_draw(actor=head, plan=plan)
    by_officer = {u.officer.pk: u for u in officers}
    for n, target in enumerate(plan.targets.order_by("order")):
        inspector = by_officer[target.inspectors.values_list("pk", flat=True).first()]
        services.result_enter(
            actor=inspector,
            target=target,
            result="corrected" if n == 0 else "no_problem",
            note="冷藏柜温度记录不全，已责令整改。" if n == 0 else "证照齐全，贮存条件符合要求。",
        )
        services.result_review(actor=head, target=target)
    services.plan_publish(actor=head, plan=plan)
    return {"plans": 1}
