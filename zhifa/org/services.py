"""Acts on enforcement bodies: governments, their legal affairs offices and supervisory
organs, terms, agencies and their standing (D3.1c), powers (D2.2), delegations (D2.4)
and posts (D2.5). Each act checks who may do it and its rules, writes, and appends to
the audit log in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Model, Q

from zhifa.accounts.access import require_manage_agency, require_role
from zhifa.accounts.models import Actor, Role, User
from zhifa.core import clock
from zhifa.core.errors import invalid
from zhifa.core.records import assign, save_record
from zhifa.core.rules import enforce
from zhifa.org import rules, selectors
from zhifa.org.authority import acting_office, require_office_over
from zhifa.org.models import (
    Agency,
    Delegation,
    Government,
    GovernmentBody,
    GovernmentTerm,
    LegalAffairsOffice,
    Post,
    Power,
    StandingDecision,
    SupervisoryOrgan,
)


def _only(data: dict, allowed) -> None:
    unknown = set(data) - set(allowed)
    if unknown:
        raise TypeError(f"unknown fields {sorted(unknown)}")


# --- Governments ----------------------------------------------------------------------

GOVERNMENT_FIELDS = ("name", "level", "parent", "division_code")


def government_create(
    *, actor: Actor, name: str, level: str, division_code: str, parent: Government | None = None
) -> Government:
    """登记人民政府（市、区县）。Only the administrator maintains the list of governments."""
    with transaction.atomic():
        require_role(actor, Role.ADMIN, action="登记人民政府")
        gov = Government(name=name, level=level, division_code=division_code, parent=parent)
        return save_record(actor=actor, instance=gov, act="government.create")


def government_update(*, actor: Actor, government: Government, **data: Any) -> Government:
    with transaction.atomic():
        require_role(actor, Role.ADMIN, action="修改人民政府信息")
        _only(data, GOVERNMENT_FIELDS)
        changes = assign(government, data)
        return save_record(actor=actor, instance=government, act="government.update", changes=changes)


# --- Legal affairs offices and supervisory organs -------------------------------------
# The same registry twice: one implementation, told which body it keeps.

OFFICE_FIELDS = ("government", "name", "address", "phone")


@dataclass(frozen=True)
class BodyKind:
    """What differs between the two registries of bodies attached to a government."""

    model: type[GovernmentBody]
    act: str  # the audit act's prefix
    label: str  # 中文名称，用于拒绝的说明
    clause: str  # the clause the body serves


OFFICE = BodyKind(LegalAffairsOffice, "legal_affairs_office", "政府法制机构", "D6.1")
ORGAN = BodyKind(SupervisoryOrgan, "supervisory_organ", "监察机关", "D6.7a")


def body_create(
    kind: BodyKind, *, actor: User, government: Government, name: str, address: str = "", phone: str = ""
) -> GovernmentBody:
    """登记一级政府的法制机构或监察机关。Only the administrator registers them."""
    with transaction.atomic():
        require_role(actor, Role.ADMIN, action=f"登记{kind.label}")
        body = kind.model(government=government, name=name, address=address, phone=phone)
        return save_record(actor=actor, instance=body, act=f"{kind.act}.create", clauses=[kind.clause])


def body_update(kind: BodyKind, *, actor: User, body: GovernmentBody, **data: Any) -> GovernmentBody:
    with transaction.atomic():
        require_role(actor, Role.ADMIN, action=f"修改{kind.label}信息")
        _only(data, OFFICE_FIELDS)
        changes = assign(body, data)
        return save_record(actor=actor, instance=body, act=f"{kind.act}.update", changes=changes)


def legal_affairs_office_create(
    *, actor: User, government: Government, name: str, address: str = "", phone: str = ""
) -> LegalAffairsOffice:
    """登记政府法制机构（司法局）：每级政府一个，负责认证执法主体和人员、监督执法（D3.1c, D6.1）。"""
    return body_create(OFFICE, actor=actor, government=government, name=name, address=address, phone=phone)


def legal_affairs_office_update(*, actor: User, office: LegalAffairsOffice, **data: Any) -> LegalAffairsOffice:
    return body_update(OFFICE, actor=actor, body=office, **data)


def supervisory_organ_create(
    *, actor: User, government: Government, name: str, address: str = "", phone: str = ""
) -> SupervisoryOrgan:
    """登记监察机关：受理公民、法人和其他组织对执法违法行为的举报和投诉（D6.7a）。"""
    return body_create(ORGAN, actor=actor, government=government, name=name, address=address, phone=phone)


def supervisory_organ_update(*, actor: User, organ: SupervisoryOrgan, **data: Any) -> SupervisoryOrgan:
    return body_update(ORGAN, actor=actor, body=organ, **data)


# --- Government terms -----------------------------------------------------------------

TERM_FIELDS = ("number", "starts_on", "ends_on")


def _check_term_overlap(term: GovernmentTerm) -> None:
    if not (term.government_id and term.starts_on and term.ends_on):
        return
    overlapping = (
        GovernmentTerm.objects.filter(
            government_id=term.government_id, starts_on__lte=term.ends_on, ends_on__gte=term.starts_on
        )
        .exclude(pk=term.pk)
        .first()
    )
    enforce(rules.terms_do_not_overlap(term, overlapping))


def government_term_create(
    *, actor: Actor, government: Government, number: int, starts_on: date, ends_on: date
) -> GovernmentTerm:
    """登记一届政府任期：每届任期内至少全面清理一次规章和规范性文件（D3.2c）。"""
    with transaction.atomic():
        require_office_over(actor, government, "登记政府任期")
        term = GovernmentTerm(government=government, number=number, starts_on=starts_on, ends_on=ends_on)
        _check_term_overlap(term)
        return save_record(actor=actor, instance=term, act="government_term.create", clauses=["D3.2c"])


def government_term_update(*, actor: Actor, term: GovernmentTerm, **data: Any) -> GovernmentTerm:
    with transaction.atomic():
        require_office_over(actor, term.government, "修改政府任期")
        _only(data, TERM_FIELDS)
        changes = assign(term, data)
        _check_term_overlap(term)
        return save_record(actor=actor, instance=term, act="government_term.update", changes=changes)


# --- Agencies and their standing ------------------------------------------------------

AGENCY_FIELDS = ("name", "short_name", "code", "case_prefix", "kind", "field", "government", "uscc", "address", "phone")


def agency_create(
    *,
    actor: Actor,
    name: str,
    code: str,
    case_prefix: str,
    field: str,
    government: Government,
    kind: str = Agency.Kind.AGENCY,
    short_name: str = "",
    uscc: str = "",
    address: str = "",
    phone: str = "",
) -> Agency:
    """登记执法主体（行政执法机关、被授权组织或受委托组织）。登记后主体资格待确认（D3.1c）。"""
    with transaction.atomic():
        require_office_over(actor, government, "登记执法主体")
        agency = Agency(
            name=name,
            code=code,
            case_prefix=case_prefix,
            field=field,
            government=government,
            kind=kind,
            short_name=short_name,
            uscc=uscc,
            address=address,
            phone=phone,
            standing=Agency.Standing.PENDING,
        )
        save_record(actor=actor, instance=agency, act="agency.create", clauses=["D2.2"])
        return agency


def agency_update(*, actor: Actor, agency: Agency, **data: Any) -> Agency:
    """修改执法主体的登记信息（主体资格只能通过确认、暂停、撤销改变）。"""
    with transaction.atomic():
        require_office_over(actor, agency.government, "修改执法主体信息")
        _only(data, AGENCY_FIELDS)
        if "government" in data and data["government"] != agency.government:
            require_office_over(actor, data["government"], "把执法主体改属该政府")
        changes = assign(agency, data)
        return save_record(actor=actor, instance=agency, act="agency.update", changes=changes, agency=agency.pk)


def agency_decide_standing(*, actor: Actor, agency: Agency, standing: str, reason: str, on: date) -> StandingDecision:
    """政府法制机构定期清理、确认执法主体资格，或者暂停、撤销，并向社会公告（D3.1c）。

    Refused when the decision does not follow from the current standing (a revoked
    body cannot be confirmed again; only a confirmed body can be suspended) or the
    reason is missing. The decision is published on the agency's public page.
    """
    with transaction.atomic():
        agency = Agency.objects.select_for_update().get(pk=agency.pk)
        require_office_over(actor, agency.government, "确认、暂停或者撤销执法主体资格")
        if standing not in rules.STANDING_FROM:
            raise invalid("请选择确认、暂停或者撤销。", field="standing")
        enforce(rules.standing_decision_follows(agency, standing), rules.standing_decision_reasoned(reason))
        if on > clock.today():
            raise invalid("决定日期不得晚于今天。", field="on")
        decision = StandingDecision(
            agency=agency,
            standing=standing,
            previous=agency.standing,
            decided_on=on,
            reason=reason.strip(),
            office=acting_office(actor, agency.government),
        )
        save_record(actor=actor, instance=decision, act="standing_decision.create", clauses=["D3.1c"], agency=agency.pk)
        data = {"standing": standing, "standing_note": reason.strip()[:200]}
        if standing == Agency.Standing.CONFIRMED:
            data["standing_confirmed_on"] = on
        changes = assign(agency, data)
        save_record(
            actor=actor, instance=agency, act="agency.standing", changes=changes, clauses=["D3.1c"], agency=agency.pk
        )
        return decision


def agency_confirm_standing(*, actor: Actor, agency: Agency, reason: str, on: date) -> StandingDecision:
    return agency_decide_standing(actor=actor, agency=agency, standing=Agency.Standing.CONFIRMED, reason=reason, on=on)


def agency_suspend_standing(*, actor: Actor, agency: Agency, reason: str, on: date) -> StandingDecision:
    return agency_decide_standing(actor=actor, agency=agency, standing=Agency.Standing.SUSPENDED, reason=reason, on=on)


def agency_revoke_standing(*, actor: Actor, agency: Agency, reason: str, on: date) -> StandingDecision:
    return agency_decide_standing(actor=actor, agency=agency, standing=Agency.Standing.REVOKED, reason=reason, on=on)


# --- Powers ----------------------------------------------------------------------------

POWER_FIELDS = ("code", "name", "category", "valid_from", "valid_to", "basis_articles", "violation_items")


def _power_rules(category, basis_articles, items):
    basis_articles = list(selectors.articles_with_basis().filter(pk__in=[a.pk for a in basis_articles]))
    enforce(
        rules.power_has_legal_basis(basis_articles), rules.power_basis_covers_items(category, basis_articles, items)
    )


def power_create(
    *,
    actor: Actor,
    agency: Agency,
    code: str,
    name: str,
    valid_from: date,
    category: str = Power.Category.PENALTY,
    valid_to: date | None = None,
    basis_articles: Iterable[Model] = (),
    violation_items: Iterable[Model] = (),
) -> Power:
    """列入执法事项目录：一项法定职权，依据法律、法规、规章的条文，覆盖若干违法行为（D2.2, D3.1a）。"""
    with transaction.atomic():
        require_office_over(actor, agency.government, "维护执法事项目录")
        basis_articles, violation_items = list(basis_articles), list(violation_items)
        _power_rules(category, basis_articles, violation_items)
        power = Power(agency=agency, code=code, name=name, category=category, valid_from=valid_from, valid_to=valid_to)
        return save_record(
            actor=actor,
            instance=power,
            act="power.create",
            clauses=["D2.2", "D3.1a"],
            m2m={"basis_articles": basis_articles, "violation_items": violation_items},
        )


def power_update(*, actor: Actor, power: Power, **data: Any) -> Power:
    with transaction.atomic():
        require_office_over(actor, power.agency.government, "维护执法事项目录")
        _only(data, POWER_FIELDS)
        m2m = {k: list(data.pop(k)) for k in ("basis_articles", "violation_items") if k in data}
        changes = assign(power, data)
        basis = m2m.get("basis_articles", list(power.basis_articles.all()))
        items = m2m.get("violation_items", list(power.violation_items.all()))
        _power_rules(power.category, basis, items)
        return save_record(
            actor=actor, instance=power, act="power.update", changes=changes, clauses=["D2.2", "D3.1a"], m2m=m2m or None
        )


# --- Delegations -----------------------------------------------------------------------

DELEGATION_FIELDS = ("powers", "basis_article", "document_number", "scope_note", "valid_from", "valid_to")


def _qualified_officers(agency: Agency, on: date) -> int:
    # org sits below people: the agency's officers through the relation people's Officer declares.
    return (
        agency.officers.filter(active=True, qualifications__obtained_on__lte=on)
        .filter(Q(qualifications__revoked_on__isnull=True) | Q(qualifications__revoked_on__gt=on))
        .distinct()
        .count()
    )


def _delegation_rules(delegation: Delegation, powers) -> None:
    basis = None
    if delegation.basis_article_id:
        basis = selectors.articles_with_basis().get(pk=delegation.basis_article_id)
    enforce(
        rules.delegation_written_with_scope(delegation.kind, delegation.document_number, powers),
        rules.authorisation_by_law_or_regulation(delegation.kind, basis),
        rules.entrusts_own_powers(delegation.kind, delegation.delegator, powers),
        rules.entrusted_org_has_qualified_staff(
            delegation.kind, delegation.recipient, _qualified_officers(delegation.recipient, delegation.valid_from)
        ),
    )


def _require_delegation_maintainer(actor, kind: str, delegator: Agency | None, recipient: Agency, action: str) -> None:
    if kind == Delegation.Kind.ENTRUSTMENT and delegator is not None:
        # The entrusting agency's head, or the legal affairs office above it.
        require_manage_agency(actor, delegator.pk, action=action)
    else:
        require_office_over(actor, recipient.government, action)


def delegation_create(
    *,
    actor: Actor,
    kind: str,
    recipient: Agency,
    powers: Iterable[Power],
    valid_from: date,
    valid_to: date,
    delegator: Agency | None = None,
    basis_article: Model | None = None,
    document_number: str = "",
    scope_note: str = "",
) -> Delegation:
    """登记授权（法律、法规授权的组织）或者委托（行政机关书面委托），写明范围、期限和受托组织（D2.4, D3.1a）。

    Refused when an entrustment is not in writing, entrusts powers the agency does not
    itself hold, or goes to an organisation without qualified officers; or when an
    authorisation does not rest on a law or regulation.
    """
    with transaction.atomic():
        if kind not in Delegation.Kind.values:
            raise invalid("请选择法律法规授权或者行政机关委托。", field="kind")
        enforce(rules.delegator_fits_the_kind(kind, delegator))
        _require_delegation_maintainer(actor, kind, delegator, recipient, "登记授权或者委托")
        powers = list(Power.objects.filter(pk__in=[p.pk for p in powers]).select_related("agency"))
        delegation = Delegation(
            kind=kind,
            delegator=delegator,
            recipient=recipient,
            basis_article=basis_article,
            document_number=document_number,
            scope_note=scope_note,
            valid_from=valid_from,
            valid_to=valid_to,
        )
        _delegation_rules(delegation, powers)
        return save_record(
            actor=actor,
            instance=delegation,
            act="delegation.create",
            clauses=["D2.4", "D3.1a"],
            agency=recipient.pk,
            m2m={"powers": powers},
        )


def delegation_update(*, actor: Actor, delegation: Delegation, **data: Any) -> Delegation:
    """修改授权或者委托的范围、期限、依据（已撤回的不能修改）。"""
    with transaction.atomic():
        delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
        _require_delegation_maintainer(
            actor, delegation.kind, delegation.delegator, delegation.recipient, "修改授权或者委托"
        )
        enforce(rules.delegation_not_revoked(delegation))
        _only(data, DELEGATION_FIELDS)
        m2m = {}
        if "powers" in data:
            m2m["powers"] = list(
                Power.objects.filter(pk__in=[p.pk for p in data.pop("powers")]).select_related("agency")
            )
        changes = assign(delegation, data)
        powers = m2m.get("powers", list(delegation.powers.select_related("agency")))
        _delegation_rules(delegation, powers)
        return save_record(
            actor=actor,
            instance=delegation,
            act="delegation.update",
            changes=changes,
            clauses=["D2.4", "D3.1a"],
            agency=delegation.recipient_id,
            m2m=m2m or None,
        )


def delegation_revoke(*, actor: Actor, delegation: Delegation, reason: str, on: date) -> Delegation:
    """撤回授权或者委托，写明理由；撤回之日起受托组织不得再以此实施执法（D2.4, D3.1a）。"""
    with transaction.atomic():
        delegation = Delegation.objects.select_for_update().get(pk=delegation.pk)
        _require_delegation_maintainer(
            actor, delegation.kind, delegation.delegator, delegation.recipient, "撤回授权或者委托"
        )
        enforce(rules.delegation_not_revoked(delegation), rules.delegation_revocation_reasoned(reason))
        if on < delegation.valid_from:
            raise invalid("撤回日期不得早于起始日期。", field="on")
        changes = assign(delegation, {"revoked_on": on, "revocation_reason": reason.strip()})
        return save_record(
            actor=actor,
            instance=delegation,
            act="delegation.revoke",
            changes=changes,
            clauses=["D2.4", "D3.1a"],
            agency=delegation.recipient_id,
        )


# --- Posts -----------------------------------------------------------------------------

POST_FIELDS = ("name", "responsibilities", "liability", "powers")


def held_power_ids(agency: Agency) -> set[int]:
    """The powers ``agency`` holds: its own and those delegated to it and not revoked."""
    own = set(Power.objects.filter(agency=agency).values_list("pk", flat=True))
    delegated = set(
        Power.objects.filter(delegations__recipient=agency, delegations__revoked_on__isnull=True).values_list(
            "pk", flat=True
        )
    )
    return own | delegated


def post_create(
    *, actor: Actor, agency: Agency, name: str, responsibilities: str, liability: str = "", powers: Iterable[Power] = ()
) -> Post:
    """设定执法岗位，明确其具体执法责任和违反职责应承担的责任（D2.5）。"""
    with transaction.atomic():
        require_manage_agency(actor, agency.pk, action="设定执法岗位")
        powers = list(powers)
        enforce(rules.post_powers_within_agency(agency, powers, held_power_ids(agency)))
        post = Post(agency=agency, name=name, responsibilities=responsibilities, liability=liability)
        return save_record(actor=actor, instance=post, act="post.create", clauses=["D2.5"], m2m={"powers": powers})


def post_update(*, actor: Actor, post: Post, **data: Any) -> Post:
    with transaction.atomic():
        require_manage_agency(actor, post.agency_id, action="修改执法岗位")
        _only(data, POST_FIELDS)
        m2m = {"powers": list(data.pop("powers"))} if "powers" in data else {}
        if m2m:
            enforce(rules.post_powers_within_agency(post.agency, m2m["powers"], held_power_ids(post.agency)))
        changes = assign(post, data)
        return save_record(
            actor=actor, instance=post, act="post.update", changes=changes, clauses=["D2.5"], m2m=m2m or None
        )
