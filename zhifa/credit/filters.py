"""The filters of credit's lists, read by their pages and their API operations."""

import django_filters
from django.db.models import Q

from zhifa.core.forms import DateInput
from zhifa.credit.models import CreditObjection, InspectionItem, InspectionPlan, InspectorEntry, Interview, TargetEntry


class ItemFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="关键词（编码、事项、依据）", method="search")
    kind = django_filters.ChoiceFilter(label="类别", choices=InspectionItem.Kind.choices, empty_label="全部")

    class Meta:
        model = InspectionItem
        fields = ["q", "kind"]

    def search(self, qs, name, value):
        return qs.filter(Q(code__icontains=value) | Q(name__icontains=value) | Q(basis__icontains=value))


class TargetFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="检查对象名称或统一社会信用代码", method="search")

    class Meta:
        model = TargetEntry
        fields = ["q"]

    def search(self, qs, name, value):
        return qs.filter(Q(party__name__icontains=value) | Q(party__uscc=value.strip().upper()))


class InspectorFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="执法人员姓名", field_name="officer__name", lookup_expr="icontains")

    class Meta:
        model = InspectorEntry
        fields = ["q"]


class PlanFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="抽查任务", field_name="title", lookup_expr="icontains")
    year = django_filters.NumberFilter(label="年度")
    status = django_filters.ChoiceFilter(label="状态", choices=InspectionPlan.Status.choices, empty_label="全部")

    class Meta:
        model = InspectionPlan
        fields = ["q", "year", "status"]


class ObjectionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="当事人", field_name="party__name", lookup_expr="icontains")
    status = django_filters.ChoiceFilter(label="状态", choices=CreditObjection.Status.choices, empty_label="全部")
    online = django_filters.BooleanFilter(label="当事人在线提出")

    class Meta:
        model = CreditObjection
        fields = ["q", "status", "online"]


class InterviewFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="当事人", field_name="party__name", lookup_expr="icontains")
    kind = django_filters.ChoiceFilter(label="方式", choices=Interview.Kind.choices, empty_label="全部")
    held_from = django_filters.DateFilter(label="日期自", field_name="held_on", lookup_expr="gte", widget=DateInput())
    held_to = django_filters.DateFilter(label="日期至", field_name="held_on", lookup_expr="lte", widget=DateInput())

    class Meta:
        model = Interview
        fields = ["q", "kind", "held_from", "held_to"]
