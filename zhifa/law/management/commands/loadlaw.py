from django.core.management.base import BaseCommand, CommandError

from zhifa.accounts.models import User
from zhifa.core.errors import DomainError
from zhifa.law import loader


class Command(BaseCommand):
    help = "载入执法依据：国家法律文本、《决定》和目录（law/data/catalogue.yaml），可重复执行。"

    def add_arguments(self, parser):
        parser.add_argument("--username", required=True, help="以该系统管理员的名义载入（写入审计日志）")
        parser.add_argument("--no-catalogue", action="store_true", help="只载入国家法律文本和《决定》")

    def handle(self, *args, **opts):

        actor = User.objects.filter(username=opts["username"]).first()
        if actor is None:
            raise CommandError(f"没有用户 {opts['username']}")
        try:
            report = loader.load_national_laws(actor)
            self.stdout.write(f"国家法律与《决定》：{report}")
            for problem in report.problems:
                self.stderr.write(problem)
            if not opts["no_catalogue"]:
                self.stdout.write(f"目录：{loader.load_catalogue(actor)}")
        except DomainError as exc:
            raise CommandError(str(exc)) from None
