"""Chinese search is served by trigram indexes on PostgreSQL (issue 13)."""

import pytest
from django.db import connection

pytestmark = [pytest.mark.django_db]


@pytest.mark.postgres
def test_party_names_and_case_summaries_have_trigram_indexes():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN "
            "('party_name_trgm', 'case_summary_trgm', 'case_filing_number_trgm', 'decision_number_trgm')"
        )
        found = dict(cursor.fetchall())
    assert set(found) == {"party_name_trgm", "case_summary_trgm", "case_filing_number_trgm", "decision_number_trgm"}
    assert all("gin_trgm_ops" in d for d in found.values())


@pytest.mark.postgres
def test_a_search_by_summary_uses_the_index():
    from zhifa.cases.models import Case

    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        plan = Case.objects.filter(summary__icontains="过期食品").explain()
        cursor.execute("RESET enable_seqscan")
    assert "case_summary_trgm" in plan


def test_the_search_finds_a_case_by_each_of_its_fields(w):
    """Party name (a part), identifier, filing or decision number (a part), violation item name
    (a part) or code (any case), summary (a part); nothing else, and only within the scope
    given."""
    from zhifa.cases import selectors
    from zhifa.cases.models import Case
    from zhifa.cases.tests.builders import decided

    case = decided(w)
    case.refresh_from_db()
    mine = Case.objects.filter(pk=case.pk)

    def hits(text, qs=None):
        return set(selectors.search(qs if qs is not None else Case.objects.all(), text).values_list("pk", flat=True))

    probes = [
        case.party.name[2:6],
        case.party.name[2:4],  # two characters: searched by the cases' joined columns
        case.summary[3:5],
        case.party.uscc or case.party.id_number,
        case.filing_number[-6:],
        case.decision.number[-5:],
        case.violation_item.name[1:5],
        case.violation_item.code.lower(),
        case.summary[3:8],
    ]
    for text in probes:
        assert case.pk in hits(text), text
        assert hits(text, mine) == {case.pk}
    assert case.pk not in hits("不存在的文字组合")
    assert hits("", mine) == {case.pk}
