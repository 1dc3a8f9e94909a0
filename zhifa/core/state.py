"""The state an act leaves: the rows it produced, changed or deleted, in canonical form,
so that the audit log proves the business tables and not only itself.

While a transaction runs, every save and delete of a business row (``post_save``,
``post_delete``, ``m2m_changed``) is noted with the row's canonical fields. The next
:func:`zhifa.core.audit.record` in the same transaction takes what was noted (the act's
rows) and stores it on its event (``AuditEvent.state``); the event's leaf hashes its
digest. ``zhifa audit verify --state`` then compares each table with the last state the
log recorded for each row (:func:`zhifa.core.audit.verify_state`).

The notes ride on the transaction's on-commit list (one entry per savepoint), so a
rolled-back savepoint or transaction drops what it noted, and nothing outside a
transaction is noted (an act always runs in one). ``QuerySet.update()`` sends no signal:
an act that uses it calls :func:`touch` on the queryset first.

A row is named by its key ``"<app>.<model>:<pk>"`` (a many-to-many field of a row:
``"<app>.<model>.<field>:<pk>"``, its value ``{"ids": [...]}``); a deleted row's state
is ``None``.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from functools import cache
from uuid import UUID

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

#: Tables the state does not cover, and why.
UNTRACKED = {
    "core.auditevent": "the log itself (zhifa audit verify checks it)",
    "core.checkpoint": "the log's signed checkpoints",
    "core.audithead": "the log's head",
    "core.pendingauditevent": "events queued for the log (zhifa audit integrate moves them in)",
    "core.cosignature": "witnesses' cosignatures (each authenticated by its own signature)",
    "demo.demoload": "a note of when the demo was loaded",
}

#: Fields that change without an act, per table (they are left out of the state).
VOLATILE = {
    "accounts.user": {"last_login", "password"},  # logging in; a password is the user's own
    "accounts.apitoken": {"last_used_at"},  # every authenticated request
    # a party's logins and wrong guesses (the lock after five): not acts, like a user's login
    "portal.accesscode": {"failed_attempts", "locked_until", "last_login_at"},
    # the seq of the event that issued the document, stored after that event: the event
    # itself (document.issue, object_id the document's) is what attests it
    "documents.document": {"audit_seq"},
}


@cache
def is_tracked(model) -> bool:
    meta = model._meta
    return (
        model.__module__.startswith("zhifa.")
        and not meta.auto_created
        and not meta.abstract
        and not meta.proxy
        and meta.managed
        and meta.label_lower not in UNTRACKED
    )


def tracked_models() -> list:
    return [m for m in apps.get_models() if is_tracked(m)]


def fields_of(model) -> list:
    volatile = VOLATILE.get(model._meta.label_lower, set())
    return [f for f in model._meta.concrete_fields if f.name not in volatile and f.attname not in volatile]


def row_key(model, pk) -> str:
    return f"{model._meta.label_lower}:{pk}"


def m2m_key(model, field_name: str, pk) -> str:
    return f"{model._meta.label_lower}.{field_name}:{pk}"


def split_key(key: str) -> tuple[str, str | None, str]:
    """``"cases.case:3"`` → ("cases.case", None, "3"); ``"org.power.basis_articles:5"`` →
    ("org.power", "basis_articles", "5")."""
    table, _, pk = key.rpartition(":")
    parts = table.split(".")
    return ".".join(parts[:2]), (parts[2] if len(parts) > 2 else None), pk


class NeedsRead(Exception):
    """The instance in memory does not say what the row holds (an expression, a deferred field)."""


def _value(field, raw):
    """The canonical JSON value of ``field`` holding ``raw`` (from an instance or a row)."""
    if raw is None:
        return None
    if hasattr(raw, "resolve_expression"):
        raise NeedsRead
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    if isinstance(field, models.JSONField):
        return json.loads(json.dumps(raw, cls=field.encoder, ensure_ascii=False))
    if isinstance(field, models.FileField):
        name = getattr(raw, "name", raw)
        return name or ""
    value = field.to_python(raw)
    if value is None:
        return None
    if isinstance(value, Decimal):
        places = getattr(field, "decimal_places", None)
        if places is not None and value.is_finite():
            value = value.quantize(Decimal(1).scaleb(-places))
        return str(value)
    if isinstance(value, datetime):
        return (value.astimezone(UTC) if value.tzinfo else value).isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value.total_seconds())
    if isinstance(value, (bytes, memoryview)):
        return bytes(value).hex()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    return value


def canonical_row(model, row: dict) -> dict:
    """A row read with ``values()``, in canonical form."""
    return {f.attname: _value(f, row.get(f.attname)) for f in fields_of(model)}


def canonical_instance(instance) -> dict:
    if instance.get_deferred_fields():
        raise NeedsRead
    return {f.attname: _value(f, getattr(instance, f.attname)) for f in fields_of(type(instance))}


def digest_text(state: dict) -> str:
    """The canonical text of an event's state (sorted keys, no spaces): its leaf hashes this."""
    return json.dumps(state, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# --- Noting what the transaction writes ---------------------------------------------


class _Notes:
    """What one savepoint of the transaction wrote: key → canonical row, None (deleted),
    or a marker that the row (or m2m field) is to be read from the database."""

    READ = object()

    def __init__(self, sids: set):
        self.sids = sids
        self.rows: dict[str, object] = {}
        self.models: dict[str, type] = {}

    def __call__(self):  # run on commit: nothing to do, the notes were taken by then
        pass


def _notes(using: str) -> _Notes | None:
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        return None  # not an act: acts run in a transaction
    sids = set(connection.savepoint_ids)
    if connection.run_on_commit:
        _, func, _ = connection.run_on_commit[-1]
        if isinstance(func, _Notes) and func.sids == sids:
            return func
    notes = _Notes(sids)
    connection.on_commit(notes)
    return notes


def _note(using, model, key: str, value) -> None:
    notes = _notes(using or DEFAULT_DB_ALIAS)
    if notes is not None:
        notes.rows.pop(key, None)  # keep the order of the last write
        notes.rows[key] = value
        notes.models[key] = model


def _saved(sender, instance, using=None, update_fields=None, **kwargs):
    if not is_tracked(sender):
        return
    volatile = VOLATILE.get(sender._meta.label_lower)
    if update_fields and volatile and set(update_fields) <= volatile:
        return
    _note_instance(using, instance)


def _note_instance(using, instance) -> None:
    """Note ``instance`` as saved, as it is in memory (or to be read, when memory cannot say)."""
    try:
        value = canonical_instance(instance)
    except NeedsRead:
        value = _Notes.READ
    _note(using, type(instance), row_key(type(instance), instance.pk), value)


def _deleted(sender, instance, using=None, **kwargs):
    if is_tracked(sender):
        _note(using, sender, row_key(sender, instance.pk), None)


def _m2m(sender, instance, action, reverse, model, pk_set, using=None, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    owner_field = None
    if reverse:
        # instance is the target side: the owners are the rows of ``model`` in pk_set.
        for f in model._meta.many_to_many:
            if f.remote_field.through is sender:
                owner_field = f
        if owner_field is None or not is_tracked(model):
            return
        if pk_set is None:  # a reverse clear: owners are not known, read them all again
            return
        for pk in pk_set:
            _note(using, model, m2m_key(model, owner_field.name, pk), _Notes.READ)
        return
    for f in type(instance)._meta.many_to_many:
        if f.remote_field.through is sender:
            owner_field = f
    if owner_field is not None and is_tracked(type(instance)):
        _note(using, type(instance), m2m_key(type(instance), owner_field.name, instance.pk), _Notes.READ)


def bulk_written(instances, using: str = DEFAULT_DB_ALIAS) -> None:
    """Note rows saved by ``bulk_create`` (which sends no signal) as written by the act, as
    they are in memory: the act's event then attests them (bulk seeding, imports)."""
    for instance in instances:
        if is_tracked(type(instance)):
            _note_instance(using, instance)


def touch(queryset) -> None:
    """Note the rows of ``queryset`` as written by the act (call before ``.update()``)."""
    model = queryset.model
    if not is_tracked(model):
        return
    for pk in queryset.values_list("pk", flat=True):
        _note(queryset.db, model, row_key(model, pk), _Notes.READ)


def connect() -> None:
    """Listen to the business tables only (so deletes elsewhere stay fast deletes)."""
    for model in tracked_models():
        label = model._meta.label_lower
        post_save.connect(_saved, sender=model, dispatch_uid=f"zhifa.core.state.saved.{label}")
        post_delete.connect(_deleted, sender=model, dispatch_uid=f"zhifa.core.state.deleted.{label}")
        for f in model._meta.many_to_many:
            through = f.remote_field.through
            m2m_changed.connect(_m2m, sender=through, dispatch_uid=f"zhifa.core.state.m2m.{label}.{f.name}")


def m2m_ids(model, field_name: str, pks) -> dict[str, list]:
    """The ids each row of ``model`` in ``pks`` holds in its many-to-many ``field_name``."""
    field = model._meta.get_field(field_name)
    through = field.remote_field.through
    source = field.m2m_field_name()
    target = field.m2m_reverse_field_name()
    found: dict[str, list] = {str(pk): [] for pk in pks or ()}
    q = through.objects.all()
    if pks is not None:
        q = q.filter(**{f"{source}__in": list(pks)})
    for owner, other in q.values_list(f"{source}_id", f"{target}_id"):
        found.setdefault(str(owner), []).append(other)
    return {k: sorted(v) for k, v in found.items()}


def take(using: str = DEFAULT_DB_ALIAS) -> dict:
    """What the transaction wrote since the last take: key → canonical row or None.

    Rows noted only by key (``touch``, expressions, many-to-many) are read now."""
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        return {}
    state: dict[str, object] = {}
    models_by_key: dict[str, type] = {}
    for _, func, _ in connection.run_on_commit:
        if isinstance(func, _Notes) and func.rows:
            for key, value in func.rows.items():
                state.pop(key, None)
                state[key] = value
            models_by_key.update(func.models)
            func.rows, func.models = {}, {}
    reads: dict[tuple, list] = {}
    for key, value in state.items():
        if value is _Notes.READ:
            _table, m2m, pk = split_key(key)
            reads.setdefault((models_by_key[key], m2m), []).append(pk)
    for (model, m2m), pks in reads.items():
        if m2m:
            for pk, ids in m2m_ids(model, m2m, pks).items():
                state[m2m_key(model, m2m, pk)] = {"ids": ids}
            continue
        found = {
            str(row["pk"]): canonical_row(model, row)
            for row in model._base_manager.using(using)
            .filter(pk__in=pks)
            .values("pk", *[f.attname for f in fields_of(model)])
        }
        for pk in pks:
            state[row_key(model, pk)] = found.get(str(pk))
    return state


def snapshot(instances) -> dict:
    """The state of ``instances`` as they are in memory (for :func:`zhifa.core.audit.append_batch`)."""
    state = {}
    for instance in instances:
        state[row_key(type(instance), instance.pk)] = canonical_instance(instance)
    return state
