"""Chinese search is served by trigram indexes on PostgreSQL (issue 13)."""

import pytest
from django.db import connection

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_party_names_and_case_summaries_have_trigram_indexes():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN ('party_name_trgm', 'case_summary_trgm')"
        )
        found = dict(cursor.fetchall())
    assert set(found) == {"party_name_trgm", "case_summary_trgm"}
    assert all("gin_trgm_ops" in d for d in found.values())


def test_a_search_by_summary_uses_the_index():
    from zhifa.cases.models import Case

    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        plan = Case.objects.filter(summary__icontains="过期食品").explain()
        cursor.execute("RESET enable_seqscan")
    assert "case_summary_trgm" in plan
