"""Searching by a part of a filing or decision number stays fast at millions of cases
(issue 13): on PostgreSQL trigram indexes serve ``filing_number__icontains`` and
``decision.number__icontains`` (``UPPER(…) LIKE``), as 0006 does for summaries."""

from django.db import migrations

INDEXES = {
    "case_filing_number_trgm": 'ON cases_case USING gin ((UPPER("filing_number"::text)) gin_trgm_ops)',
    "decision_number_trgm": 'ON cases_decision USING gin ((UPPER("number"::text)) gin_trgm_ops)',
}


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, body in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} {body}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0009_report_departs")]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
