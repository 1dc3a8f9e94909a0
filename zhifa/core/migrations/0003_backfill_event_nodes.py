"""Fill AuditEvent.nodes for events appended before proofs read stored subtrees: replay
the stored leaf hashes in order, as audit.record would have."""

from django.db import migrations

from zhifa.core import merkle


def backfill(apps, schema_editor):
    AuditEvent = apps.get_model("core", "AuditEvent")
    compact, batch = [], []
    events = AuditEvent.objects.order_by("seq").only("pk", "seq", "leaf_hash", "nodes").iterator(chunk_size=2000)
    for size, event in enumerate(events):
        if event.seq != size:
            break  # a gap: `zhifa audit verify` reports it; nothing after it can be placed
        compact, completed = merkle.compact_append_nodes(compact, size, bytes.fromhex(event.leaf_hash))
        event.nodes = [h.hex() for h in completed]
        batch.append(event)
        if len(batch) >= 2000:
            AuditEvent.objects.bulk_update(batch, ["nodes"])
            batch = []
    if batch:
        AuditEvent.objects.bulk_update(batch, ["nodes"])


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0002_event_nodes"),
    ]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
