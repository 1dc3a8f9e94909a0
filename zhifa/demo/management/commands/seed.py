"""zhifa seed --cases N: grow the database to a city with N seeded cases (issue 13;
``zhifa/demo/seed.py``), with a progress bar; run it again to continue or to grow."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


class Command(BaseCommand):
    help = "生成用于性能测量的城市数据：执法主体、执法人员、当事人和 N 件案件（可中断后继续）。"

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, required=True, help="案件总数（已生成的计入，不重复生成）")
        parser.add_argument("--batch", type=int, default=1000, help="每个事务写入的案件数")

    def handle(self, *args, cases: int, batch: int, **options):
        from zhifa.demo import seed

        if cases < 0 or batch < 1:
            raise CommandError("--cases 不得为负数，--batch 至少为 1。")
        started = time.monotonic()
        with Progress(
            TextColumn("生成案件"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), transient=False
        ) as bar:
            task = bar.add_task("cases", total=cases)

            def on_progress(p):
                bar.update(task, completed=p.done, total=p.total)

            result = seed.seed(cases, on_progress=on_progress, batch=batch)
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"已有生成的案件 {result.done} 件（本次用时 {elapsed:.1f} 秒）。"))
