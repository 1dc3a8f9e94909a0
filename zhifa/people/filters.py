import django_filters
from django import forms
from django.db.models import Q

from zhifa.org.models import Agency
from zhifa.people.models import ConflictOfInterest, EnforcementField
from zhifa.people.standing import STATUS_LABELS

STATUS_CHOICES = list(STATUS_LABELS.items())


def _search_officer(qs, name, value):
    value = value.strip()
    return qs.filter(Q(name__icontains=value) | Q(certificates__number__icontains=value)).distinct()


def _live(qs, name, value):
    return qs.filter(active=True) if value == "yes" else qs.filter(active=False) if value == "no" else qs


class OfficerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="姓名或证件编号", method=_search_officer)
    agency = django_filters.ModelChoiceFilter(label="所在机关", queryset=Agency.objects.all(), empty_label="全部")
    qualifications__field = django_filters.ChoiceFilter(
        label="执法资格", choices=EnforcementField.choices, empty_label="全部", distinct=True
    )
    active = django_filters.ChoiceFilter(
        label="在岗", method=_live, empty_label="全部", choices=[("yes", "在岗"), ("no", "已调离")]
    )


def _officer_id():
    """The API's filter by officer (an id), hidden on the pages, which search by name."""
    return django_filters.NumberFilter(label="执法人员（编号）", field_name="officer_id", widget=forms.HiddenInput)


class TrainingFilter(django_filters.FilterSet):
    officer = _officer_id()
    officer__name = django_filters.CharFilter(label="执法人员", lookup_expr="icontains")
    field = django_filters.ChoiceFilter(label="领域", choices=EnforcementField.choices, empty_label="全部")
    passed = django_filters.BooleanFilter(label="考试合格")


def _held(qs, name, value):
    return qs.filter(revoked_on__isnull=value == "yes") if value in ("yes", "no") else qs


class QualificationFilter(django_filters.FilterSet):
    officer = _officer_id()
    officer__name = django_filters.CharFilter(label="执法人员", lookup_expr="icontains")
    field = django_filters.ChoiceFilter(label="领域", choices=EnforcementField.choices, empty_label="全部")
    held = django_filters.ChoiceFilter(
        label="状态", method=_held, empty_label="全部", choices=[("yes", "有效"), ("no", "已撤销")]
    )


class CertificateFilter(django_filters.FilterSet):
    officer = _officer_id()
    number = django_filters.CharFilter(label="证件编号", lookup_expr="icontains")
    officer__name = django_filters.CharFilter(label="姓名", lookup_expr="icontains")
    officer__agency = django_filters.ModelChoiceFilter(
        label="所在机关", queryset=Agency.objects.all(), empty_label="全部"
    )
    status = django_filters.ChoiceFilter(label="状态", choices=STATUS_CHOICES, empty_label="全部")


def _ended(qs, name, value):
    return qs.filter(ended_on__isnull=value == "live") if value in ("live", "ended") else qs


class ConflictFilter(django_filters.FilterSet):
    officer = _officer_id()
    # The API's: live (not ended) or ended declarations, as true/false.
    live = django_filters.BooleanFilter(
        label="是否存续（true 存续、false 已终止）",
        field_name="ended_on",
        lookup_expr="isnull",
        widget=forms.HiddenInput,
    )
    officer__name = django_filters.CharFilter(label="执法人员", lookup_expr="icontains")
    party_name = django_filters.CharFilter(label="当事人", lookup_expr="icontains")
    relation = django_filters.ChoiceFilter(
        label="关系", choices=ConflictOfInterest.Relation.choices, empty_label="全部"
    )
    state = django_filters.ChoiceFilter(
        label="状态", method=_ended, empty_label="全部", choices=[("live", "存续"), ("ended", "已终止")]
    )


class PublicCertificateFilter(django_filters.FilterSet):
    number = django_filters.CharFilter(label="证件编号", lookup_expr="icontains")
    name = django_filters.CharFilter(label="姓名", field_name="officer__name", lookup_expr="icontains")
    agency = django_filters.ModelChoiceFilter(
        label="所在机关", field_name="officer__agency", queryset=Agency.objects.all(), empty_label="全部"
    )
    status = django_filters.ChoiceFilter(label="状态", choices=STATUS_CHOICES, empty_label="全部")
