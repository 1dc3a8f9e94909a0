"""Staff pages of the audit log: the list (filters, pagination) and one event with what
changed, the clauses checked, its leaf hash and its inclusion proof, verified."""

from __future__ import annotations

import json
import re

import django_filters
from django.apps import apps
from django.urls import NoReverseMatch, reverse

from zhifa.core import acts, audit
from zhifa.core import state as state_notes
from zhifa.core.clauses import UnknownClause, clause
from zhifa.core.errors import DomainError
from zhifa.core.forms import DateInput
from zhifa.core.web import DetailPage, ListPage


def _model(object_type: str):
    try:
        return apps.get_model(object_type) if object_type else None
    except (LookupError, ValueError):
        return None


def object_type_label(object_type: str) -> str:
    model = _model(object_type)
    return str(model._meta.verbose_name) if model else object_type


def agency_names(ids) -> dict[int, str]:
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    Agency = apps.get_model("org", "Agency")
    return dict(Agency.objects.filter(pk__in=ids).values_list("pk", "name"))


class AuditEventFilter(django_filters.FilterSet):
    act = django_filters.ChoiceFilter(label="行为", empty_label="全部")
    actor = django_filters.CharFilter(label="操作人", field_name="actor_label", lookup_expr="icontains")
    object_type = django_filters.ChoiceFilter(label="对象类型", empty_label="全部")
    since = django_filters.DateFilter(label="起始日期", method="by_date", widget=DateInput())
    until = django_filters.DateFilter(label="截止日期", method="by_date", widget=DateInput())

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        # Offer only what occurs in the events this user may read.
        base = queryset.order_by()
        names = base.values_list("act", flat=True).distinct()
        self.filters["act"].extra["choices"] = [(a, acts.label(a)) for a in sorted(names)]
        types = base.exclude(object_type="").values_list("object_type", flat=True).distinct()
        self.filters["object_type"].extra["choices"] = [(t, f"{object_type_label(t)}（{t}）") for t in sorted(types)]

    def by_date(self, queryset, name, value):
        return audit.filter_events(queryset, **{name: value})


class AuditList(ListPage):
    title = "审计日志"
    template_name = "core/audit_list.html"
    row_template = "core/audit_row.html"
    headers = ["序号", "时间", "操作人", "行为", "对象", "所属机关", "条款"]
    filterset_class = AuditEventFilter
    empty_text = "没有符合条件的审计事件。"

    def get_queryset(self):
        return audit.event_list(self.request.user).order_by("-seq")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        rows = list(ctx["rows"])
        ctx["agency_names"] = agency_names(e.agency_id for e in rows)
        ctx["type_labels"] = {e.object_type: object_type_label(e.object_type) for e in rows}
        checkpoint = audit.latest_checkpoint()
        ctx["checkpoint"] = checkpoint
        # Committed acts whose events are not in the tree yet (deferred sequencing): not listed.
        ctx["queued"] = audit.queued_count()
        ctx["public_key"] = audit.public_key_info()
        try:
            ctx["cosigned"] = audit.cosigned_checkpoint()
        except DomainError:
            ctx["cosigned"] = None
        return ctx


def _shown(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def change_rows(event) -> tuple[bool, list[dict]]:
    """The changes as table rows, with the model's field labels. An update records
    {field: [old, new]}; a creation records {field: value}."""
    changes = event.changes if isinstance(event.changes, dict) else {"": event.changes}
    model = _model(event.object_type)
    labels = {}
    if model:
        for f in [*model._meta.concrete_fields, *model._meta.many_to_many]:
            labels[f.name] = labels[getattr(f, "attname", f.name)] = str(f.verbose_name)
    is_diff = bool(changes) and all(isinstance(v, list) and len(v) == 2 for v in changes.values())
    rows = []
    for key, value in changes.items():
        row = {"field": key, "label": labels.get(key, "")}
        if is_diff:
            row.update(old=_shown(value[0]), new=_shown(value[1]))
        else:
            row["value"] = _shown(value)
        rows.append(row)
    return is_diff, rows


def state_rows(event) -> list[dict]:
    """The rows an event's state records, with their tables' Chinese names."""
    rows = []
    for key, value in (event.state or {}).items() if isinstance(event.state, dict) else ():
        table, m2m, pk = state_notes.split_key(key)
        label = object_type_label(table)
        if m2m:
            model = _model(table)
            try:
                label = f"{label} · {model._meta.get_field(m2m).verbose_name}" if model else f"{label} · {m2m}"
            except Exception:  # noqa: BLE001 - a field of an older schema: show its name
                label = f"{label} · {m2m}"
        rows.append(
            {
                "table": label,
                "pk": pk,
                "deleted": value is None,
                "count": len(value) if isinstance(value, dict) else 0,
                "text": json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) if value is not None else "",
            }
        )
    return rows


class AuditDetail(DetailPage):
    template_name = "core/audit_detail.html"

    def get_object(self):
        return audit.event_get(self.request.user, self.kwargs["seq"])

    def get_breadcrumbs(self):
        return [("审计日志", reverse("core:audit_list")), (f"#{self.kwargs['seq']}", None)]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        event = ctx["object"]
        ctx["title"] = f"审计事件 #{event.seq}"
        ctx["is_diff"], ctx["change_rows"] = change_rows(event)
        clauses = []
        for cid in event.clauses or []:
            try:
                c = clause(cid)
                # The label already names the item: "（八）" need not open the text too.
                clauses.append(
                    {"id": cid, "label": c.label, "text": re.sub(r"^（[一二三四五六七八九十]+）", "", c.text)}
                )
            except UnknownClause:
                clauses.append({"id": cid, "label": cid, "text": ""})
        ctx["clauses"] = clauses
        ctx["type_label"] = object_type_label(event.object_type)
        ctx["object_url"] = self._object_url(event)
        ctx["agency_name"] = agency_names([event.agency_id]).get(event.agency_id, "")
        ctx["canonical"] = audit.event_bytes(event).decode("utf-8")
        ctx["state_rows"] = state_rows(event)
        ctx["state_digest"] = audit.state_digest(event.state) if event.state else ""
        ctx["check"] = audit.check_event(event)
        return ctx

    @staticmethod
    def _object_url(event) -> str | None:
        model = _model(event.object_type)
        if model is None or not hasattr(model, "get_absolute_url"):
            return None
        try:
            obj = model._default_manager.filter(pk=event.object_id).first()
        except (ValueError, TypeError):
            return None
        try:
            return obj.get_absolute_url() if obj else None
        except NoReverseMatch:  # its page may not be routed yet
            return None
