"""zhifa audit verify [--state] | integrate | baseline | proof N [--size S] | consistency M [N] | checkpoint [N] | public-key

``verify`` exits non-zero and names the first bad event when a row of the audit log was
changed or deleted in the database; ``verify --state`` also compares every business
table with the state the acts recorded and names each row (table, id, field) that
differs, and says how many events are queued and not yet in the tree (deferred
sequencing). ``integrate`` moves the queued events into the tree (what each act does when
it commits; run it after a process died in between). ``baseline`` records the rows no event attests yet (data older than state
digests, or bulk-loaded). The proofs print what an outsider needs to check
them with :mod:`zhifa.core.merkle` (checkpoint and public key included).
"""

import json
import time

from django.core.management.base import BaseCommand, CommandError

from zhifa.core import audit, merkle
from zhifa.core.errors import DomainError


class Command(BaseCommand):
    help = "可验证审计日志：verify 校验整个日志；proof N 输出第 N 号事件的包含证明；consistency M N 输出一致性证明。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(
            dest="action", required=True, metavar="{verify,integrate,baseline,proof,consistency,checkpoint,public-key}"
        )
        verify = sub.add_parser("verify", help="由数据库中的行重新计算每个叶哈希和整棵树，校验每个签名检查点")
        verify.add_argument("--json", action="store_true", help="以 JSON 输出校验结果")
        verify.add_argument(
            "--state",
            action="store_true",
            help="同时将业务数据表与审计日志记录的数据状态逐行比对，指出被直接改动的行和字段",
        )
        sub.add_parser("integrate", help="将待排序队列中的审计事件排入日志树并签署检查点（延迟排序的补救）")
        sub.add_parser("baseline", help="将尚无审计事件记录的既有业务数据记入审计日志（状态基线）")
        proof = sub.add_parser("proof", help="第 N 号事件的包含证明（RFC 6962 审计路径）")
        proof.add_argument("seq", type=int, help="事件序号（叶序号，从 0 起）")
        proof.add_argument("--size", type=int, help="针对的树大小（默认最新的签名检查点）")
        proof.add_argument("--json", action="store_true", help="以 JSON 输出")
        consistency = sub.add_parser("consistency", help="树大小 M 到 N 的一致性证明")
        consistency.add_argument("first", type=int, help="较早的树大小 M")
        consistency.add_argument("second", type=int, nargs="?", help="较晚的树大小 N（默认最新）")
        consistency.add_argument("--json", action="store_true", help="以 JSON 输出")
        checkpoint = sub.add_parser("checkpoint", help="树大小 N 的签名检查点（默认最新）")
        checkpoint.add_argument("size", type=int, nargs="?")
        checkpoint.add_argument("--json", action="store_true", help="以 JSON 输出")
        key = sub.add_parser("public-key", help="平台签署检查点所用的 Ed25519 公钥")
        key.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args, **opts):
        action = opts["action"]
        try:
            if action == "verify":
                return self.verify(opts)
            if action == "integrate":
                count = audit.integrate()
                self.stdout.write(self.style.SUCCESS(f"已将 {count} 个待排序的审计事件排入日志树并签署检查点。"))
                return None
            if action == "baseline":
                count = audit.baseline()
                self.stdout.write(self.style.SUCCESS(f"已将 {count} 行尚无审计记录的业务数据记入审计日志。"))
                return None
            if action == "proof":
                data = audit.inclusion_proof(opts["seq"], opts["size"])
            elif action == "consistency":
                data = audit.consistency_proof(opts["first"], opts["second"])
            elif action == "checkpoint":
                data = audit.checkpoint_info(audit.checkpoint_at(opts["size"]))
            else:
                data = audit.public_key_info()
        except DomainError as error:
            raise CommandError(error.message) from None
        if opts["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        getattr(self, "print_" + action.replace("-", "_"))(data)

    def verify(self, opts):
        started = time.perf_counter()
        report = audit.verify()
        if opts["state"]:
            audit.verify_state(report=report)
        elapsed = time.perf_counter() - started
        if opts["json"]:
            self.stdout.write(
                json.dumps({**report.as_dict(), "seconds": round(elapsed, 3)}, ensure_ascii=False, indent=2)
            )
        elif report.ok:
            self.stdout.write(
                self.style.SUCCESS(
                    f"审计日志完整：{report.events} 个事件的内容与叶哈希相符，"
                    f"{report.checkpoints} 个签名检查点的根哈希与签名均有效（用时 {elapsed:.2f} 秒）。"
                )
            )
            if report.events:
                self.stdout.write(f"树大小 {report.tree_size}，根哈希 {report.root_hash}")
            if opts["state"]:
                self.stdout.write(self.style.SUCCESS(f"业务数据与审计日志相符：比对了 {report.rows} 行。"))
        else:
            for p in report.sorted_problems():
                self.stderr.write(p.message)
            if report.omitted:
                self.stderr.write(f"……另有 {report.omitted} 个问题未列出。")
        if report.queued and not opts["json"]:
            # Not a break: committed acts whose events the next integration sequences.
            self.stdout.write(
                self.style.WARNING(
                    f"另有 {report.queued} 个审计事件已提交、尚待排入日志树（延迟排序），未计入本次校验；"
                    "若未随后续行为自动排入，请运行 zhifa audit integrate。"
                )
            )
        if not report.ok:
            raise CommandError(
                f"审计日志校验未通过（{len(report.problems) + report.omitted} 个问题）。"
                f"第一个异常：{report.first.message}"
            )

    def print_proof(self, data):
        ok = self._check(merkle.verify_inclusion_proof, data)
        self.stdout.write(f"第 {data['leaf_index']} 号事件的包含证明（树大小 {data['tree_size']}）")
        self.stdout.write(f"叶哈希：{data['leaf_hash']}")
        self.stdout.write("审计路径：" + ("（空：树中只有这一个事件）" if not data["audit_path"] else ""))
        for i, h in enumerate(data["audit_path"], 1):
            self.stdout.write(f"  {i:>2}. {h}")
        self.stdout.write(f"根哈希：{data['root_hash']}")
        self._print_checkpoint(data["checkpoint"])
        self.print_public_key(data["public_key"])
        self.stdout.write(ok)

    def print_consistency(self, data):
        ok = self._check(merkle.verify_consistency_proof, data)
        self.stdout.write(f"一致性证明：树大小 {data['first_size']} → {data['second_size']}")
        self.stdout.write(f"第一个根哈希：{data['first_root']}")
        self.stdout.write(f"第二个根哈希：{data['second_root']}")
        self.stdout.write("一致性路径：" + ("（空：两棵树相同）" if not data["consistency_path"] else ""))
        for i, h in enumerate(data["consistency_path"], 1):
            self.stdout.write(f"  {i:>2}. {h}")
        self._print_checkpoint(data["first_checkpoint"])
        self._print_checkpoint(data["second_checkpoint"])
        self.print_public_key(data["public_key"])
        self.stdout.write(ok)

    def print_checkpoint(self, data):
        self._print_checkpoint(data)
        try:
            merkle.verify_checkpoint(data, audit.public_key_info(data["key_id"]))
            self.stdout.write(self.style.SUCCESS("签名校验：通过"))
        except merkle.ProofError as error:
            self.stdout.write(self.style.ERROR(f"签名校验：未通过（{error}）"))

    def print_public_key(self, data):
        self.stdout.write(f"公钥（{data['algorithm']}，标识 {data['key_id']}）：{data['public_key']}")

    def _print_checkpoint(self, cp):
        self.stdout.write(
            f"签名检查点：树大小 {cp['tree_size']}，根哈希 {cp['root_hash']}，时间 {cp['time']}，"
            f"公钥标识 {cp['key_id']}，签名 {cp['signature']}"
        )

    def _check(self, verifier, data) -> str:
        try:
            verifier(data, data["public_key"])
        except merkle.ProofError as error:
            return self.style.ERROR(f"本地校验：未通过（{error}）")
        return self.style.SUCCESS("本地校验：通过")
