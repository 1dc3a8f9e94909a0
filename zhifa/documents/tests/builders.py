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
    code = services.new_verification_code()
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


def through_the_court(w) -> Case:
    """A case walked through every act the documents are composed from: inspection and
    inquiry, evidence sealed, the report, a notice with the hearing right, the hearing
    (a point raised and answered), legal review, collective discussion, the decision
    served, a written reminder, and the application to the court."""
    from datetime import datetime, timedelta

    from zhifa.cases.obligations import obligation
    from zhifa.cases.tests.builders import TERMS_LARGE, evidence_file, filed, inspect
    from zhifa.core import parameters as params

    case = filed(w, major_violation=True)
    inspect(w, case, wd(D0, 2))
    services.inspection_record(
        actor=w.zhang,
        case=case,
        kind="inquiry",
        place="渝中区市场监管局询问室",
        subject="店长王某",
        officers=[w.zhang_officer, w.li_officer],
        certificates_shown=True,
        record="问：货架上的牛奶是谁进的货？\n答：是供货商配送的，我们没有查验保质期。",
        on=wd(D0, 2),
    )
    evidence = services.evidence_add(
        actor=w.zhang,
        case=case,
        kind="physical",
        title="超过保质期的牛奶12盒",
        description="证明当事人经营超过保质期的食品",
        source="现场检查时取得",
        collected_on=wd(D0, 2),
        content=evidence_file(f"milk-{case.pk}"),
        on=wd(D0, 2),
    )
    services.preservation_register(
        actor=w.zhang,
        case=case,
        evidence=evidence,
        reasons="当事人可能将过期牛奶下架销毁，证据可能灭失",
        holder="本局证据保管室",
        approved_by=w.head,
        approved_on=wd(D0, 2),
        on=wd(D0, 2),
    )
    services.report_submit(
        actor=w.zhang,
        case=case,
        facts="当事人销售超过保质期的牛奶12盒，违法所得1200元。",
        evidence_summary="现场检查笔录、询问笔录、物证。",
        outcome="penalty",
        reasons="违法事实清楚，证据确凿。",
        terms=TERMS_LARGE,
        basis_articles=[w.article],
        on=wd(D0, 3),
        circumstances={"first_offence": True},
    )
    served = wd(D0, 4)
    services.notice_issue(actor=w.zhang, case=case, on=served)
    services.notice_serve(actor=w.zhang, case=case, method="direct", served_to="法定代表人", on=served)
    services.hearing_request(actor=w.zhang, case=case, on=wd(served, 1))
    day = wd(wd(served, 2), 7)
    services.hearing_schedule(
        actor=w.head2,
        case=case,
        chair=w.zhao_officer,
        place="渝中区市场监管局听证室",
        scheduled_at=datetime(day.year, day.month, day.day, 9, 30),
        notified_on=wd(served, 2),
        on=wd(served, 2),
    )
    services.hearing_record(
        actor=w.zhao,
        case=case,
        transcript="调查人员陈述违法事实、证据和处罚建议。\n当事人进行申辩和质证。",
        party_attended=True,
        points=["罚款数额超出其承受能力"],
        on=day,
    )
    point = case.defences.get(form="hearing").points.get()
    services.defence_review(actor=w.zhang, case=case, point=point, adopted=False, reason="未提供经营困难的证据", on=day)
    services.decision_submit(actor=w.zhang, case=Case.objects.get(pk=case.pk), on=day)
    services.legal_review(
        actor=w.reviewer,
        case=Case.objects.get(pk=case.pk),
        passed=True,
        opinion="事实清楚，程序合法，适用依据正确。",
        on=wd(day, 1),
    )
    services.collective_discussion(
        actor=w.head2,
        case=Case.objects.get(pk=case.pk),
        participants="陈局长、刘副局长、纪检组长",
        minutes="承办人汇报案情。\n与会人员认为违法事实清楚。",
        conclusion="同意给予行政处罚。",
        on=wd(day, 2),
    )
    decided_on = wd(day, 3)
    services.decide(
        actor=w.head2, case=Case.objects.get(pk=case.pk), on=decided_on, public_summary="某超市销售过期食品被处罚。"
    )
    services.decision_serve(
        actor=w.wang, case=Case.objects.get(pk=case.pk), method="direct", served_to="法定代表人", on=decided_on
    )
    case = Case.objects.get(pk=case.pk)
    reminded = obligation(case, decided_on).next_due + timedelta(days=3)
    services.reminder_serve(
        actor=w.wang,
        case=case,
        method="letter",
        content="请于十日内缴纳罚没款及加处罚款，逾期将申请人民法院强制执行；当事人有权陈述和申辩。",
        record="催告书直接送达，法定代表人签收。",
        performance_due_on=reminded + timedelta(days=10),
        on=reminded,
    )
    remedies_end = max(
        params.period_end("reconsideration_application_period", start=decided_on),
        params.period_end("litigation_period", start=decided_on),
    )
    services.court_apply(
        actor=w.wang,
        case=Case.objects.get(pk=case.pk),
        court="重庆市渝中区人民法院",
        measures="罚没款及加处罚款",
        approved_by=w.head,
        approved_on=remedies_end + timedelta(days=5),
        on=remedies_end + timedelta(days=5),
    )
    return Case.objects.get(pk=case.pk)
