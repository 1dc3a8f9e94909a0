"""``zhifa discretion import [FILE ...] [--user NAME]`` and ``zhifa discretion export``.

Import is idempotent: an unchanged version is left as it is. Without files, the
standards bundled in zhifa/discretion/standards/ are imported. With ``--user`` (a
legal affairs office user or the administrator) missing violation items are
registered through the law app; without it, items are linked only to violation
items that already exist.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zhifa.accounts.models import User
from zhifa.core.errors import DomainError
from zhifa.discretion import engine, services
from zhifa.discretion.models import StandardVersion


class Command(BaseCommand):
    help = "导入或导出裁量基准（YAML）"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="导入裁量基准 YAML 文件（默认导入内置的基准）")
        imp.add_argument("files", nargs="*")
        imp.add_argument("--user", help="以该用户的身份导入（用于登记缺少的违法行为事项）")
        exp = sub.add_parser("export", help="把数据库中的裁量基准导出为 YAML 文件")
        exp.add_argument("directory")

    def handle(self, *args, action, **opts):

        if action == "import":
            actor = None
            if opts.get("user"):
                actor = User.objects.filter(username=opts["user"]).first()
                if actor is None:
                    raise CommandError(f"没有用户 {opts['user']}")
            paths = [Path(p) for p in opts["files"]] or engine.bundled_paths()
            docs = [(p.name, p.read_text(encoding="utf-8")) for p in paths]
            try:
                report = services.standards_import(actor=actor, documents=docs)
            except DomainError as exc:
                raise CommandError(str(exc)) from None
            self.stdout.write(str(report))
            for label in report.created + report.updated:
                self.stdout.write(f"  已导入 {label}")
            if report.unlinked:
                self.stdout.write(f"  未关联违法行为事项：{', '.join(report.unlinked)}")
        else:
            out = Path(opts["directory"])
            out.mkdir(parents=True, exist_ok=True)
            for v in StandardVersion.objects.select_related("standard"):
                path = out / f"{v.standard.code}-{v.label}.yaml"
                path.write_text(services.export_yaml(v), encoding="utf-8")
                self.stdout.write(f"  {path}")
