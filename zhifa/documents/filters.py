import django_filters

from zhifa.documents.kinds import Kind
from zhifa.documents.models import Document


class DocumentFilter(django_filters.FilterSet):
    case = django_filters.NumberFilter(label="案件编号（id）", field_name="case_id")
    kind = django_filters.ChoiceFilter(label="文书种类", choices=Kind.choices, empty_label="全部")
    current = django_filters.ChoiceFilter(
        label="版本", choices=[("yes", "现行版本"), ("no", "已被取代")], method="by_current", empty_label="全部"
    )

    class Meta:
        model = Document
        fields = ["case", "kind", "current"]

    def by_current(self, queryset, name, value):
        if value == "yes":
            return queryset.filter(superseded_on__isnull=True)
        if value == "no":
            return queryset.filter(superseded_on__isnull=False)
        return queryset
