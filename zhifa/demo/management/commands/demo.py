"""zhifa demo: load the demo city once (governments, offices, agencies, powers,
delegations, posts, officers and their certificates, parties, logins), through the
services with a demo administrator as the actor, and print the logins."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from zhifa.core.errors import DomainError
from zhifa.demo import loader


class Command(BaseCommand):
    help = "载入演示数据（只载入一次），并列出演示账户。"

    def handle(self, *args, **options):
        if loader.is_loaded():
            self.stdout.write("演示数据已经载入，本次未作任何改动。")
            return
        started = time.monotonic()
        try:
            world = loader.load()
        except loader.AlreadyLoaded:
            self.stdout.write("演示数据已经载入，本次未作任何改动。")
            return
        except loader.NotEmpty:
            raise CommandError("数据库中已有人民政府或同名账户等登记数据；演示数据只能载入新建的数据库。") from None
        except DomainError as exc:
            raise CommandError(f"演示数据载入失败，未作任何改动：{exc}") from None
        counts = world.counts()
        self.stdout.write(
            self.style.SUCCESS(
                f"演示数据已载入（{time.monotonic() - started:.1f} 秒）：人民政府{counts['governments']}个，执法主体{counts['agencies']}个，"
                f"执法事项{counts['powers']}项，授权与委托{counts['delegations']}件，执法岗位{counts['posts']}个，"
                f"执法人员{counts['officers']}名（证件{counts['certificates']}本），当事人{counts['parties']}个，"
                f"利害关系申报{counts['conflicts']}件。"
            )
        )
        if world.discretion_report:
            self.stdout.write(f"裁量基准：{world.discretion_report}。")
        cases = _case_count()
        if cases:
            self.stdout.write(f"办案程序的演示案件已载入：{cases}件。")
        self.stdout.write("")
        self.stdout.write("演示账户（密码均为演示用途，请勿用于生产环境）：")
        width = max(len(login.username) for login in world.logins)
        self.stdout.write(f"  {'用户名'.ljust(width)}  密码          角色            机关或政府")
        for login in world.logins:
            who = f"{login.where}（{login.officer}）" if login.officer else login.where
            self.stdout.write(
                f"  {login.username.ljust(width)}  {login.password.ljust(12)}  {login.role.ljust(8, '　')}  {who}"
            )


def _case_count() -> int:
    """Cases loaded by zhifa.demo.cases (the case procedure's demo cases)."""
    from django.apps import apps

    try:
        return apps.get_model("cases", "Case").objects.count()
    except LookupError:
        return 0
