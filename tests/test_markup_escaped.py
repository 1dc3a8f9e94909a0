"""Markup stored in any text field of any record never reaches a page unescaped (issue 7, standing check).

Every text field of every zhifa model (written through the ORM, as an insider or a
careless import would) gets its own small tag, ``<q1>``, ``<q2>``…; then every page of
the URL configuration is opened as every role. A tag that appears as markup rather than
as ``&lt;q1&gt;`` names the field that leaked and the page that leaked it.
"""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.db import models

from tests import routes, world

pytestmark = pytest.mark.django_db

TAG = re.compile(r"<q(\d+)>")

#: Not written: the audit log is verified, not shown as written (its tampering checks are
#: tests/… of the audit helper's), and a password hash is not text anyone reads.
SKIP_MODELS = {"core.auditevent", "core.auditcheckpoint", "core.checkpoint", "core.audithead"}
SKIP_FIELDS = {"password", "digest"}

#: Pages that fail on a record with markup in it, found by this test and reported to their
#: owners (a stored record must never make a read fail): (URL name, reason).
KNOWN_ERRORS: dict[str, str] = {}


def text_fields():
    for model in apps.get_models():
        label = model._meta.label_lower
        if not model.__module__.startswith("zhifa.") and label != "accounts.user":
            continue
        if label in SKIP_MODELS or model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.CharField | models.TextField) or field.choices or field.primary_key:
                continue
            if isinstance(field, models.SlugField):  # a slug cannot hold markup: input refuses it
                continue
            if field.name in SKIP_FIELDS:
                continue
            yield model, field


def store_markup() -> dict[int, str]:
    """Give every non-empty text field of every row its own tag; return tag number → "model.field".

    Empty values stay empty (constraints such as "an organisation has no identity
    number" hold on emptiness); a field whose constraints refuse the tag is left alone.
    """
    from django.db import IntegrityError, transaction

    tags = {}
    for n, (model, field) in enumerate(text_fields(), start=1):
        tag = f"<q{n}>"
        if field.max_length and field.max_length < len(tag) + (2 if field.unique else 0):
            continue
        rows = model.objects.exclude(**{field.attname: ""}).exclude(**{f"{field.attname}__isnull": True})
        try:
            with transaction.atomic():
                if field.unique:  # one tag per row, still naming the field
                    for i, pk in enumerate(rows.values_list("pk", flat=True)):
                        model.objects.filter(pk=pk).update(**{field.attname: f"{tag}{i:02d}"[: field.max_length]})
                else:
                    rows.update(**{field.attname: tag})
        except IntegrityError:
            continue
        tags[n] = f"{model._meta.label_lower}.{field.name}"
    return tags


def test_stored_markup_is_escaped_on_every_page_for_every_role():
    from django.test import Client

    w = world.build()
    tags = store_markup()
    assert len(tags) > 100
    for records in (w.own, w.other):
        for record in records.values():
            if record is not None:
                record.refresh_from_db()
    leaks, errors, seen = [], [], set()
    for role in world.ROLES:
        client = Client(raise_request_exception=False)
        if w.users[role] is not None:
            client.force_login(w.users[role])
        sides = (w.own, w.other) if role == "admin" else (w.own,)
        for route in routes.pages():
            for records in sides:
                url = route.url(records)
                if url is None or (role, url) in seen:
                    continue
                seen.add((role, url))
                res = client.get(url)
                if res.status_code >= 500:
                    if route.name not in KNOWN_ERRORS:
                        errors.append(f"{route.name} as {role}: {res.status_code}")
                    continue
                if "html" not in res.get("Content-Type", ""):
                    continue
                html = res.content.decode("utf-8", errors="replace")
                for n in sorted({int(m) for m in TAG.findall(html)}):
                    leaks.append(f"{tags.get(n, n)} raw on {route.name} as {role}")
    assert not leaks, "\n".join(sorted(set(leaks)))
    assert not errors, "a page failed on a stored record:\n" + "\n".join(errors)
