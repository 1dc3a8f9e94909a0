import json

from django.core.management.base import BaseCommand, CommandError

from zhifa.core import clause_report


class Command(BaseCommand):
    help = "条款报告：《决定》每一条款 → 类别 → 执行它的规则 → 检验它的测试。"

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="以 JSON 列表输出 {id, kind, rules, tests}")
        parser.add_argument(
            "--check", action="store_true", help="测试引用未知条款、规则没有测试或引用不存在的法条时失败"
        )
        parser.add_argument("--kind", help="只列出该类别的条款（rule / feature / principle / offline）")

    def handle(self, *args, **opts):
        report = clause_report.build()
        rows = [r for r in report.rows if not opts["kind"] or r["kind"] == opts["kind"]]
        if opts["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
        else:
            self._print(rows)
        if opts["check"]:
            problems = [f"测试 {t} 引用了未知条款 {c}" for t, c in report.unknown_in_tests]
            problems += [f"规则 {r} 没有打破它并核对条款的测试" for r in report.untested_rules]
            problems += [f"法条引用无效：{b}" for b in report.bad_citations]
            if problems:
                for p in problems:
                    self.stderr.write(p)
                raise CommandError(f"条款检查未通过：{len(problems)} 个问题")
            self.stdout.write(self.style.SUCCESS("条款检查通过。") if not opts["json"] else "")

    def _print(self, rows):
        for r in rows:
            rules = ", ".join(r["rules"]) or "—"
            self.stdout.write(f"{r['id']:<6} {r['kind']:<9} rules: {rules}")
            for t in r["tests"]:
                self.stdout.write(f"{'':<16} test: {t}")
        kinds = {}
        for r in rows:
            k = kinds.setdefault(r["kind"], {"n": 0, "rules": 0, "tests": 0})
            k["n"] += 1
            k["rules"] += bool(r["rules"])
            k["tests"] += bool(r["tests"])
        self.stdout.write("")
        for kind, k in kinds.items():
            self.stdout.write(f"{kind}: {k['n']} clauses, {k['rules']} with rules, {k['tests']} with tests")
        n_rules = len({code for r in rows for code in r["rules"]})
        n_tests = len({t for r in rows for t in r["tests"]})
        self.stdout.write(f"total: {len(rows)} clauses, {n_rules} rules, {n_tests} tests")
