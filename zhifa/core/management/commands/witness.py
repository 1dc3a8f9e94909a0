"""zhifa witness --dir DIR init --name N [--log-key K | --url U] | run --url U [--interval S] | status | public-key

The witness of the audit log (zhifa.core.witness): its own key and storage in DIR,
never the platform's database, so it needs no database settings here.
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from zhifa.core import witness


class Command(BaseCommand):
    help = "审计日志的见证者：以自己的密钥和存储核验平台检查点的一致性并连署（见 README）。"
    requires_system_checks = []
    requires_migrations_checks = False

    def run_from_argv(self, argv):
        # The witness parses its own arguments (the same as python -m zhifa.core.witness).
        code = witness.main(argv[2:], out=self.stdout)
        if code:
            sys.exit(code)

    def add_arguments(self, parser):
        parser.add_argument("args", nargs="*")

    def handle(self, *args, **opts):
        code = witness.main(list(args), out=self.stdout)
        if code:
            raise CommandError(f"见证者退出码 {code}。")
