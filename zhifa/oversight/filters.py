import django_filters
from django.db.models import Q

from zhifa.oversight.models import CleanupReport, ImplementationMeasure, SpecialInspection, SupervisionNotice


class NoticeFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(label="状态", choices=SupervisionNotice.State.choices, empty_label="全部")
    agency__name = django_filters.CharFilter(label="被督办机关", lookup_expr="icontains")

    class Meta:
        model = SupervisionNotice
        fields = ["state", "agency__name"]


class CleanupReportFilter(django_filters.FilterSet):
    subject = django_filters.ChoiceFilter(label="清理事项", choices=CleanupReport.Subject.choices, empty_label="全部")
    state = django_filters.ChoiceFilter(label="状态", choices=CleanupReport.State.choices, empty_label="全部")
    agency__name = django_filters.CharFilter(label="清理机关", lookup_expr="icontains")

    class Meta:
        model = CleanupReport
        fields = ["subject", "state", "agency__name"]


class PublicCleanupFilter(django_filters.FilterSet):
    subject = django_filters.ChoiceFilter(label="清理事项", choices=CleanupReport.Subject.choices, empty_label="全部")
    agency__name = django_filters.CharFilter(label="清理机关", lookup_expr="icontains")

    class Meta:
        model = CleanupReport
        fields = ["subject", "agency__name"]


class MeasureFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(label="状态", choices=ImplementationMeasure.State.choices, empty_label="全部")
    agency__name = django_filters.CharFilter(label="制定机关", method="maker_named")

    class Meta:
        model = ImplementationMeasure
        fields = ["state", "agency__name"]

    def maker_named(self, queryset, name, value):
        """The department's or the government's name: a measure has one maker or the other."""
        return queryset.filter(Q(agency__name__icontains=value) | Q(government__name__icontains=value))


class SpecialInspectionFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(label="检查年度")

    class Meta:
        model = SpecialInspection
        fields = ["year"]
