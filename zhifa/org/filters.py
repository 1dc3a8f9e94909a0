import django_filters
from django import forms
from django.db.models import Q

from zhifa.core import clock
from zhifa.law.models import ViolationItem
from zhifa.org.models import Agency, Delegation, Field, Government, Post, Power


class GovernmentFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(label="名称", lookup_expr="icontains")
    level = django_filters.ChoiceFilter(label="层级", choices=Government.Level.choices, empty_label="全部")

    class Meta:
        model = Government
        fields = ["name", "level"]


class BodyFilter(django_filters.FilterSet):
    """Legal affairs offices and supervisory organs."""

    name = django_filters.CharFilter(label="名称", lookup_expr="icontains")
    government__level = django_filters.ChoiceFilter(label="层级", choices=Government.Level.choices, empty_label="全部")


class TermFilter(django_filters.FilterSet):
    government = django_filters.ModelChoiceFilter(label="政府", queryset=Government.objects.all(), empty_label="全部")


def _search_agency(qs, name, value):
    return qs.filter(Q(name__icontains=value) | Q(short_name__icontains=value) | Q(code__icontains=value))


class AgencyFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="名称", method=_search_agency)
    field = django_filters.ChoiceFilter(label="执法领域", choices=Field.choices, empty_label="全部")
    government = django_filters.ModelChoiceFilter(
        label="所属政府", queryset=Government.objects.all(), empty_label="全部"
    )
    standing = django_filters.ChoiceFilter(label="主体资格", choices=Agency.Standing.choices, empty_label="全部")
    kind = django_filters.ChoiceFilter(label="类别", choices=Agency.Kind.choices, empty_label="全部")


def _search_power(qs, name, value):
    return qs.filter(
        Q(name__icontains=value)
        | Q(code__icontains=value)
        | Q(violation_items__name__icontains=value)
        | Q(violation_items__code__icontains=value)
    ).distinct()


class PowerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="事项或违法行为", method=_search_power)
    agency = django_filters.ModelChoiceFilter(label="执法主体", queryset=Agency.objects.all(), empty_label="全部")
    field = django_filters.ChoiceFilter(
        label="执法领域", field_name="agency__field", choices=Field.choices, empty_label="全部"
    )
    category = django_filters.ChoiceFilter(label="类别", choices=Power.Category.choices, empty_label="全部")
    # The API's: the powers covering one violation item (the page searches items by name in q).
    violation_item = django_filters.ModelChoiceFilter(
        label="覆盖的违法行为事项（编号）",
        field_name="violation_items",
        queryset=ViolationItem.objects.all(),
        widget=forms.HiddenInput,
        distinct=True,
    )


def _delegation_agency(qs, name, value):
    return qs.filter(Q(recipient=value) | Q(delegator=value))


def _delegation_status(qs, name, value):
    today = clock.today()
    live = Q(revoked_on__isnull=True) | Q(revoked_on__gt=today)
    return {
        "in_force": qs.filter(live, valid_from__lte=today, valid_to__gte=today),
        "expired": qs.filter(live, valid_to__lt=today),
        "pending": qs.filter(live, valid_from__gt=today),
        "revoked": qs.filter(revoked_on__lte=today),
    }.get(value, qs)


class DelegationFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label="方式", choices=Delegation.Kind.choices, empty_label="全部")
    agency = django_filters.ModelChoiceFilter(
        label="委托机关或受托组织", queryset=Agency.objects.all(), method=_delegation_agency, empty_label="全部"
    )
    status = django_filters.ChoiceFilter(
        label="状态",
        method=_delegation_status,
        empty_label="全部",
        choices=[
            ("in_force", "有效"),
            ("pending", "尚未生效"),
            ("expired", "已到期"),
            ("revoked", "已撤回"),
        ],
    )


class PostFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(label="岗位名称", lookup_expr="icontains")
    agency = django_filters.ModelChoiceFilter(label="执法主体", queryset=Agency.objects.all(), empty_label="全部")

    class Meta:
        model = Post
        fields = ["name", "agency"]
