import django_filters

from zhifa.org.models import Government


class GovernmentFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(label="名称", lookup_expr="icontains")
    level = django_filters.ChoiceFilter(label="层级", choices=Government.Level.choices, empty_label="全部")

    class Meta:
        model = Government
        fields = ["name", "level"]
