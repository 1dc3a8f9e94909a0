"""Steps several acts take (private to the services): saving a record of the act, and
checking the legal basis an act cites."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.core.exceptions import ValidationError
from django.db import models

from zhifa.cases import rules as R
from zhifa.cases.acting import Act
from zhifa.core.records import validation_to_domain
from zhifa.law import rules as law_rules
from zhifa.law.models import Article


def _loaded_relations(instance: models.Model) -> list[str]:
    """The foreign keys of ``instance`` set to a record the act holds: the service read it
    (in scope, in this transaction), so validation need not query that it exists; the
    database's foreign key still guards it."""
    return [
        f.name
        for f in instance._meta.concrete_fields
        if f.is_relation and f.many_to_one and f.is_cached(instance) and getattr(instance, f.name) is not None
    ]


def validate(instance: models.Model, exclude: Sequence[str] = (), *, constraints: bool = True) -> models.Model:
    """Validate a record of the act before it is written (``constraints=False`` when the act
    has checked them itself: each costs a query)."""
    try:
        instance.full_clean(exclude=[*exclude, *_loaded_relations(instance)] or None, validate_constraints=constraints)
    except ValidationError as exc:
        raise validation_to_domain(exc) from None
    return instance


def save(instance: models.Model, exclude: Sequence[str] = ()) -> models.Model:
    """Validate and save a record of the act (its audit is the act's, written by ``done``)."""
    validate(instance, exclude)
    instance.save()
    return instance


def check_articles(
    act: Act, articles: Sequence[Article], *, act_date: date | None, on: date, lenient: bool, lenient_reason: str
) -> None:
    """D3.10a: each article from a law, regulation or rule, in force on the act's date (or,
    applying the more lenient new law, on the decision's date; 行政处罚法第三十七条)."""
    act.check(R.lenient_new_law_reasoned, lenient, lenient_reason)
    if not articles:
        act.passed(law_rules.basis_is_law_or_rule)
        act.passed(law_rules.basis_in_force)
        return
    for article in articles:
        act.check(law_rules.basis_is_law_or_rule, article)
        when = on if lenient else (act_date or on)
        act.check(law_rules.basis_in_force, article, when)
