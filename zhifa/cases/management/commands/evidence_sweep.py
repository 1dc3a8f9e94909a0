"""``zhifa evidence_sweep``: remove from the evidence store what no evidence row names.

Uploads are staged and moved into the store only when their act's records validate, and
a refused act discards its file (:mod:`zhifa.cases.evidence_store`); this sweep removes
what a crash between the two could leave. Files younger than the grace period are kept
(an act may be about to commit its row).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from zhifa.cases import evidence_store
from zhifa.cases.models import Evidence


class Command(BaseCommand):
    help = "删除证据存储中没有证据记录引用的文件（以及未完成的上传）"

    def add_arguments(self, parser):
        parser.add_argument("--older-than", type=int, default=3600, help="只删除早于此秒数的文件（默认 3600）")
        parser.add_argument("--dry-run", action="store_true", help="只列出，不删除")

    def handle(self, *args, older_than: int, dry_run: bool, **options):
        referenced = set(Evidence.objects.values_list("sha256", flat=True))
        if dry_run:
            orphans = [p for sha, p in evidence_store.stored_digests() if sha not in referenced]
            for path in orphans:
                self.stdout.write(f"未被引用：{path}")
            return
        removed = evidence_store.sweep(referenced, older_than_seconds=older_than)
        for path in removed:
            self.stdout.write(f"已删除：{path}")
        self.stdout.write(f"共删除 {len(removed)} 个文件。")
