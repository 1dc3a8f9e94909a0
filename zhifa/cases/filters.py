import django_filters
from django import forms

from zhifa.cases import selectors
from zhifa.cases.models import OPEN_STATUSES, BackdatedAct, Case, Procedure, Status


class CaseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="检索", method="search", widget=forms.TextInput(attrs={"placeholder": "当事人、案号、文号或违法行为"})
    )
    status = django_filters.ChoiceFilter(label="状态", choices=Status.choices, empty_label="全部")
    open = django_filters.ChoiceFilter(
        label="办理情况", choices=[("1", "办理中"), ("0", "已办结")], method="by_open", empty_label="全部"
    )
    procedure = django_filters.ChoiceFilter(label="程序", choices=Procedure.choices, empty_label="全部")
    received_after = django_filters.DateFilter(
        label="线索日期自", field_name="received_on", lookup_expr="gte", widget=forms.DateInput(attrs={"type": "date"})
    )

    class Meta:
        model = Case
        fields = ["q", "status", "open", "procedure", "received_after"]

    def search(self, queryset, name, value):
        return selectors.search(queryset, value)

    def by_open(self, queryset, name, value):
        if value == "1":
            return queryset.filter(status__in=OPEN_STATUSES)
        if value == "0":
            return queryset.exclude(status__in=OPEN_STATUSES)
        return queryset


class BackdatedFilter(django_filters.FilterSet):
    deadline = django_filters.ChoiceFilter(
        label="期限",
        choices=[("1", "办理日期决定期限是否遵守的"), ("0", "其他")],
        method="by_deadline",
        empty_label="全部",
    )
    entered_after = django_filters.DateFilter(
        label="登记日期自",
        field_name="entered_at",
        lookup_expr="date__gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = BackdatedAct
        fields = ["deadline", "entered_after"]

    def by_deadline(self, queryset, name, value):
        if value == "1":
            return queryset.exclude(deadline="")
        if value == "0":
            return queryset.filter(deadline="")
        return queryset
