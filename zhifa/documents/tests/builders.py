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


def make_document(case, user, *, kind="prior_notice", title="行政处罚告知书", version=1):
    """An issued document of ``case`` straight from its parts (for the standing checks'
    world, which has no case far enough along to issue one through the services)."""
    from zhifa.core import clock
    from zhifa.documents import compose, rendering, services, store
    from zhifa.documents.models import Document

    composed = compose.Composed(
        kind=kind,
        title=title,
        number=f"{case.agency.case_prefix}罚告〔2026〕{case.pk}号",
        agency=case.agency.name,
        date=clock.today(),
        party=compose.party_lines(case),
        sections=[compose.Section("违法事实", [case.summary])],
    )
    code = services._new_code()
    data = rendering.html_of(composed, code=code).encode()
    return Document.objects.create(
        case=case,
        agency=case.agency,
        kind=kind,
        source_type="cases.case",
        source_id=case.pk,
        title=title,
        version=version,
        number=composed.number,
        issued_on=clock.today(),
        issued_at=clock.now(),
        issued_by=user,
        content=composed.as_dict(),
        sha256=store.store(data),
        size=len(data),
        content_type="text/html",
        verification_code=code,
    )
