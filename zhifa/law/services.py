"""Acts on legal bases, articles, violation items and cleanups, each audited.

Who maintains what:
- the administrator and the legal affairs office maintain laws, regulations and rules
  (the national and local bases), and the normative documents of a government;
- an agency's head maintains the agency's own normative documents (D3.2b);
- the administrator and the legal affairs office maintain the violation items.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction

from zhifa.accounts.access import government_ids, has_role, require_login, require_manage_agency, require_role
from zhifa.accounts.models import Actor, Role
from zhifa.core import clock
from zhifa.core.errors import DomainError, forbidden, invalid
from zhifa.core.lawtext import int_to_cn
from zhifa.core.records import assign, save_record
from zhifa.core.rules import enforce
from zhifa.law import rules, selectors
from zhifa.law.models import Article, Cleanup, CleanupEntry, LegalBasis, ViolationItem
from zhifa.org.models import Agency, Government

Level = LegalBasis.Level

BASIS_FIELDS = (
    "title",
    "short_title",
    "level",
    "issuer",
    "issuing_agency",
    "issuing_government",
    "document_number",
    "promulgated_on",
    "effective_from",
    "amended_on",
    "amendments",
    "source",
)


# --- who may maintain a basis -----------------------------------------------------------


def can_maintain_basis(
    user: Actor, *, level: str, issuing_agency_id: int | None = None, issuing_government_id: int | None = None
) -> bool:
    """Laws, regulations and rules: administrator and legal affairs office. Normative
    documents: the issuing agency's head, or the legal affairs office of the issuing
    government (or a government above it)."""
    if not has_role(user, Role.ADMIN, Role.LEGAL_OFFICE, Role.HEAD):
        return False
    if user.role == Role.ADMIN:
        return True
    if level != Level.NORMATIVE_DOCUMENT:
        return user.role == Role.LEGAL_OFFICE
    if user.role == Role.HEAD:
        return issuing_agency_id is not None and issuing_agency_id == user.agency_id
    # The legal affairs office: a government's own documents within its area.
    if issuing_government_id is not None:
        return issuing_government_id in government_ids(user)
    return False


def _require_maintain(user, *, level, issuing_agency_id=None, issuing_government_id=None, action="维护该执法依据"):
    require_login(user)
    if not can_maintain_basis(
        user, level=level, issuing_agency_id=issuing_agency_id, issuing_government_id=issuing_government_id
    ):
        if level == Level.NORMATIVE_DOCUMENT:
            raise forbidden(
                f"规范性文件由制定机关的负责人维护（政府的规范性文件由政府法制机构维护），您不能{action}。",
                clauses=("D3.2b",),
            )
        raise forbidden(f"法律、法规和规章由系统管理员或政府法制机构维护，您不能{action}。")


def can_maintain(user: Actor, basis: LegalBasis) -> bool:
    return can_maintain_basis(
        user,
        level=basis.level,
        issuing_agency_id=basis.issuing_agency_id,
        issuing_government_id=basis.issuing_government_id,
    )


# --- legal bases ------------------------------------------------------------------------


def legal_basis_create(
    *,
    actor: Actor,
    title: str,
    level: str,
    promulgated_on: date,
    effective_from: date,
    issuer: str = "",
    short_title: str = "",
    slug: str = "",
    issuing_agency: Agency | None = None,
    issuing_government: Government | None = None,
    document_number: str = "",
    amended_on: date | None = None,
    amendments: list | None = None,
    source: str = "",
) -> LegalBasis:
    """登记一件执法依据（法律、法规、规章或者规范性文件）。

    An agency head registering a normative document registers it for the head's own
    agency (D3.2b: each agency cleans up what it issued).
    """
    with transaction.atomic():
        require_login(actor)
        if (
            level == Level.NORMATIVE_DOCUMENT
            and actor.role == Role.HEAD
            and issuing_agency is None
            and issuing_government is None
        ):
            issuing_agency = actor.agency
        _require_maintain(
            actor,
            level=level,
            issuing_agency_id=getattr(issuing_agency, "pk", None),
            issuing_government_id=getattr(issuing_government, "pk", None),
            action="登记该执法依据",
        )
        if not issuer:
            issuer = str(issuing_agency or issuing_government or "")
        basis = LegalBasis(
            title=title,
            short_title=short_title,
            slug=slug or f"basis-{uuid.uuid4().hex[:12]}",
            level=level,
            issuer=issuer,
            issuing_agency=issuing_agency,
            issuing_government=issuing_government,
            document_number=document_number,
            promulgated_on=promulgated_on,
            effective_from=effective_from,
            amended_on=amended_on,
            amendments=amendments or [],
            source=source,
        )
        return save_record(
            actor=actor, instance=basis, act="legal_basis.create", clauses=["D3.2a"] if basis.may_ground else ["D3.2b"]
        )


def legal_basis_update(*, actor: Actor, basis: LegalBasis, **data: Any) -> LegalBasis:
    """修改执法依据的登记信息。废止通过 :func:`legal_basis_repeal` 或清理办理。"""
    unknown = set(data) - set(BASIS_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields {unknown}")
    with transaction.atomic():
        basis = LegalBasis.objects.select_for_update().get(pk=basis.pk)
        _require_maintain(
            actor,
            level=basis.level,
            issuing_agency_id=basis.issuing_agency_id,
            issuing_government_id=basis.issuing_government_id,
            action="修改该执法依据",
        )
        changes = assign(basis, data)
        if not changes:
            return basis
        # The edited record must still be one the actor maintains (no handing a document to another agency).
        _require_maintain(
            actor,
            level=basis.level,
            issuing_agency_id=basis.issuing_agency_id,
            issuing_government_id=basis.issuing_government_id,
            action="作出这一修改",
        )
        return save_record(actor=actor, instance=basis, act="legal_basis.update", changes=changes)


def _repeal(actor, basis: LegalBasis, repealed_on: date, reason: str, clauses) -> LegalBasis:
    enforce(rules.repeal_lawful(basis, reason))
    changes = assign(basis, {"repealed_on": repealed_on, "repeal_reason": reason.strip()[:300]})
    return save_record(
        actor=actor,
        instance=basis,
        act="legal_basis.repeal",
        changes=changes,
        clauses=clauses,
        agency=basis.issuing_agency_id,
    )


def legal_basis_repeal(*, actor: Actor, basis: LegalBasis, repealed_on: date, reason: str) -> LegalBasis:
    """登记废止：自废止之日起不再是有效的执法依据（D3.2b：立即停止执行并公示废止）。"""
    with transaction.atomic():
        basis = LegalBasis.objects.select_for_update().get(pk=basis.pk)
        _require_maintain(
            actor,
            level=basis.level,
            issuing_agency_id=basis.issuing_agency_id,
            issuing_government_id=basis.issuing_government_id,
            action="登记该文件的废止",
        )
        return _repeal(actor, basis, repealed_on, reason, ["D3.2b"])


# --- articles ---------------------------------------------------------------------------


def article_create(
    *, actor: Actor, basis: LegalBasis, number: int, text: str, label: str = "", chapter: str = ""
) -> Article:
    """登记一条条文。"""
    with transaction.atomic():
        _require_maintain(
            actor,
            level=basis.level,
            issuing_agency_id=basis.issuing_agency_id,
            issuing_government_id=basis.issuing_government_id,
            action="登记该依据的条文",
        )
        if basis.articles.filter(number=number).exists():
            raise DomainError.of("conflict", f"《{basis.name_for_citation}》已有第{number}条。", field="number")
        article = Article(
            basis=basis,
            number=number,
            label=label or (f"第{int_to_cn(number)}条" if number else ""),
            chapter=chapter,
            text=text,
        )
        return save_record(actor=actor, instance=article, act="article.create", agency=basis.issuing_agency_id)


def article_update(*, actor: Actor, article: Article, **data: Any) -> Article:
    unknown = set(data) - {"number", "label", "chapter", "text"}
    if unknown:
        raise TypeError(f"unknown fields {unknown}")
    with transaction.atomic():
        basis = article.basis
        _require_maintain(
            actor,
            level=basis.level,
            issuing_agency_id=basis.issuing_agency_id,
            issuing_government_id=basis.issuing_government_id,
            action="修改该依据的条文",
        )
        changes = assign(article, data)
        if not changes:
            return article
        return save_record(
            actor=actor, instance=article, act="article.update", changes=changes, agency=basis.issuing_agency_id
        )


# --- violation items --------------------------------------------------------------------


def _require_item_maintainer(actor, action):
    require_role(actor, Role.LEGAL_OFFICE, action=action)


def violation_item_create(
    *,
    actor: Actor,
    code: str,
    name: str,
    field: str,
    violated: Iterable[str] = (),
    penalty: Iterable[str] = (),
    penalty_summary: str = "",
    health_or_finance: bool = False,
) -> ViolationItem:
    """登记违法行为事项：违反的条文与处罚依据条文（均须为已登记的条文）。"""
    with transaction.atomic():
        _require_item_maintainer(actor, "登记违法行为事项")
        violated_articles = selectors.articles_for(violated, field="violated")
        penalty_articles = selectors.articles_for(penalty, field="penalty")
        if not violated_articles:
            raise invalid("请至少引用一条违反的条文。", field="violated")
        if not penalty_articles:
            raise invalid("请至少引用一条处罚依据条文。", field="penalty")
        enforce(*(rules.basis_is_law_or_rule(a) for a in penalty_articles))
        item = ViolationItem(
            code=code.strip(),
            name=name.strip(),
            field=field,
            penalty_summary=penalty_summary,
            health_or_finance=health_or_finance,
        )
        return save_record(
            actor=actor,
            instance=item,
            act="violation_item.create",
            clauses=["D3.10a"],
            m2m={"violated_articles": violated_articles, "penalty_articles": penalty_articles},
        )


def violation_item_update(
    *,
    actor: Actor,
    item: ViolationItem,
    violated: Iterable[str] | None = None,
    penalty: Iterable[str] | None = None,
    **data: Any,
) -> ViolationItem:
    unknown = set(data) - {"code", "name", "field", "penalty_summary", "health_or_finance"}
    if unknown:
        raise TypeError(f"unknown fields {unknown}")
    with transaction.atomic():
        _require_item_maintainer(actor, "修改违法行为事项")
        m2m = {}
        if violated is not None:
            m2m["violated_articles"] = selectors.articles_for(violated, field="violated")
            if not m2m["violated_articles"]:
                raise invalid("请至少引用一条违反的条文。", field="violated")
        if penalty is not None:
            m2m["penalty_articles"] = selectors.articles_for(penalty, field="penalty")
            if not m2m["penalty_articles"]:
                raise invalid("请至少引用一条处罚依据条文。", field="penalty")
            enforce(*(rules.basis_is_law_or_rule(a) for a in m2m["penalty_articles"]))
        changes = assign(item, data)
        # Only what actually changed is saved and audited.
        m2m = {n: v for n, v in m2m.items() if set(getattr(item, n).values_list("pk", flat=True)) != {a.pk for a in v}}
        if not changes and not m2m:
            return item
        return save_record(
            actor=actor,
            instance=item,
            act="violation_item.update",
            changes=changes,
            m2m=m2m or None,
            clauses=["D3.10a"] if "penalty_articles" in m2m else [],
        )


def violation_item_ensure(
    *,
    actor: Actor,
    code: str,
    name: str,
    field: str,
    violated: Iterable[str] = (),
    penalty: Iterable[str] = (),
    penalty_summary: str = "",
    health_or_finance: bool = False,
) -> ViolationItem:
    """The item with ``code`` if it exists (unchanged), else a new one registered with
    :func:`violation_item_create`. Importers call this so a second run changes nothing."""
    existing = ViolationItem.objects.filter(code=code.strip()).first()
    if existing is not None:
        return existing
    return violation_item_create(
        actor=actor,
        code=code,
        name=name,
        field=field,
        violated=violated,
        penalty=penalty,
        penalty_summary=penalty_summary,
        health_or_finance=health_or_finance,
    )


# --- cleanups (D3.2b, D3.2c) ------------------------------------------------------------


def _require_organiser(actor, *, agency=None, government=None, action: str):
    if agency is not None:
        require_manage_agency(actor, agency.pk, action=action)
        return
    require_role(actor, Role.LEGAL_OFFICE, action=action)
    if actor.role != Role.ADMIN and actor.government_id != government.pk:
        raise forbidden(f"只有{government}的政府法制机构可以{action}。", clauses=("D3.2c",))


def _not_future(value: date, field: str, what: str):
    if value > clock.today():
        raise invalid(f"{what}不得晚于今天。", field=field)


def cleanup_open(
    *,
    actor: Actor,
    title: str,
    started_on: date,
    scope: str = Cleanup.Scope.PERIODIC,
    agency: Agency | None = None,
    government: Government | None = None,
) -> Cleanup:
    """组织清理：执法机关定期清理本机关的规范性文件（D3.2b）；政府每届任期内至少一次
    全面清理本级政府的规章和规范性文件（D3.2c）。"""
    with transaction.atomic():
        if (agency is None) == (government is None):
            raise invalid("清理由一个执法机关或者一级政府组织，请选择其一。", field="agency")
        _require_organiser(actor, agency=agency, government=government, action="组织清理")
        _not_future(started_on, "started_on", "开始日期")
        cleanup = Cleanup(title=title, started_on=started_on, scope=scope, agency=agency, government=government)
        return save_record(
            actor=actor, instance=cleanup, act="cleanup.open", clauses=["D3.2b"] if agency else ["D3.2c"]
        )


def cleanup_entry_record(
    *, actor: Actor, cleanup: Cleanup, basis: LegalBasis, outcome: str, reason: str, decided_on: date
) -> CleanupEntry:
    """对一件文件作出清理结论：确认继续有效、修改或者废止。

    A repeal takes effect on ``decided_on`` (D3.2b: 立即停止执行): the basis's
    ``repealed_on`` is set in the same act, so :func:`rules.basis_in_force` refuses it
    from that date, and the public repeal list shows it at once.
    """
    with transaction.atomic():
        cleanup = Cleanup.objects.select_for_update().get(pk=cleanup.pk)
        basis = LegalBasis.objects.select_for_update().get(pk=basis.pk)
        _require_organiser(actor, agency=cleanup.agency, government=cleanup.government, action="登记清理结论")
        enforce(
            rules.cleanup_still_open(cleanup),
            rules.cleanup_entry_on_own_document(cleanup, basis),
            rules.cleanup_entry_on_a_live_document(basis, decided_on),
        )
        if decided_on < cleanup.started_on:
            raise invalid(f"决定日期不得早于清理开始日期（{cleanup.started_on}）。", field="decided_on")
        _not_future(decided_on, "decided_on", "决定日期")
        if cleanup.entries.filter(basis=basis).exists():
            raise DomainError.of("conflict", f"本次清理已对《{basis.title}》作出结论。", field="basis")
        entry = CleanupEntry(
            cleanup=cleanup, basis=basis, outcome=outcome, reason=reason.strip(), decided_on=decided_on
        )
        clauses = ["D3.2b"] if cleanup.agency_id else ["D3.2c"]
        save_record(actor=actor, instance=entry, act="cleanup.entry", clauses=clauses, agency=cleanup.agency_id)
        if outcome == CleanupEntry.Outcome.REPEAL:
            _repeal(actor, basis, decided_on, f"{cleanup.title}：{reason.strip()}", ["D3.2b"])
        return entry


def cleanup_complete(*, actor: Actor, cleanup: Cleanup, completed_on: date) -> Cleanup:
    """完成清理：制定机关的每一件现行文件都已有结论。"""
    with transaction.atomic():
        cleanup = Cleanup.objects.select_for_update().get(pk=cleanup.pk)
        _require_organiser(actor, agency=cleanup.agency, government=cleanup.government, action="完成清理")
        enforce(
            rules.cleanup_still_open(cleanup),
            rules.cleanup_covers_every_document(cleanup, selectors.documents_pending(cleanup)),
        )
        _not_future(completed_on, "completed_on", "完成日期")
        changes = assign(cleanup, {"completed_on": completed_on})
        return save_record(
            actor=actor,
            instance=cleanup,
            act="cleanup.complete",
            changes=changes,
            clauses=["D3.2b"] if cleanup.agency_id else ["D3.2b", "D3.2c"],
            agency=cleanup.agency_id,
        )


def cleanup_publish(*, actor: Actor, cleanup: Cleanup, published_on: date, summary: str = "") -> Cleanup:
    """向社会公布清理结果（D3.2b：及时公示废止）。"""
    with transaction.atomic():
        cleanup = Cleanup.objects.select_for_update().get(pk=cleanup.pk)
        _require_organiser(actor, agency=cleanup.agency, government=cleanup.government, action="公布清理结果")
        enforce(rules.cleanup_completed_before_publication(cleanup))
        if cleanup.published_on:
            raise DomainError.of("conflict", f"清理结果已于{cleanup.published_on}公布。", field="published_on")
        _not_future(published_on, "published_on", "公布日期")
        changes = assign(cleanup, {"published_on": published_on, "summary": summary or cleanup.summary})
        return save_record(
            actor=actor,
            instance=cleanup,
            act="cleanup.publish",
            changes=changes,
            clauses=["D3.2b"],
            agency=cleanup.agency_id,
        )
