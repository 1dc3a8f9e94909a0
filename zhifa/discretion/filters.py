import django_filters
from django.db.models import Q

from zhifa.discretion.models import FIELDS, DiscretionItem, DiscretionStandard


class ItemFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="关键词", method="search")
    field = django_filters.ChoiceFilter(label="执法领域", choices=FIELDS, empty_label="全部")
    standard = django_filters.ModelChoiceFilter(
        label="裁量基准（代码）",
        field_name="version__standard",
        to_field_name="code",
        queryset=DiscretionStandard.objects.all(),
        empty_label="全部",
    )
    in_force_on = django_filters.DateFilter(label="施行于", method="in_force")
    provenance = django_filters.ChoiceFilter(label="分档来源", choices=DiscretionItem.PROVENANCE, empty_label="全部")

    class Meta:
        model = DiscretionItem
        fields = ["q", "field", "standard", "in_force_on", "provenance"]

    def search(self, qs, name, value):
        return qs.filter(Q(code__icontains=value) | Q(violation__icontains=value) | Q(statutory_text__icontains=value))

    def in_force(self, qs, name, value):
        return qs.filter(version__effective_from__lte=value).filter(
            Q(version__effective_to__isnull=True) | Q(version__effective_to__gte=value)
        )


class StandardFilter(django_filters.FilterSet):
    title = django_filters.CharFilter(label="名称", lookup_expr="icontains")
    field = django_filters.ChoiceFilter(label="执法领域", choices=FIELDS, empty_label="全部")

    class Meta:
        model = DiscretionStandard
        fields = ["title", "field"]
