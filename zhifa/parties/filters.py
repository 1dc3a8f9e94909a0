import django_filters

from zhifa.parties.models import Party


class PartyFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="姓名、名称或号码", method="search")
    kind = django_filters.ChoiceFilter(label="类别", choices=Party.Kind.choices, empty_label="全部")

    class Meta:
        model = Party
        fields = ["q", "kind"]

    def search(self, qs, name, value):
        from zhifa.parties.selectors import party_list

        return qs & party_list(self.request.user, q=value)
