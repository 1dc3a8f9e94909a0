"""Saving a registry record inside a service: validate, save, audit, in one step.

    with transaction.atomic():
        require_role(actor, Role.ADMIN)
        gov = Government(name=name, ...)
        save_record(actor=actor, instance=gov, act="government.create")

Model validation (field checks, CheckConstraint and UniqueConstraint messages) becomes
a DomainError at the offending field, so pages and the API show it where it belongs
and nothing half-saved remains.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from zhifa.core import audit
from zhifa.core.errors import DomainError, Violation


def validation_to_domain(exc: ValidationError) -> DomainError:
    violations = []
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            for message in errors:
                violations.append(Violation("invalid", (), message, None if field == "__all__" else field))
    else:
        violations = [Violation("invalid", (), m, None) for m in exc.messages]
    return DomainError(violations, 400)


def snapshot(instance: models.Model) -> dict:
    """The concrete field values of ``instance`` (foreign keys as their ids)."""
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def diff(before: dict, after: dict) -> dict:
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}


def assign(instance: models.Model, data: dict) -> dict:
    """Set ``data`` on ``instance``; return what changed as {field: [old, new]}."""
    before = snapshot(instance)
    for key, value in data.items():
        setattr(instance, key, value)
    return diff(before, snapshot(instance))


def save_record(
    *,
    actor,
    instance: models.Model,
    act: str,
    changes: dict | None = None,
    clauses=(),
    agency=None,
    m2m: dict | None = None,
    exclude_validation=(),
    sequencing=None,
) -> models.Model:
    """Validate and save ``instance`` (and its many-to-many ``m2m`` values), then audit ``act``
    (``sequencing``: see :func:`zhifa.core.audit.record`)."""
    creating = instance._state.adding
    try:
        instance.full_clean(exclude=list(exclude_validation) or None)
    except ValidationError as exc:
        raise validation_to_domain(exc) from None
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        raise DomainError.of("conflict", "与已有记录重复或冲突，请检查后重试。") from None
    if m2m:
        for name, values in m2m.items():
            getattr(instance, name).set(values)
    if changes is None:
        changes = {k: v for k, v in snapshot(instance).items() if v not in (None, "")} if creating else {}
    if m2m:
        changes = {
            **changes,
            **{name: sorted(v.pk if hasattr(v, "pk") else v for v in values) for name, values in m2m.items()},
        }
    audit.record(
        actor=actor, act=act, obj=instance, changes=changes, clauses=clauses, agency=agency, sequencing=sequencing
    )
    return instance
