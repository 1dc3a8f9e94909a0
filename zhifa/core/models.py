"""The audit log: every act, append-only, as the leaves of an RFC 6962/9162 Merkle tree
with signed checkpoints (see zhifa.core.audit)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """One act: who, what, on which object, what changed, which clauses were checked.

    The row's fields, serialised canonically (:func:`zhifa.core.audit.event_bytes`), are
    leaf ``seq`` of the tree. Nothing updates or deletes a row.
    """

    seq = models.PositiveBigIntegerField("序号", unique=True)
    time = models.DateTimeField("时间")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField("操作人", max_length=100)
    act = models.CharField("行为", max_length=60, db_index=True)
    object_type = models.CharField("对象类型", max_length=60, blank=True)
    object_id = models.CharField("对象编号", max_length=40, blank=True)
    object_repr = models.CharField("对象", max_length=200, blank=True)
    agency_id = models.BigIntegerField("所属机关", null=True, blank=True, db_index=True)
    changes = models.JSONField("变更内容", default=dict)
    clauses = models.JSONField("核验的条款", default=list)
    leaf_hash = models.CharField("叶哈希", max_length=64)
    # The roots of the perfect subtrees this leaf completed, level 1 upward (hex): the
    # subtree at level L is (L, seq >> L). Proofs read them instead of rehashing every
    # leaf; ``zhifa audit verify`` recomputes and checks them.
    nodes = models.JSONField("完成的子树哈希", default=list, blank=True)
    # The rows the act produced, changed or deleted, canonically (zhifa.core.state):
    # {"cases.case:3": {field: value}, "cases.payment:9": None (deleted), ...}. The leaf
    # hashes its digest; an event without state (older ones) hashes as it always did.
    state = models.JSONField("记录的数据状态", default=dict, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "审计事件"
        ordering = ["seq"]
        indexes = [models.Index(fields=["object_type", "object_id"]), models.Index(fields=["time"])]

    def __str__(self) -> str:
        return f"#{self.seq} {self.act} {self.object_repr}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("core:audit_detail", args=[self.seq])


class PendingAuditEvent(models.Model):
    """An event an act recorded that has no place in the tree yet (deferred sequencing,
    ``AUDIT_SEQUENCING = "deferred"``): everything an :class:`AuditEvent` is but its
    ``seq``, leaf hash and subtrees. The act inserts it without locking anything;
    :func:`zhifa.core.audit.integrate`, run when the act commits, moves it into the tree
    in id order and deletes it here. Never read as part of the log: it is not signed."""

    time = models.DateTimeField("时间")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField("操作人", max_length=100)
    act = models.CharField("行为", max_length=60)
    object_type = models.CharField("对象类型", max_length=60, blank=True)
    object_id = models.CharField("对象编号", max_length=40, blank=True)
    object_repr = models.CharField("对象", max_length=200, blank=True)
    agency_id = models.BigIntegerField("所属机关", null=True, blank=True)
    changes = models.JSONField("变更内容", default=dict)
    clauses = models.JSONField("核验的条款", default=list)
    state = models.JSONField("记录的数据状态", default=dict, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "待排序审计事件"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"(待排序 {self.pk}) {self.act} {self.object_repr}"


class Checkpoint(models.Model):
    """A signed statement of the tree: size, root hash, time (Ed25519)."""

    tree_size = models.PositiveBigIntegerField("树大小", unique=True)
    root_hash = models.CharField("根哈希", max_length=64)
    time = models.DateTimeField("时间")
    signature = models.CharField("签名", max_length=128)
    key_id = models.CharField("公钥标识", max_length=16)
    # A batch of appends is signed once, by the checkpoint of its last event: the tree
    # size before the batch (None: the checkpoint covers one append).
    covers_from = models.PositiveBigIntegerField("批量起点", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "签名检查点"
        ordering = ["tree_size"]

    def __str__(self) -> str:
        return f"size={self.tree_size} root={self.root_hash[:12]}…"


class AuditHead(models.Model):
    """The single row every append locks: the current size and the compact range
    (the roots of the perfect subtrees) that lets the next root be computed in O(log n)."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    size = models.PositiveBigIntegerField(default=0)
    compact = models.JSONField(default=list)

    class Meta:
        verbose_name = verbose_name_plural = "审计日志头"


class Cosignature(models.Model):
    """A witness's cosignature of a checkpoint: an independent process, with its own key,
    checked that this tree extends the last one it cosigned (zhifa.core.witness)."""

    witness_name = models.CharField("见证者", max_length=100)
    witness_key_id = models.CharField("见证者公钥标识", max_length=16)
    tree_size = models.PositiveBigIntegerField("树大小")
    root_hash = models.CharField("根哈希", max_length=64)
    timestamp = models.PositiveBigIntegerField("连署时间（Unix 秒）")
    signature = models.CharField("连署签名", max_length=128)
    received_at = models.DateTimeField("收到时间")

    class Meta:
        verbose_name = verbose_name_plural = "见证者连署"
        ordering = ["-tree_size"]
        constraints = [
            models.UniqueConstraint(
                fields=["witness_key_id", "tree_size"], name="cosignature_once_per_witness_and_size"
            )
        ]

    def __str__(self) -> str:
        return f"{self.witness_name} size={self.tree_size}"
