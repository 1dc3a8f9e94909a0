"""Search by a party's name stays fast at hundreds of thousands of parties (issue 13): on
PostgreSQL a trigram index serves ``name__icontains`` (``UPPER(name) LIKE``), which the case
list's search and the party registry use; SQLite keeps a plain LIKE scan."""

from django.db import migrations

INDEX = 'CREATE INDEX IF NOT EXISTS party_name_trgm ON parties_party USING gin ((UPPER("name"::text)) gin_trgm_ops)'


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(INDEX)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS party_name_trgm")


class Migration(migrations.Migration):
    dependencies = [("parties", "0002_lookups_and_corrections")]
    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
