"""``zhifa tick``: the daily run of the deadlines the law counts (publication: D5.6,
行政处罚法第四十八条). Idempotent: a second run on the same day does nothing more."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from zhifa.core.errors import DomainError
from zhifa.portal import services


class Command(BaseCommand):
    help = "每日定时任务：按期公开执法决定，撤回被变更、撤销的决定信息，公示期满停止公开。"

    def add_arguments(self, parser):
        parser.add_argument("--on", help="按哪一天办理（YYYY-MM-DD，默认今天；不得晚于今天）")

    def handle(self, *args, **options):
        on = None
        if options.get("on"):
            try:
                on = date.fromisoformat(options["on"])
            except ValueError:
                raise CommandError("日期格式应为 YYYY-MM-DD。") from None
        try:
            report = services.tick(on=on)
        except DomainError as e:
            raise CommandError(e.message) from None
        for line in report.lines():
            self.stdout.write(line)
