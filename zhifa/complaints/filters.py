import django_filters
from django import forms
from django.db.models import F, Q

from zhifa.complaints.models import Channel, Complaint, Kind, MediaExposure, Status
from zhifa.core import clock
from zhifa.core.forms import DateInput
from zhifa.org.models import Agency

YES_NO = [("", "全部"), ("true", "是"), ("false", "否")]


class ComplaintFilter(django_filters.FilterSet):
    number = django_filters.CharFilter(label="查询码", field_name="tracking_number", lookup_expr="iexact")
    kind = django_filters.ChoiceFilter(label="类别", choices=Kind.choices, empty_label="全部")
    status = django_filters.ChoiceFilter(label="状态", choices=Status.choices, empty_label="全部")
    channel = django_filters.ChoiceFilter(label="渠道", choices=Channel.choices, empty_label="全部")
    agency = django_filters.ModelChoiceFilter(
        label="承办机关", queryset=Agency.objects.order_by("name"), empty_label="全部"
    )
    overdue = django_filters.BooleanFilter(label="逾期", method="filter_overdue", widget=forms.Select(choices=YES_NO))
    received_from = django_filters.DateFilter(
        label="收到日期自", field_name="received_on", lookup_expr="gte", widget=DateInput()
    )
    received_to = django_filters.DateFilter(label="至", field_name="received_on", lookup_expr="lte", widget=DateInput())

    class Meta:
        model = Complaint
        fields = ["number", "kind", "status", "channel", "agency", "overdue", "received_from", "received_to"]

    def filter_overdue(self, qs, name, value):
        today = clock.today()
        late = Q(status=Status.ANSWERED, answered_on__gt=F("due_on")) | (
            ~Q(status=Status.ANSWERED) & Q(due_on__lt=today)
        )
        return qs.filter(late) if value else qs.exclude(late)


class MediaFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label="状态", choices=MediaExposure.Status.choices, empty_label="全部")
    outlet = django_filters.CharFilter(label="媒体", lookup_expr="icontains")

    class Meta:
        model = MediaExposure
        fields = ["status", "outlet"]
