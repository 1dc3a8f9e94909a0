"""Records named by id in a request body, resolved in the caller's (or the case's) scope;
a missing or foreign id is a 400 at the field (:mod:`zhifa.core.references`)."""

from __future__ import annotations

from zhifa.cases.models import Case
from zhifa.core.references import get_or_not_found, reference, references
from zhifa.law import selectors as law_selectors
from zhifa.law.models import Article, ViolationItem
from zhifa.org import selectors as org_selectors
from zhifa.org.models import Agency, Government
from zhifa.parties import selectors as party_selectors
from zhifa.parties.models import Party
from zhifa.people.models import Officer


def officers(case: Case, ids: list[int], field: str) -> list[Officer]:
    """Officers of the case's agency, in the order given."""
    return references(Officer.objects.filter(agency_id=case.agency_id), ids, field)


def officer(case: Case, pk: int | None, field: str) -> Officer | None:
    return None if pk is None else officers(case, [pk], field)[0]


def articles(ids: list[int] | None, field: str = "basis_article_ids") -> list[Article] | None:
    """Articles of law in the order given (``None`` stays ``None``: the act takes them from the report)."""
    if ids is None:
        return None
    return references(Article.objects.select_related("basis"), ids, field)


def party(request, pk: int | None, field: str = "party_id") -> Party | None:
    return reference(party_selectors.party_get, pk, field, request.auth)


def violation_item(pk: int | None, field: str = "violation_item_id", *, articles: bool = True) -> ViolationItem | None:
    """The violation item (with its articles unless ``articles=False``: a clue names the item
    without citing them)."""
    if not articles:
        return reference(lambda pk: get_or_not_found(ViolationItem.objects.all(), "违法行为事项", pk=pk), pk, field)
    return reference(law_selectors.item_get, pk, field)


def place(pk: int | None, field: str = "place_id") -> Government | None:
    return reference(org_selectors.government_get, pk, field)


def agency(pk: int | None, field: str) -> Agency | None:
    return reference(org_selectors.agency_get, pk, field)
