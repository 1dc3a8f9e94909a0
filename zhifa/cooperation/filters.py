import django_filters
from django import forms

from zhifa.cases.models import Transfer
from zhifa.cooperation.models import InspectionCapApproval, InspectionPlan, JointInspection


class TransferFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="检索",
        field_name="letter_number",
        lookup_expr="icontains",
        widget=forms.TextInput(attrs={"placeholder": "移送函文号"}),
    )
    answered = django_filters.ChoiceFilter(
        label="函告情况", choices=[("1", "已函告"), ("0", "未函告")], method="by_answered", empty_label="全部"
    )
    sent_after = django_filters.DateFilter(
        label="移送日期自", field_name="sent_on", lookup_expr="gte", widget=forms.DateInput(attrs={"type": "date"})
    )

    class Meta:
        model = Transfer
        fields = ["q", "answered", "sent_after"]

    def by_answered(self, queryset, name, value):
        if value in ("0", "1"):
            return queryset.filter(answered_on__isnull=value == "0")
        return queryset


def _party_filter():
    return django_filters.CharFilter(
        label="检索",
        field_name="party__name",
        lookup_expr="icontains",
        widget=forms.TextInput(attrs={"placeholder": "企业名称"}),
    )


def _date_filter(field: str, label: str):
    return django_filters.DateFilter(
        label=label, field_name=field, lookup_expr="gte", widget=forms.DateInput(attrs={"type": "date"})
    )


class PlanFilter(django_filters.FilterSet):
    q = _party_filter()
    after = _date_filter("on", "检查日期自")
    joint = django_filters.ChoiceFilter(
        label="综合查一次", choices=[("1", "是"), ("0", "否")], method="by_joint", empty_label="全部"
    )

    class Meta:
        model = InspectionPlan
        fields = ["q", "after", "joint"]

    def by_joint(self, queryset, name, value):
        if value in ("0", "1"):
            return queryset.filter(joint__isnull=value == "0")
        return queryset


class JointFilter(django_filters.FilterSet):
    q = _party_filter()
    after = _date_filter("on", "检查日期自")

    class Meta:
        model = JointInspection
        fields = ["q", "after"]


class CapApprovalFilter(django_filters.FilterSet):
    q = _party_filter()
    year = django_filters.NumberFilter(label="年度", field_name="year")

    class Meta:
        model = InspectionCapApproval
        fields = ["q", "year"]
