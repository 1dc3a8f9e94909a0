"""Chinese search over case summaries stays fast at millions of cases (issue 13): on
PostgreSQL a trigram index serves ``summary__icontains`` (``UPPER(summary) LIKE``); on
SQLite, which has no such index, the search stays a plain LIKE scan."""

from django.db import migrations

INDEX = 'CREATE INDEX IF NOT EXISTS case_summary_trgm ON cases_case USING gin ((UPPER("summary"::text)) gin_trgm_ops)'


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(INDEX)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS case_summary_trgm")


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_backdating")]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
