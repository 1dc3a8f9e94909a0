"""Prior notice (D3.9a), statements and defences reviewed point by point (D5.2a), and
hearings (D5.3a)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from django.utils import timezone

from zhifa.accounts.models import User
from zhifa.cases import acting, numbering
from zhifa.cases import rules as R
from zhifa.cases.facts import all_investigator_ids, current_notice, latest_report, live_investigator_ids, terms_of
from zhifa.cases.inputs import bad_input, clean_terms, defence_points, require_text
from zhifa.cases.models import Case, Defence, DefencePoint, Hearing, Notice, Outcome, ServiceMethod, Waiver
from zhifa.cases.services._steps import save
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import conflict, forbidden
from zhifa.core.state import touch
from zhifa.law import rules as law_rules
from zhifa.law.models import Article
from zhifa.people import rules as people_rules
from zhifa.people.models import Officer
from zhifa.people.standing import conflicts_between, standing_of


def notice_issue(
    *,
    actor: User,
    case: Case,
    facts: str | None = None,
    reasons: str | None = None,
    terms: dict | None = None,
    basis_articles: Iterable[Article] | None = None,
    states_defence_right: bool = True,
    states_hearing_right: bool | None = None,
    on: date | None = None,
) -> Notice:
    """制作行政处罚事先告知书：拟作出的处罚内容及事实、理由、依据，陈述申辩权利；属于听证
    范围的，告知要求听证的权利（D3.9a、D5.3a）。未写明的内容取自调查终结报告。"""
    with acting.run("notice_issue", actor=actor, case=case, on=on) as act:
        case = act.case
        report = latest_report(case)
        if report is None or report.outcome != Outcome.PENALTY:
            raise bad_input(
                ErrorCode.INVALID, "调查终结报告的处理意见为给予行政处罚的，方须事先告知。", field="outcome"
            )
        facts = report.facts if facts is None else facts
        reasons = report.reasons if reasons is None else reasons
        terms = clean_terms(terms) if terms is not None else terms_of(report)
        articles = list(report.basis_articles.all()) if basis_articles is None else list(basis_articles)
        notice = Notice(case=case, issued_on=act.on, facts=facts, reasons=reasons, **terms)
        grounds = R.hearing_grounds(notice, case.party.is_person, act.on)
        if states_hearing_right is None:
            states_hearing_right = bool(grounds)
        notice.states_defence_right, notice.states_hearing_right = states_defence_right, states_hearing_right
        act.check(R.assigned_investigator, act.officer, live_investigator_ids(case, act.on))
        act.check(R.notice_complete, facts, reasons, articles, notice.has_penalty, states_defence_right)
        act.check(R.notice_states_hearing_right, grounds, states_hearing_right)
        for article in articles:
            act.check(law_rules.basis_is_law_or_rule, article)
        if not articles:
            # No article cited: notice_complete refuses the notice; none to test for its rank.
            act.passed(law_rules.basis_is_law_or_rule)
        act.enforce()
        superseded = case.notices.filter(superseded=False)
        touch(superseded)  # .update() sends no signal: the audit event's state names these rows
        superseded.update(superseded=True)
        notice.number = numbering.next_number(case.acting_agency, "notice", act.on.year)
        save(notice)
        notice.basis_articles.set(articles)
        act.done(
            changes={
                "notice": notice.pk,
                "number": notice.number,
                "terms": {k: v for k, v in terms.items() if v},
                "states_hearing_right": states_hearing_right,
                "hearing_grounds": grounds,
            }
        )
        return notice


def notice_serve(
    *, actor: User, case: Case, method: str, served_to: str, on: date | None = None, expected_version: int | None = None
) -> Notice:
    """送达事先告知书：自送达之日起计算陈述申辩和要求听证的期限。"""
    with acting.run("notice_serve", actor=actor, case=case, on=on, expected_version=expected_version) as act:
        case = act.case
        notice = current_notice(case)
        if notice is None or notice.served_on:
            raise bad_input(ErrorCode.NOTHING_PENDING, "请先制作事先告知书。", field="notice")
        if act.on < notice.issued_on:
            raise bad_input(ErrorCode.DATE_ORDER, "送达日期不得早于告知书的制作日期。", field="on")
        if method not in ServiceMethod.values:
            raise bad_input(ErrorCode.INVALID, "请选择送达方式。", field="method")
        act.check(R.assigned_investigator, act.officer, live_investigator_ids(case, act.on))
        act.enforce()
        notice.served_on, notice.service_method = act.on, method
        notice.served_to = require_text(served_to, "served_to", "请写明受送达人。")
        notice.save(update_fields=["served_on", "service_method", "served_to"])
        act.done(changes={"notice": notice.pk, "served_on": act.on, "method": method})
        return notice


def waiver_record(
    *,
    actor: User,
    case: Case,
    statement: str,
    in_writing: bool,
    waives_defence: bool = True,
    waives_hearing: bool = False,
    on: date | None = None,
) -> Waiver:
    """登记当事人书面放弃陈述、申辩（或听证）权利（行政处罚法第六十二条）。"""
    with acting.run("waiver_record", actor=actor, case=case, on=on) as act:
        case = act.case
        act.check(R.waiver_in_writing, in_writing, statement)
        act.enforce()
        notice = current_notice(case)
        if act.on < notice.served_on:
            raise bad_input(ErrorCode.DATE_ORDER, "放弃声明的日期不得早于告知书送达日期。", field="on")
        waiver = save(
            Waiver(
                case=case,
                notice=notice,
                on=act.on,
                waives_defence=waives_defence,
                waives_hearing=waives_hearing,
                in_writing=in_writing,
                statement=statement,
            )
        )
        act.done(changes={"waiver": waiver.pk, "waives_defence": waives_defence, "waives_hearing": waives_hearing})
        return waiver


def defence_record(
    *,
    actor: User,
    case: Case,
    made_by: str,
    points: Iterable[dict | str],
    form: str = Defence.Form.WRITTEN,
    on: date | None = None,
) -> Defence:
    """逐项记录当事人提出的事实、理由和证据（D5.2a，行政处罚法第四十五条）。"""
    with acting.run("defence_record", actor=actor, case=case, on=on) as act:
        case = act.case
        points = defence_points(points)
        act.check(R.defence_points_recorded, [p["text"] for p in points])
        act.enforce()
        defence = save(
            Defence(
                case=case,
                notice=current_notice(case),
                received_on=act.on,
                form=form,
                made_by=require_text(made_by, "made_by", "请写明陈述申辩人。"),
            )
        )
        for n, p in enumerate(points, 1):
            save(DefencePoint(defence=defence, number=n, kind=p["kind"], text=p["text"]))
        act.done(changes={"defence": defence.pk, "points": [p["text"][:100] for p in points]})
        return defence


def defence_review(
    *, actor: User, case: Case, point: DefencePoint, adopted: bool | None, reason: str, on: date | None = None
) -> DefencePoint:
    """复核一项陈述申辩：采纳或不采纳，写明理由；成立的，应当采纳（行政处罚法第四十五条）。"""
    with acting.run("defence_review", actor=actor, case=case, on=on) as act:
        case = act.case
        point = DefencePoint.objects.select_related("defence").get(pk=point.pk, defence__case=case)
        if point.reviewed:
            raise conflict(f"第{point.number}项已经复核。")
        act.check(R.assigned_investigator, act.officer, live_investigator_ids(case, act.on))
        act.check(R.review_reasoned, adopted, reason)
        act.enforce()
        point.adopted, point.review_reason, point.reviewed_on, point.reviewed_by = adopted, reason, act.on, actor
        point.save(update_fields=["adopted", "review_reason", "reviewed_on", "reviewed_by"])
        act.done(changes={"point": point.pk, "adopted": adopted, "reason": reason})
        return point


def hearing_request(
    *,
    actor: User,
    case: Case,
    requested_on: date | None = None,
    form: str = Hearing.RequestForm.WRITTEN,
    on: date | None = None,
) -> Hearing:
    """登记当事人要求听证：告知后五日内提出（D5.3a，行政处罚法第六十四条）。"""
    with acting.run("hearing_request", actor=actor, case=case, on=on) as act:
        case = act.case
        notice = current_notice(case)
        act.refuse_now(R.hearing_within_scope, notice.states_hearing_right)
        if case.hearings.filter(notice=notice, held_on__isnull=True, withdrawn_on__isnull=True).exists():
            raise conflict("当事人已要求听证，尚未举行。")
        requested_on = requested_on or act.on
        if requested_on > act.on:
            raise bad_input(ErrorCode.DATE_ORDER, "要求听证的日期不得晚于登记日期。", field="requested_on")
        act.check(R.hearing_requested_in_time, notice.served_on, requested_on)
        act.enforce()
        hearing = save(Hearing(case=case, notice=notice, requested_on=requested_on, request_form=form))
        act.done(changes={"hearing": hearing.pk, "requested_on": requested_on})
        return hearing


def _open_hearing(case: Case, hearing: Hearing | int | None = None) -> Hearing:
    qs = case.hearings.filter(held_on__isnull=True, withdrawn_on__isnull=True)
    if hearing is not None:
        qs = qs.filter(pk=hearing.pk if isinstance(hearing, Hearing) else hearing)
    found = qs.order_by("-requested_on", "-pk").first()
    if found is None:
        raise bad_input(ErrorCode.NOTHING_PENDING, "没有待举行的听证。", field="hearing")
    return found


def hearing_schedule(
    *,
    actor: User,
    case: Case,
    chair: Officer,
    scheduled_at: datetime,
    place: str,
    notified_on: date | None = None,
    public: bool = True,
    hearing: Hearing | None = None,
    on: date | None = None,
) -> Hearing:
    """指定非本案调查人员主持听证，并在举行听证的七日前通知当事人时间、地点（D5.3a）。"""
    with acting.run("hearing_schedule", actor=actor, case=case, on=on) as act:
        case = act.case
        hearing = _open_hearing(case, hearing)
        notified_on = notified_on or act.on
        if notified_on > act.on:
            raise bad_input(ErrorCode.DATE_ORDER, "通知日期不得晚于今天。", field="notified_on")
        if timezone.is_naive(scheduled_at):
            scheduled_at = timezone.make_aware(scheduled_at)
        day = timezone.localtime(scheduled_at).date()
        if chair.agency_id != case.agency_id:
            raise bad_input(ErrorCode.NOT_IN_CASE, f"{chair.name}不是本机关的人员。", field="chair")
        act.check(R.hearing_chair_not_investigator, chair, all_investigator_ids(case))
        act.check(people_rules.officer_certified, standing_of(chair, "hearing", act.on))
        act.check(people_rules.no_declared_conflict, chair, case.party, conflicts_between(chair, case.party, act.on))
        act.check(R.hearing_notified_in_time, notified_on, day)
        act.enforce()
        hearing.chair, hearing.scheduled_at, hearing.notified_on, hearing.public = (
            chair,
            scheduled_at,
            notified_on,
            public,
        )
        hearing.place = require_text(place, "place", "请写明听证地点。")
        hearing.save(update_fields=["chair", "scheduled_at", "notified_on", "public", "place"])
        act.done(
            changes={"hearing": hearing.pk, "chair": chair.pk, "scheduled_at": scheduled_at, "notified_on": notified_on}
        )
        return hearing


def hearing_record(
    *,
    actor: User,
    case: Case,
    transcript: str,
    party_attended: bool,
    points: Iterable[dict | str] = (),
    hearing: Hearing | None = None,
    on: date | None = None,
) -> Hearing:
    """主持人记录听证：笔录，当事人出席与否（无正当理由不出席的视为放弃），当事人在听证中提出的事项逐项记录。"""
    with acting.run("hearing_record", actor=actor, case=case, on=on) as act:
        case = act.case
        hearing = _open_hearing(case, hearing)
        if hearing.chair_id is None:
            raise bad_input(ErrorCode.NOTHING_PENDING, "听证尚未安排。", field="hearing")
        if act.officer is None or act.officer.pk != hearing.chair_id:
            raise forbidden("只有本次听证的主持人可以记录听证。")
        act.check(R.hearing_chair_not_investigator, act.officer, all_investigator_ids(case))
        act.enforce()
        if act.on < timezone.localtime(hearing.scheduled_at).date():
            raise bad_input(ErrorCode.DATE_ORDER, "听证举行日期不得早于通知的听证日期。", field="on")
        hearing.held_on, hearing.party_attended = act.on, party_attended
        hearing.transcript = require_text(transcript, "transcript", "请记录听证笔录。")
        hearing.save(update_fields=["held_on", "party_attended", "transcript"])
        points = defence_points(points)
        if any(not p["text"] for p in points):
            raise bad_input(ErrorCode.REQUIRED, "听证中提出的事项不能为空。", field="points")
        defence = None
        if points:
            defence = save(
                Defence(
                    case=case,
                    notice=hearing.notice,
                    received_on=act.on,
                    form=Defence.Form.HEARING,
                    made_by=case.party.name,
                )
            )
            for n, p in enumerate(points, 1):
                save(DefencePoint(defence=defence, number=n, kind=p["kind"], text=p["text"]))
        act.done(
            changes={
                "hearing": hearing.pk,
                "held_on": act.on,
                "party_attended": party_attended,
                "defence": defence.pk if defence else None,
            }
        )
        return hearing


def hearing_withdraw(
    *, actor: User, case: Case, statement: str, hearing: Hearing | None = None, on: date | None = None
) -> Hearing:
    """登记当事人撤回听证要求。"""
    with acting.run("hearing_withdraw", actor=actor, case=case, on=on) as act:
        hearing = _open_hearing(act.case, hearing)
        require_text(statement, "statement", "请记录当事人撤回听证要求的书面声明。")
        hearing.withdrawn_on = act.on
        hearing.save(update_fields=["withdrawn_on"])
        act.done(changes={"hearing": hearing.pk, "statement": statement})
        return hearing
