"""``zhifa package verify FILE [--ca CA.pem]``: verify a signed case package (every file's
SHA-256, the sender's signature and certificate chain, the receiver's countersignature);
``zhifa package export PK FILE``: write a stored package to a file; ``zhifa package import
FILE --user USERNAME``: import a package made on another zhifa (D3.4)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zhifa.accounts.models import User
from zhifa.cooperation import package_format, packages, services
from zhifa.cooperation.models import CasePackage
from zhifa.core.errors import DomainError


class Command(BaseCommand):
    help = "验证、导出或导入案件材料包。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        v = sub.add_parser("verify", help="验证材料包")
        v.add_argument("file")
        v.add_argument("--ca", help="所信任的移送机关根证书（PEM）")
        e = sub.add_parser("export", help="导出材料包")
        e.add_argument("pk", type=int)
        e.add_argument("file")
        i = sub.add_parser("import", help="导入材料包")
        i.add_argument("file")
        i.add_argument("--user", required=True, help="导入人（接收机关的执法人员或负责人）的用户名")

    def handle(self, *args, verb, **options):
        if verb == "verify":
            trusted = Path(options["ca"]).read_bytes() if options.get("ca") else None
            report = package_format.verify(Path(options["file"]).read_bytes(), trusted)
            self.stdout.write("\n".join(report.lines()))
            if not report.ok:
                raise CommandError("材料包验证未通过。")
        elif verb == "export":
            package = CasePackage.objects.filter(pk=options["pk"]).first()
            if package is None:
                raise CommandError("没有该材料包。")
            Path(options["file"]).write_bytes(packages.export(package))
            self.stdout.write(f"已导出：{options['file']}")
        else:
            user = User.objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError("没有该用户。")
            try:
                package = services.package_import(actor=user, data=Path(options["file"]).read_bytes())
            except DomainError as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(f"已导入：{package.letter_number}（线索编号 {package.received_case_id}）")
