"""Reads of legal bases, violation items and cleanups.

Legal bases, their articles and violation items are public records (D3.2a): anyone may
read them, in force or not. Cleanups are internal to their organiser (and the offices
above it) until published; a published cleanup and every repeal are public (D3.2b).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When

from zhifa.accounts.access import government_ids, is_staff_user, q_visible, visible_agency_ids
from zhifa.accounts.models import AGENCY_ROLES, Actor, Role
from zhifa.core.errors import Violation, invalid
from zhifa.core.lawtext import UnknownCitation, parse_citation
from zhifa.core.references import get_or_not_found
from zhifa.law import rules
from zhifa.law.models import Article, Cleanup, CleanupEntry, LegalBasis, ViolationItem
from zhifa.org.models import Agency, GovernmentTerm

# --- legal bases and articles -----------------------------------------------------------


def q_in_force(on: date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}effective_from__lte": on}) & (
        Q(**{f"{prefix}repealed_on__isnull": True}) | Q(**{f"{prefix}repealed_on__gt": on})
    )


LEVEL_RANK = Case(
    *(When(level=value, then=Value(rank)) for rank, value in enumerate(LegalBasis.Level.values)), default=Value(99)
)


def basis_list() -> QuerySet:
    """Bases by level (law first, normative documents last), newest first within a level."""
    return (
        LegalBasis.objects.select_related("issuing_agency", "issuing_government")
        .annotate(article_count=Count("articles"), level_rank=LEVEL_RANK)
        .order_by("level_rank", "-effective_from", "title", "pk")
    )


def basis_search(
    qs: QuerySet,
    *,
    level: str | None = None,
    in_force_on: date | None = None,
    issuer: str | None = None,
    q: str | None = None,
) -> QuerySet:
    """The filters of the list pages and the API, in one place."""
    if level:
        qs = qs.filter(level=level)
    if in_force_on:
        qs = qs.filter(q_in_force(in_force_on))
    if issuer:
        qs = qs.filter(issuer__icontains=issuer)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(short_title__icontains=q) | Q(document_number__icontains=q))
    return qs


def basis_get(pk: int) -> LegalBasis:
    return get_or_not_found(basis_list(), "执法依据", pk=pk)


def bases_in_force(on: date) -> QuerySet:
    """What the public sees (D3.2a): the bases in force on ``on``."""
    return basis_list().filter(q_in_force(on))


def public_basis_get(pk: int, on: date) -> LegalBasis:
    return get_or_not_found(bases_in_force(on), "现行执法依据", pk=pk)


def repeals() -> QuerySet:
    """Every repealed basis, newest first: a repeal is published at once (D3.2b)."""
    entries = CleanupEntry.objects.filter(outcome=CleanupEntry.Outcome.REPEAL).select_related("cleanup")
    return (
        basis_list()
        .filter(repealed_on__isnull=False)
        .prefetch_related(Prefetch("cleanup_entries", queryset=entries, to_attr="repeal_entries"))
        .order_by("-repealed_on", "title")
    )


def article_get(pk: int) -> Article:
    return get_or_not_found(Article.objects.select_related("basis"), "条文", pk=pk)


def basis_by_name(name: str, on: date | None = None) -> LegalBasis | None:
    """The basis a citation names (short title or full title), the one in force on ``on``
    when several versions are held, else the latest."""
    qs = LegalBasis.objects.filter(Q(short_title=name) | Q(title=name) | Q(title=f"中华人民共和国{name}"))
    if on is not None:
        current = qs.filter(q_in_force(on)).order_by("-effective_from").first()
        if current:
            return current
    return qs.order_by("-effective_from").first()


def article_by_citation(text: str, on: date | None = None) -> Article:
    """``食品安全法第三十四条`` → the Article; raises UnknownCitation when not held."""
    cit = parse_citation(text)
    basis = basis_by_name(cit.law, on)
    if basis is None:
        raise UnknownCitation(f"尚未收录《{cit.law}》：{text}")
    article = basis.articles.filter(number=cit.article).first()
    if article is None:
        raise UnknownCitation(f"《{basis.name_for_citation}》没有收录第{cit.article}条：{text}")
    return article


def articles_for(citations: Iterable[str], *, field: str) -> list[Article]:
    """Resolve a list of citations, or refuse at ``field`` naming the first unknown one."""
    found = []
    for text in citations:
        text = text.strip()
        if not text:
            continue
        try:
            found.append(article_by_citation(text))
        except UnknownCitation as exc:
            raise invalid(
                f"{exc}。请先在执法依据中登记该条文，或检查引用格式（如“食品安全法第三十四条”）。", field=field
            ) from None
    return found


# --- violation items --------------------------------------------------------------------


def item_list() -> QuerySet:
    return ViolationItem.objects.prefetch_related("violated_articles__basis", "penalty_articles__basis")


def item_get(pk: int) -> ViolationItem:
    return get_or_not_found(item_list(), "违法行为事项", pk=pk)


# --- cleanups ---------------------------------------------------------------------------


def _q_cleanups_visible(user) -> Q | None:
    """None: every cleanup; else the Q of the cleanups ``user`` may see before publication."""
    if user.role == Role.ADMIN:
        return None
    q = q_visible(user, "agency")
    if user.role in AGENCY_ROLES:
        return q
    return q | Q(government_id__in=government_ids(user))


def cleanup_list(user: Actor) -> QuerySet:
    qs = (
        Cleanup.objects.select_related("agency", "government")
        .annotate(entry_count=Count("entries"))
        .order_by("-started_on", "-pk")
    )
    if not is_staff_user(user):
        return qs.filter(published_on__isnull=False)
    q = _q_cleanups_visible(user)
    return qs if q is None else qs.filter(q | Q(published_on__isnull=False))


def cleanup_get(user: Actor, pk: int) -> Cleanup:
    return get_or_not_found(cleanup_list(user), "清理", pk=pk)


def published_cleanups() -> QuerySet:
    return (
        Cleanup.objects.filter(published_on__isnull=False)
        .select_related("agency", "government")
        .annotate(entry_count=Count("entries"))
        .order_by("-published_on")
    )


def published_cleanup_get(pk: int) -> Cleanup:
    return get_or_not_found(published_cleanups(), "清理结果", pk=pk)


def cleanup_entries(cleanup: Cleanup) -> QuerySet:
    return cleanup.entries.select_related("basis").order_by("basis__level", "basis__title")


def documents_of(cleanup: Cleanup) -> QuerySet:
    """The organiser's own documents that this cleanup must cover (D3.2b, D3.2c)."""
    qs = LegalBasis.objects.filter(level__in=rules._own_levels(cleanup))
    if cleanup.agency_id:
        return qs.filter(issuing_agency_id=cleanup.agency_id)
    return qs.filter(issuing_government_id=cleanup.government_id)


def documents_pending(cleanup: Cleanup) -> list[LegalBasis]:
    """Own documents in force when the cleanup started that have no conclusion yet."""
    done = cleanup.entries.values_list("basis_id", flat=True)
    return list(documents_of(cleanup).filter(q_in_force(cleanup.started_on)).exclude(pk__in=done).order_by("title"))


@dataclass(frozen=True)
class CleanupReminder:
    """A government term that passed without a completed full cleanup (D3.2c)."""

    term: object
    violation: Violation

    @property
    def government(self):
        return self.term.government

    @property
    def message(self) -> str:
        return self.violation.full_message


def cleanup_reminders(user: Actor, on: date) -> list[CleanupReminder]:
    """Reminders on ``on`` for the governments ``user`` supervises: the legal affairs
    office and the supervisory organ see their government and those under it."""

    if not is_staff_user(user) or not (user.role == Role.ADMIN or user.role in (Role.LEGAL_OFFICE, Role.SUPERVISOR)):
        return []
    terms = (
        GovernmentTerm.objects.select_related("government")
        .filter(ends_on__lt=on)
        .order_by("government__division_code", "starts_on")
    )
    if user.role != Role.ADMIN:
        terms = terms.filter(government_id__in=government_ids(user))
    terms = list(terms)
    full = list(
        Cleanup.objects.filter(
            scope=Cleanup.Scope.FULL, completed_on__isnull=False, government_id__in={t.government_id for t in terms}
        )
    )
    reminders = []
    for term in terms:
        violation = rules.full_cleanup_each_term(term, [c for c in full if c.government_id == term.government_id], on)
        if violation:
            reminders.append(CleanupReminder(term, violation))
    return reminders


def visible_agency_choices(user: Actor) -> QuerySet:
    """Agencies whose cleanups ``user`` may organise (for forms)."""

    ids = visible_agency_ids(user)
    qs = Agency.objects.all()
    return qs if ids is None else qs.filter(pk__in=ids)
