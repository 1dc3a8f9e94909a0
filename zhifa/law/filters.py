import django_filters
from django import forms
from django.db.models import Q

from zhifa.core.forms import DateInput
from zhifa.law import selectors
from zhifa.law.models import Cleanup, LegalBasis, ViolationItem
from zhifa.org.models import Field


class LegalBasisFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="名称", method="search")
    level = django_filters.ChoiceFilter(label="效力层级", choices=LegalBasis.Level.choices, empty_label="全部")
    in_force_on = django_filters.DateFilter(label="在该日有效", method="in_force", widget=DateInput())
    issuer = django_filters.CharFilter(label="制定机关", lookup_expr="icontains")

    class Meta:
        model = LegalBasis
        fields = ["q", "level", "in_force_on", "issuer"]

    def search(self, qs, name, value):
        return selectors.basis_search(qs, q=value)

    def in_force(self, qs, name, value):
        return selectors.basis_search(qs, in_force_on=value)


class ViolationItemFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="编码或名称", method="search")
    field = django_filters.ChoiceFilter(label="执法领域", choices=Field.choices, empty_label="全部")
    health_or_finance = django_filters.BooleanFilter(
        label="涉及生命健康、金融安全", widget=forms.Select(choices=[("", "全部"), ("true", "是"), ("false", "否")])
    )

    class Meta:
        model = ViolationItem
        fields = ["q", "field", "health_or_finance"]

    def search(self, qs, name, value):
        return qs.filter(Q(code__icontains=value) | Q(name__icontains=value))


class CleanupFilter(django_filters.FilterSet):
    title = django_filters.CharFilter(label="名称", lookup_expr="icontains")
    scope = django_filters.ChoiceFilter(label="范围", choices=Cleanup.Scope.choices, empty_label="全部")

    class Meta:
        model = Cleanup
        fields = ["title", "scope"]
