"""Acts of publication (D5.6; 行政处罚法第四十八条; 市场监督管理行政处罚信息公示规定).

Every act is keyword-only, ``actor`` first, in one transaction, audited. The daily
``zhifa tick`` (:func:`tick`) performs them as :data:`SYSTEM` on time: it prepares the
publication of every decision that must be published, publishes it once the decision
has been served, withdraws a publication whose decision was changed or revoked, and takes
down a publication whose display period has ended. Agencies may do each step sooner.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Q

from zhifa.accounts.access import require_agency, require_role
from zhifa.accounts.models import Role
from zhifa.cases.models import Decision, NumberSequence
from zhifa.core import clock
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError
from zhifa.core.records import assign, save_record
from zhifa.core.rules import enforce
from zhifa.core.templatetags.zhifa import cndate
from zhifa.documents.kinds import Kind as DocumentKind
from zhifa.documents.models import Document
from zhifa.oversight.models import Lawsuit, Reconsideration
from zhifa.portal import deadlines, redaction
from zhifa.portal import rules as R
from zhifa.portal.models import Publication

#: The actor of the daily tick: the platform itself, named so in the audit log.
SYSTEM = "系统（每日定时任务）"

#: Who may prepare, publish and withdraw an agency's publications (its staff who decide and
#: serve decisions, and the administrator); a change of the decision may also be recorded
#: by the legal affairs office (行政复议机构 of the government).
PUBLISHERS = (Role.OFFICER, Role.HEAD)
CHANGE_RECORDERS = (Role.OFFICER, Role.HEAD, Role.LEGAL_OFFICE)

CLAUSES = ["D5.6"]

DECISION_KINDS = (DocumentKind.PENALTY_DECISION, DocumentKind.NO_PENALTY_DECISION, DocumentKind.ON_SPOT_DECISION)


def _allow(actor, agency_id: int, roles, action: str) -> None:
    if actor is SYSTEM:
        return
    require_role(actor, *roles, action=action)
    require_agency(actor, agency_id, "执法决定公开信息")


def _date(on: date | None, earliest: date, field_name: str = "on") -> date:
    day = on or clock.today()
    if day > clock.today():
        raise DomainError.of(ErrorCode.DATE_ORDER, "日期不得晚于今天。", field=field_name, status=400)
    if day < earliest:
        raise DomainError.of(
            ErrorCode.DATE_ORDER, f"日期不得早于{earliest:%Y年%m月%d日}。", field=field_name, status=400
        )
    return day


def _index_number(agency, year: int) -> str:
    seq, _ = NumberSequence.objects.select_for_update().get_or_create(agency=agency, kind="publication", year=year)
    seq.last += 1
    seq.save(update_fields=["last"])
    return f"{agency.code}/{year}-{seq.last:05d}"


def _decision(pk: int) -> Decision:
    return (
        Decision.objects.select_related("case__party", "case__agency", "case__in_name_of", "case__violation_item")
        .prefetch_related("basis_articles__basis", "case__relatives")
        .get(pk=pk)
    )


def contents(decision: Decision) -> dict[str, str]:
    """The fields a publication shows, before redaction (令第45号第四条: 决定书文号、当事人基本情况、
    违法行为类型、处罚内容、作出决定的机关名称和日期; and the 公开摘要 collected at decision)."""
    case = decision.case
    party = case.party
    agency = case.acting_agency
    label = "行政处罚决定书" if decision.outcome == "penalty" else "决定书"
    return {
        "title": f"{agency.name}{label}（{decision.number}）",
        "party_name": party.name if party else "",
        "party_code": "" if party is None or party.is_person else party.uscc,
        "legal_representative": "" if party is None or party.is_person else party.legal_representative,
        "violation": case.violation_item.name if case.violation_item else "",
        "summary": decision.public_summary,
        "facts": decision.facts,
        "basis": "；".join(str(a) for a in decision.basis_articles.all()),
        "penalty": decision.penalty_text if decision.outcome == "penalty" else decision.get_outcome_display(),
        "agency_name": agency.name,
    }


def published_fields(decision: Decision, amendment: str = "") -> dict[str, str]:
    """The redacted contents, checked once more: a private value left in any field refuses the publication.
    A republished decision also shows what changed (``amendment``), redacted the same way."""
    terms = redaction.private_terms(decision.case)
    raw = contents(decision)
    if amendment:
        raw["amendment"] = amendment
    fields = redaction.redact_fields(raw, terms)
    enforce(R.no_private_information(redaction.leaks(fields, terms)))
    return fields


def document_version(decision: Decision) -> int | None:
    """The version of the decision's current document (None when no document was issued)."""
    doc = (
        Document.objects.filter(kind__in=DECISION_KINDS, source_type=Decision._meta.label_lower, source_id=decision.pk)
        .order_by("-version")
        .only("version")
        .first()
    )
    return doc.version if doc else None


def publication_prepare(
    *,
    actor,
    decision: Decision,
    social_impact: bool = False,
    social_impact_reason: str = "",
    on: date | None = None,
) -> Publication:
    """登记一项应当公开的决定：普通程序作出的行政处罚决定（仅警告的除外），或具有一定社会影响的执法决定
    （行政处罚法第四十八条），并计算公开期限（七个或二十个工作日）。"""
    with transaction.atomic():
        decision = _decision(decision.pk)
        agency = decision.case.acting_agency
        _allow(actor, decision.case.agency_id, PUBLISHERS, "登记执法决定公开")
        _date(on, decision.decided_on)
        required = deadlines.required(decision)
        enforce(R.publication_lawful(required, deadlines.warning_only(decision), social_impact, social_impact_reason))
        if Publication.objects.filter(decision=decision).exists():
            raise DomainError.of(ErrorCode.DUPLICATE, "该决定已登记公开。", field="decision_id", status=409)
        pub = Publication(
            decision=decision,
            agency=decision.case.agency,
            kind=deadlines.kind(decision),
            grounds=Publication.Grounds.GENERAL_PROCEDURE if required else Publication.Grounds.SOCIAL_IMPACT,
            social_impact_reason="" if required else social_impact_reason.strip(),
            index_number=_index_number(agency, decision.decided_on.year),
            document_number=decision.number,
            category=agency.get_field_display(),
            written_on=decision.decided_on,
            due_on=deadlines.due_on(decision),
            display=deadlines.display(decision),
        )
        return save_record(actor=actor, instance=pub, act="publication.prepare", clauses=CLAUSES)


def publication_publish(*, actor, publication: Publication, on: date | None = None) -> Publication:
    """公开：决定书送达当事人后，将经脱敏处理的决定信息向社会公开（令第45号第六条至第八条）。"""
    with transaction.atomic():
        pub = Publication.objects.select_for_update().get(pk=publication.pk)
        _allow(actor, pub.agency_id, PUBLISHERS, "公开执法决定")
        if pub.status != Publication.Status.PENDING:
            raise DomainError.of(ErrorCode.CONFLICT, "该信息不在待公开状态。", status=409)
        decision = _decision(pub.decision_id)
        enforce(
            R.changed_decision_not_published(pub.change_kind),
            R.decision_served_before_publication(decision.served_on),
        )
        day = _date(on, decision.served_on or decision.decided_on)
        # A decision changed or corrected before it was first published is published as it now is, saying so.
        amendment = (
            f"本决定已于{cndate(pub.changed_on)}{pub.get_change_kind_display()}（{pub.change_reason}），"
            "公开的是变更后的决定。"
            if pub.change_kind
            else ""
        )
        fields = published_fields(decision, amendment)
        changes = assign(
            pub,
            {
                **fields,
                "status": Publication.Status.PUBLISHED,
                "published_on": day,
                "takedown_on": deadlines.takedown_on(pub.display, day),
                "document_version": document_version(decision),
            },
        )
        return save_record(actor=actor, instance=pub, act="publication.publish", changes=changes, clauses=CLAUSES)


def amendment_text(old: Publication) -> str:
    """What the republished decision says about its change (向社会说明)."""
    return (
        f"本决定已于{cndate(old.changed_on)}{old.get_change_kind_display()}（{old.change_reason}），"
        f"现公开变更后的决定；原公开信息（索引号{old.index_number}）已撤下。"
    )


def publication_republish(*, actor, publication: Publication, on: date | None = None) -> Publication:
    """重新公开变更后的决定：原公开信息撤下（并说明理由）后，公开依法变更或更正后的决定，与原公开信息相互关联
    （行政处罚法第四十八条第二款；令第45号第十二条：公示的信息不准确的，应当及时更正）。
    公示期自原公开之日起计算，不因重新公开而延长（令第45号第十三条）。"""
    with transaction.atomic():
        old = Publication.objects.select_for_update().get(pk=publication.pk)
        _allow(actor, old.agency_id, PUBLISHERS, "重新公开变更后的决定")
        if old.status != Publication.Status.WITHDRAWN:
            raise DomainError.of(ErrorCode.CONFLICT, "原公开信息须先撤下并说明理由，才能公开变更后的决定。", status=409)
        enforce(R.republish_only_a_changed_decision(old.change_kind))
        if Publication.objects.filter(previous=old).exists():
            raise DomainError.of(ErrorCode.DUPLICATE, "变更后的决定已重新公开。", status=409)
        decision = _decision(old.decision_id)
        enforce(R.decision_served_before_publication(decision.served_on))
        day = _date(on, old.withdrawn_on)
        agency = decision.case.acting_agency
        fields = published_fields(decision, amendment_text(old))
        pub = Publication(
            decision=decision,
            previous=old,
            agency=old.agency,
            kind=old.kind,
            grounds=old.grounds,
            social_impact_reason=old.social_impact_reason,
            status=Publication.Status.PUBLISHED,
            index_number=_index_number(agency, day.year),
            document_number=decision.number,
            category=old.category,
            written_on=old.changed_on or old.written_on,
            due_on=old.withdrawal_due_on or day,
            published_on=day,
            display=old.display,
            takedown_on=old.takedown_on,
            document_version=document_version(decision),
            **fields,
        )
        return save_record(
            actor=actor,
            instance=pub,
            act="publication.republish",
            changes={"previous": old.pk, "index_number": pub.index_number, "published_on": day},
            clauses=CLAUSES,
        )


#: How a reconsideration or a lawsuit's outcome changes the decision (oversight.Remedy → Publication.Change).
REMEDY_CHANGES = {
    "altered": Publication.Change.CHANGED,
    "revoked": Publication.Change.REVOKED,
    "unlawful": Publication.Change.UNLAWFUL,
}


def detected_change(pub: Publication) -> tuple[str, str, date] | None:
    """A change of ``pub``'s decision the platform knows of but that is not yet recorded on it: a newer version
    of the decision's document, or a reconsideration or judgment that altered, revoked or found it unlawful
    after it was published (or, for one not yet published, after the decision). Returns (kind, reason, day) or None."""
    since = pub.published_on or pub.written_on
    # A republication already carries the change that made it: only what came later counts.
    after = pub.previous.changed_on if pub.previous_id and pub.previous.changed_on else None
    for model, day_field, label in (
        (Reconsideration, "decided_on", "行政复议决定"),
        (Lawsuit, "judged_on", "人民法院裁判"),
    ):
        qs = model.objects.filter(
            case_id=pub.decision.case_id, outcome__in=REMEDY_CHANGES, **{f"{day_field}__gte": since}
        )
        if after:
            qs = qs.filter(**{f"{day_field}__gt": after})
        found = qs.order_by(day_field, "pk").first()
        if found:
            day = getattr(found, day_field)
            return REMEDY_CHANGES[found.outcome], f"{label}（{found.number}）{found.get_outcome_display()}", day
    version = document_version(pub.decision)
    if version and version > (pub.document_version or 1):
        doc = Document.objects.get(
            kind__in=DECISION_KINDS, source_type=Decision._meta.label_lower, source_id=pub.decision_id, version=version
        )
        reason = f"决定书更正为第{version}版：{doc.correction_reason}"[:300]
        return Publication.Change.CORRECTED, reason, max(doc.issued_on, since)
    return None


def decision_change_record(
    *, actor, publication: Publication, kind: str, reason: str, on: date | None = None
) -> Publication:
    """登记决定被依法变更、撤销、确认违法或者确认无效：已公开的须在三个工作日内撤回；尚未公开的不再公开。"""
    with transaction.atomic():
        pub = Publication.objects.select_for_update().get(pk=publication.pk)
        _allow(actor, pub.agency_id, CHANGE_RECORDERS, "登记决定的变更、撤销")
        if kind not in Publication.Change.values:
            raise DomainError.of(ErrorCode.INVALID, "请选择决定变化的类别。", field="kind")
        if not reason.strip():
            raise DomainError.of(
                ErrorCode.REQUIRED,
                "请写明变更、撤销或确认的依据（如复议决定书、判决书文号）。",
                field="reason",
                status=400,
            )
        if pub.change_kind:
            raise DomainError.of(ErrorCode.DUPLICATE, "该决定的变化已登记。", field="kind", status=409)
        day = _date(on, pub.written_on)
        data = {"change_kind": kind, "changed_on": day, "change_reason": reason.strip()}
        if pub.status == Publication.Status.PUBLISHED:
            data["withdrawal_due_on"] = deadlines.withdrawal_due_on(day)
        changes = assign(pub, data)
        return save_record(actor=actor, instance=pub, act="publication.change", changes=changes, clauses=CLAUSES)


def publication_withdraw(*, actor, publication: Publication, reason: str, on: date | None = None) -> Publication:
    """撤回已公开的决定信息并公开说明理由（行政处罚法第四十八条第二款）。"""
    with transaction.atomic():
        pub = Publication.objects.select_for_update().get(pk=publication.pk)
        _allow(actor, pub.agency_id, PUBLISHERS, "撤回公开的执法决定")
        if pub.status != Publication.Status.PUBLISHED:
            raise DomainError.of(ErrorCode.CONFLICT, "该信息未在公开中，无须撤回。", status=409)
        enforce(R.withdrawal_reason_stated(reason))
        day = _date(on, pub.published_on)
        changes = assign(
            pub, {"status": Publication.Status.WITHDRAWN, "withdrawn_on": day, "withdrawal_reason": reason.strip()}
        )
        return save_record(actor=actor, instance=pub, act="publication.withdraw", changes=changes, clauses=CLAUSES)


def publication_take_down(*, actor, publication: Publication, on: date | None = None) -> Publication:
    """公示期满停止公示（令第45号第十三条）。"""
    with transaction.atomic():
        pub = Publication.objects.select_for_update().get(pk=publication.pk)
        _allow(actor, pub.agency_id, PUBLISHERS, "停止公开")
        day = _date(on, pub.published_on or pub.written_on)
        if pub.status != Publication.Status.PUBLISHED or pub.takedown_on is None or pub.takedown_on > day:
            raise DomainError.of(ErrorCode.CONFLICT, "公示期尚未届满。", status=409)
        changes = assign(pub, {"status": Publication.Status.EXPIRED})
        return save_record(actor=actor, instance=pub, act="publication.take_down", changes=changes, clauses=CLAUSES)


@dataclass
class TickReport:
    prepared: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    withdrawn: list[str] = field(default_factory=list)
    republished: list[str] = field(default_factory=list)
    taken_down: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            f"登记待公开 {len(self.prepared)} 件",
            f"公开 {len(self.published)} 件",
            f"登记决定变更 {len(self.changed)} 件",
            f"撤下 {len(self.withdrawn)} 件",
            f"重新公开变更后的决定 {len(self.republished)} 件",
            f"停止公开 {len(self.taken_down)} 件",
            *(f"未能公开：{r}" for r in self.refused),
        ]


def tick(*, on: date | None = None) -> TickReport:
    """The daily run: each step is its own act, so running it twice on one day does nothing more."""
    today = on or clock.today()
    report = TickReport()
    candidates = Decision.objects.filter(
        publications__isnull=True, decided_on__lte=today, outcome="penalty", case__procedure="general"
    ).select_related("case__party", "case__agency")
    for decision in candidates:
        if deadlines.required(decision):
            report.prepared.append(str(publication_prepare(actor=SYSTEM, decision=decision, on=today)))
    for pub in Publication.objects.filter(status=Publication.Status.PENDING, change_kind="").select_related(
        "decision", "previous"
    ):
        found = detected_change(pub)
        if found:
            kind, reason, day = found
            report.changed.append(
                str(decision_change_record(actor=SYSTEM, publication=pub, kind=kind, reason=reason, on=min(day, today)))
            )
    pending = Publication.objects.filter(
        Q(change_kind="") | Q(change_kind__in=Publication.REPUBLISHED_AFTER),
        status=Publication.Status.PENDING,
        decision__served_on__isnull=False,
    )
    for pub in pending:
        try:
            report.published.append(str(publication_publish(actor=SYSTEM, publication=pub, on=today)))
        except DomainError as e:  # a private value left in the summary: the agency must edit it
            report.refused.append(f"{pub}：{e.message}")
    live = Publication.objects.filter(status=Publication.Status.PUBLISHED, change_kind="").select_related(
        "decision", "previous"
    )
    for pub in live:
        found = detected_change(pub)
        if found:
            kind, reason, day = found
            report.changed.append(
                str(decision_change_record(actor=SYSTEM, publication=pub, kind=kind, reason=reason, on=min(day, today)))
            )
    # A change recorded before the first publication is already in what was published (no withdrawal due).
    to_withdraw = Publication.objects.filter(
        status=Publication.Status.PUBLISHED, withdrawal_due_on__isnull=False
    ).exclude(change_kind="")
    for pub in to_withdraw:
        reason = f"该决定已{pub.get_change_kind_display()}（{pub.change_reason}），撤回公开信息。"
        if pub.change_kind in Publication.REPUBLISHED_AFTER:
            reason = f"该决定已{pub.get_change_kind_display()}（{pub.change_reason}），撤下原公开信息，另行公开变更后的决定。"
        report.withdrawn.append(str(publication_withdraw(actor=SYSTEM, publication=pub, reason=reason, on=today)))
    to_republish = Publication.objects.filter(
        status=Publication.Status.WITHDRAWN, change_kind__in=Publication.REPUBLISHED_AFTER, republication__isnull=True
    )
    for pub in to_republish:
        try:
            report.republished.append(str(publication_republish(actor=SYSTEM, publication=pub, on=today)))
        except DomainError as e:
            report.refused.append(f"{pub}：{e.message}")
    expired = Publication.objects.filter(status=Publication.Status.PUBLISHED, takedown_on__lte=today)
    for pub in expired:
        report.taken_down.append(str(publication_take_down(actor=SYSTEM, publication=pub, on=today)))
    return report
