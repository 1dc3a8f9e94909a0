"""A list costs the same number of queries whatever its length, and a record's page the
same whatever the size of the database (issue 13, standing check).

Every list page and list operation (a route without a path parameter), and every detail
page and read operation the standing-check world can fill, is requested by an officer, an
agency head, a legal affairs office and an anonymous visitor (where each may open it) with
5 and then with 50 records of each kind, and must issue the same number of queries. The records are grown by copying those of ``tests/world.py`` (and cases walked to
each stage) in bulk, bypassing the services: a copy has no children, but a list that reads
a relation per row still queries per row, which is what this catches.

A new app's lists and details join this check by existing: no list here needs listing.
``ZHIFA_QUERY_COUNTS_ONLY=cases`` (a regular expression on the route's name) checks only
some routes while working on them.
"""

from __future__ import annotations

import itertools
import os
import re
from datetime import date, datetime, timedelta

import pytest
from django.db import connection, models

from tests import routes, world
from zhifa.testing import SUITE_NOW

pytestmark = pytest.mark.django_db

#: Pages without a path parameter that are forms or actions, not lists.
NOT_LISTS = {
    "accounts:login",
    "accounts:logout",
    "core:home",
    "discretion:import",
    "discretion:evaluate",
    "discretion:diff",
    "discretion:public_diff",
}
#: Operations whose answer is not a list of records (a key, a proof, a required query).
NOT_LIST_OPERATIONS = {
    "/api/v1/audit/public-key",
    "/api/v1/audit/proofs/consistency",
    "/api/v1/discretion/diff",
}
#: One role of an agency's staff of each kind of scope (the others see what these see, or less).
ROLES = ("officer", "head", "legal_office", "anonymous")
SMALL, LARGE = 5, 50

_serial = itertools.count(1)


def _unique_groups(model) -> list[tuple[str, ...]]:
    groups = [(f.name,) for f in model._meta.concrete_fields if f.unique and not f.primary_key]
    groups += [tuple(g) for g in model._meta.unique_together]
    groups += [tuple(c.fields) for c in model._meta.constraints if isinstance(c, models.UniqueConstraint) and c.fields]
    return groups


def _vary(field, value, n: int):
    """A value of ``field`` unlike ``value`` (the n-th copy), or None when it cannot be varied."""
    if isinstance(field, models.CharField | models.SlugField | models.TextField):
        # a letter first: the suffix never reads as another record's own value (a world key
        # "000…1178" made from a pk that PostgreSQL's sequences made 1178)
        suffix = f"x{n:05d}"
        base = str(value or "")
        limit = field.max_length or 10_000
        return (base[: limit - len(suffix)] + suffix) if limit > len(suffix) else None
    if isinstance(field, models.DateTimeField):
        return (value or datetime(2026, 1, 1)) - timedelta(seconds=n)
    if isinstance(field, models.DateField):
        return (value or date(2026, 1, 1)) - timedelta(days=n)
    if isinstance(field, models.SmallIntegerField | models.PositiveSmallIntegerField):
        varied = (value or 0) + 10_000 + n  # a smallint holds 32,767 (PostgreSQL refuses more)
        return varied if varied <= 32_767 else None
    if isinstance(field, models.IntegerField | models.BigIntegerField | models.PositiveIntegerField):
        return (value or 0) + 1_000_000 + n
    return None


def _copies(record, count: int, **fixed) -> list:
    """``count`` unsaved copies of ``record``, each unique field (or group) varied; ``fixed``
    sets fields of every copy (a parent's id), whose unique groups are then left as they are."""
    model = type(record)
    out = []
    for _ in range(count):
        n = next(_serial)
        values = {f.attname: getattr(record, f.attname) for f in model._meta.concrete_fields if not f.primary_key}
        copy = model(**{**values, **fixed})
        for group in _unique_groups(model):
            if any(name in fixed or model._meta.get_field(name).attname in fixed for name in group):
                continue
            for name in group:
                field = model._meta.get_field(name)
                if getattr(record, field.attname) in (None, ""):
                    continue  # an empty value is not among the unique ones (conditional constraints)
                value = _vary(field, getattr(record, field.attname), n)
                if value is not None:
                    setattr(copy, field.attname, value)
                    break
            else:
                if any(getattr(record, model._meta.get_field(f).attname) not in (None, "") for f in group):
                    return []  # every field of the group is a relation (one per parent): not copied
        out.append(copy)
    return out


class _Family:
    """A case in execution copied with its decision, payment plans and instalments, so that
    each copy owes an overdue instalment of its own: a list then computes each row's late fee
    and reads what pauses it (a pending reconsideration or lawsuit, 行政处罚法第七十三条),
    which a copy without children never does."""

    def __init__(self, case):
        self.case = case
        self.have = 1

    def grow(self, to: int) -> None:
        from zhifa.cases.models import Case, Decision, Instalment, PaymentPlan

        cases = _copies(self.case, to - self.have)
        Case.objects.bulk_create(cases)
        Decision.objects.bulk_create([_copies(self.case.decision, 1, case_id=c.pk)[0] for c in cases])
        for plan in self.case.payment_plans.all():
            plans = [_copies(plan, 1, case_id=c.pk)[0] for c in cases]
            PaymentPlan.objects.bulk_create(plans)
            Instalment.objects.bulk_create(
                [_copies(i, 1, plan_id=p.pk)[0] for p in plans for i in plan.instalments.all()]
            )
        self.have = to


def _grow(templates: list, to: int) -> None:
    for record in templates:
        if isinstance(record, _Family):
            record.grow(to)
            continue
        model = type(record)
        have = getattr(record, "_copies", 1)
        copies = _copies(record, to - have)
        if copies:
            model.objects.bulk_create(copies)
            record._copies = to


def _templates(w) -> list:
    from zhifa.cases.tests import builders as cb
    from zhifa.core.models import AuditEvent

    cw = w.cases_world
    cases = [cb.filed(cw), cb.reported(cw), cb.notified(cw), cb.decided(cw), cb.executing(cw)]
    records = [r for r in {id(r): r for r in [*w.own.values(), *w.other.values(), *cases]}.values() if r is not None]
    # a case whose instalment is overdue on the suite's day (its fine due in spring 2026),
    # copied with its decision and plan: each copy owes a late fee
    overdue = cb.executing(cw)
    assert any(i.due_on < SUITE_NOW.date() for p in overdue.payment_plans.all() for i in p.instalments.all())
    # audit events are a log, not records to copy: the log grows with the acts above
    return [r for r in records if not isinstance(r, AuditEvent)] + [_Family(overdue)]


def _queries(client, url: str) -> tuple[int, int]:
    # counted with a wrapper: CaptureQueriesContext reads queries_log, which stops at 9000
    seen = []
    with connection.execute_wrapper(
        lambda execute, sql, params, many, context: seen.append(1) or execute(sql, params, many, context)
    ):
        response = client.get(url)
    return response.status_code, len(seen)


def _routes(w):
    lists = [r for r in routes.pages() if "<" not in r.path and r.name not in NOT_LISTS]
    lists += [r for r in routes.operations() if r.method == "GET" and "{" not in r.path]
    lists = [r for r in lists if r.path not in NOT_LIST_OPERATIONS]
    details = [r for r in routes.pages() if "<" in r.path and r.name.endswith("_detail")] + [
        r for r in routes.operations() if r.method == "GET" and "{" in r.path
    ]
    only = re.compile(os.environ.get("ZHIFA_QUERY_COUNTS_ONLY", ""))  # e.g. "cases" while working on cases
    return [
        (r, r.url({}) if "<" not in r.path and "{" not in r.path else r.url(w.own))
        for r in lists + details
        if only.search(r.name)
    ]


def _count_all(client, w, addresses) -> dict:
    counts = {}
    for role in ROLES:
        user = w.users[role]
        if user is None:
            client.logout()
        else:
            client.force_login(user)
        for route, url in addresses:
            if url is None:
                continue
            status, n = _queries(client, url)
            if status == 200:
                counts[(route.name, role)] = n
    return counts


def test_a_list_or_a_record_costs_the_same_queries_at_5_and_at_50_records(client):
    w = world.build()
    templates = _templates(w)
    addresses = _routes(w)
    _grow(templates, SMALL)
    small = _count_all(client, w, addresses)
    _grow(templates, LARGE)
    large = _count_all(client, w, addresses)
    # Fewer is not growth: a page showing the most urgent of a queue (the workbench) may show,
    # at 50, no case having records that it showed at 5, and Django does not query the
    # children of no parent (the instalments of no plan).
    grew = {key: (small[key], large[key]) for key in small if key in large and large[key] > small[key]}
    assert not grew, "queries grew from 5 to 50 records:\n" + "\n".join(
        f"  {name} as {role}: {a} → {b}" for (name, role), (a, b) in sorted(grew.items())
    )
    assert len(small) > (100 if not os.environ.get("ZHIFA_QUERY_COUNTS_ONLY") else 0)  # the world opened most routes
