"""Every page of the URL configuration and every operation of the API schema, with the
record each address names, for the standing checks (tests/test_access_matrix.py,
tests/test_markup_escaped.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.urls import get_resolver
from django.urls.resolvers import URLPattern, URLResolver

#: Which record an address names, by the first rule that matches its route. The kind is a
#: key of SecurityWorld.own/other; the attribute fills the path parameter.
RECORDS = [
    (r"credit/(public/)?plans/", "plan", "pk"),
    (r"credit/drawn/", "plan_target", "pk"),
    (r"credit/objections/", "objection", "pk"),
    (r"credit/interviews/", "interview", "pk"),
    (r"credit/items/", "inspection_item", "pk"),
    (r"complaints/(public/)?media/", "media", "pk"),
    (r"complaints/clients/", "open311_client", "pk"),
    (r"open311/v2/services/", None, "enforcement"),
    (r"open311/v2/requests/|complaints/track/", "complaint", "tracking_number"),
    (r"complaints/", "complaint", "pk"),
    (r"oversight/(implementation|public)/cleanups/", "cleanup_report", "pk"),
    (r"oversight/implementation/measures/", "measure", "pk"),
    (r"oversight/implementation/inspections/", "special_inspection", "pk"),
    (r"oversight/implementation/findings/", "finding", "pk"),
    (r"oversight/rounds/", "round", "pk"),
    (r"oversight/reconsiderations/", "reconsideration", "pk"),
    (r"oversight/lawsuits/", "lawsuit", "pk"),
    (r"oversight/reviews/", "review", "pk"),
    (r"oversight/(public/accountability|matters)/", "matter", "pk"),
    (r"audit/events/\{seq\}|audit/<int:seq>|proofs/inclusion/\{seq\}", "event", "seq"),
    (r"checkpoints/\{tree_size\}", None, "1"),
    (r"publications/", "publication", "pk"),
    (r"licensing-hearings/", "licensing_hearing", "pk"),
    (r"^/visits/", "visit", "pk"),
    (r"services/<int:pk>/guides/new/", "agency", "pk"),
    (r"services/guides/|/guides/|public/guides/", "guide", "pk"),
    (r"services/|service-card|agencies/\{pk\}/guides", "agency", "pk"),
    (r"party-submissions/|portal/submissions/", "submission", "pk"),
    (r"opinions/", "opinion", "pk"),
    (r"party-access/|party/cases/", "case", "pk"),
    (r"governments/", "government", "pk"),
    (r"offices/|legal-affairs-offices/", "office", "pk"),
    (r"supervisory-organs/", "organ", "pk"),
    (r"terms/|government-terms/", "term", "pk"),
    (r"agencies/", "agency", "pk"),
    (r"powers/", "power", "pk"),
    (r"delegations/", "delegation", "pk"),
    (r"posts/", "post", "pk"),
    (r"public/certificates/|officer-card/|scan/<str:number>", "certificate", "number"),
    (r"officers/", "officer", "pk"),
    (r"trainings/", "training", "pk"),
    (r"qualifications/", "qualification", "pk"),
    (r"certificates/", "certificate", "pk"),
    (r"conflicts/", "conflict", "pk"),
    (r"law/(public/)?bases/", "basis", "pk"),
    (r"law/articles/", "article", "pk"),
    (r"law/items/", "item", "pk"),
    (r"cleanups/", "cleanup", "pk"),
    (r"parties/", "party", "pk"),
    (r"standards/", "standard", "code"),
    (r"versions/", "version", "pk"),
    (r"discretion/(public/)?items/", "discretion_item", "pk"),
    (r"documents/verify/", "document", "verification_code"),
    (r"documents/cases/", "case", "pk"),
    (r"documents/", "document", "pk"),
    (r"crime-transfers/", "crime_transfer", "pk"),
    (r"cooperation/inspections/plans/", "inspection_plan", "pk"),
    (r"cooperation/inspections/joint/", "joint_inspection", "pk"),
    (r"cooperation/assistance/", "assistance", "pk"),
    (r"cooperation/information/", "information", "pk"),
    (r"cooperation/agreements/", "agreement", "pk"),
    (r"cooperation/disputes/", "dispute", "pk"),
    (r"cooperation/meetings/", "meeting", "pk"),
    (r"cooperation/campaigns/", "campaign", "pk"),
    (r"cooperation/tasks/", "task", "pk"),
    (r"cooperation/packages/", "package", "pk"),
    (r"cooperation/transfers/", "transfer", "pk"),
    (r"oversight/alerts/", None, "filing_late"),
    (r"oversight/notices/", "notice", "pk"),
    (r"cases/evidence/", None, "999999"),  # no evidence file in the world: must be "not found"
    (r"cases/", "case", "pk"),
]

#: Values for the other path parameters.
OTHER_PARAMS = {"name": "transfer_out", "point_id": "1", "rid": "1", "token": "no-such-visit"}


@dataclass(frozen=True)
class Route:
    name: str  # URL name, or "METHOD /api/v1/path" for an operation
    path: str  # the route with its parameters
    method: str = "GET"

    @property
    def is_api(self) -> bool:
        return self.path.startswith("/api/")

    @property
    def kind(self) -> str | None:
        for pattern, kind, _attr in RECORDS:
            if re.search(pattern, self.path):
                return kind
        return None

    def params(self) -> list[str]:
        return re.findall(r"<(?:\w+:)?(\w+)>|\{(\w+)\}", self.path)

    def url(self, records: dict) -> str | None:
        """The address with its parameters filled from ``records``; None when the world has no such record."""
        attr = next((a for p, _k, a in RECORDS if re.search(p, self.path)), None)
        record = records.get(self.kind) if self.kind else None

        def fill(match):
            name = match.group(1) or match.group(2)
            if name in OTHER_PARAMS:
                return OTHER_PARAMS[name]
            if self.kind is None:
                return attr or "1"
            return str(getattr(record, attr))

        if self.kind and record is None and re.search(r"<|\{", self.path):
            return None
        url = re.sub(r"<(?:\w+:)?(\w+)>|\{(\w+)\}", fill, self.path)
        return url if url.startswith("/") else "/" + url


def _walk(patterns, prefix="", namespace=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = namespace + (f"{p.namespace}:" if p.namespace else "")
            yield from _walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern) and p.name:
            yield Route(namespace + p.name, "/" + prefix + str(p.pattern))


def pages() -> list[Route]:
    """Every named page outside the Django admin and the API."""
    return [r for r in _walk(get_resolver().url_patterns) if not r.path.startswith(("/admin/", "/api/"))]


def operations() -> list[Route]:
    from zhifa.api import api

    schema = api.get_openapi_schema()
    return [
        Route(f"{method.upper()} {path}", path, method.upper())
        for path, item in schema["paths"].items()
        for method in item
    ]
