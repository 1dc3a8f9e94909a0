import django_filters

from zhifa.oversight.models import SupervisionNotice


class NoticeFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(label="状态", choices=SupervisionNotice.State.choices, empty_label="全部")
    agency__name = django_filters.CharFilter(label="被督办机关", lookup_expr="icontains")

    class Meta:
        model = SupervisionNotice
        fields = ["state", "agency__name"]
