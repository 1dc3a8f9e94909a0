"""Cases with documents to issue, walked through the cases services."""

from __future__ import annotations

from zhifa.cases import services
from zhifa.cases.models import Case
from zhifa.cases.tests.builders import D0, decided, notified, wd


def decided_with_defence(w, *, reasons=None, adopted=False) -> Case:
    """A decided case whose party raised two points, both reviewed and answered."""
    case = notified(w)
    defence = services.defence_record(
        actor=w.zhang,
        case=case,
        made_by="法定代表人",
        points=["过期牛奶系供货商配送错误所致", "已主动下架并召回"],
        on=wd(D0, 6),
    )
    for point in defence.points.all():
        services.defence_review(
            actor=w.li,
            case=case,
            point=point,
            adopted=adopted,
            reason="经核查进货单据，当事人未履行进货查验义务" if not adopted else "经核实属实",
            on=wd(D0, 7),
        )
    case = Case.objects.get(pk=case.pk)
    services.decision_submit(actor=w.zhang, case=case, on=wd(D0, 12))
    case = Case.objects.get(pk=case.pk)
    kw = {"reasons": reasons} if reasons else {}
    services.decide(actor=w.head2, case=case, on=wd(D0, 13), public_summary="某超市销售过期食品被处罚。", **kw)
    return Case.objects.get(pk=case.pk)


def on_the_spot(w, **kw) -> Case:
    args = {
        "actor": w.zhang,
        "party": w.person,
        "violation_item": w.item,
        "place": w.district,
        "act_date": D0,
        "facts": "在解放碑步行街占道经营，经劝阻拒不改正",
        "basis_articles": [w.article],
        "certificates_shown": True,
        "terms": {"fine": "200"},
        "on": D0,
        "place_detail": "解放碑步行街",
    }
    args.update(kw)
    return services.simple_penalty(**args)


__all__ = ["D0", "decided", "decided_with_defence", "notified", "on_the_spot", "wd"]
