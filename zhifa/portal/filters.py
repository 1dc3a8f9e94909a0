import django_filters
from django.db.models import Q

from zhifa.core.forms import DateInput
from zhifa.org.models import Agency
from zhifa.portal.models import Publication


class PublicationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="关键词（文号、当事人、违法行为）", method="search")
    agency = django_filters.ModelChoiceFilter(
        label="作出决定的机关", queryset=Agency.objects.order_by("name"), empty_label="全部"
    )
    category = django_filters.CharFilter(label="主题分类", lookup_expr="exact")
    published_from = django_filters.DateFilter(
        label="发布日期自", field_name="published_on", lookup_expr="gte", widget=DateInput()
    )
    published_to = django_filters.DateFilter(
        label="发布日期至", field_name="published_on", lookup_expr="lte", widget=DateInput()
    )

    class Meta:
        model = Publication
        fields = ["q", "agency", "category", "published_from", "published_to"]

    def search(self, qs, name, value):
        return qs.filter(
            Q(document_number__icontains=value)
            | Q(party_name__icontains=value)
            | Q(violation__icontains=value)
            | Q(index_number__icontains=value)
        )


class ManagedPublicationFilter(PublicationFilter):
    status = django_filters.ChoiceFilter(label="状态", choices=Publication.Status.choices, empty_label="全部")

    class Meta(PublicationFilter.Meta):
        fields = ["q", "status", "agency", "category", "published_from", "published_to"]
