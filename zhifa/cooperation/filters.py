import django_filters
from django import forms

from zhifa.cases.models import Transfer


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
