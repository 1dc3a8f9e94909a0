"""What the public and the parties see: published enforcement decisions (D5.6,
行政处罚法第四十八条, 市场监督管理行政处罚信息公示规定).

A :class:`Publication` is written by :mod:`zhifa.portal.services` only. Its public
fields are a redacted copy of the decision made once, when it is published
(:mod:`zhifa.portal.redaction`), so a public read never touches the party's registered
personal information.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse


class Publication(models.Model):
    """一项执法决定信息的公开：何时应当公开、何时公开、何时撤回或停止公开，及公开的内容。"""

    class Kind(models.TextChoices):
        PENALTY = "penalty", "行政处罚决定"
        OTHER = "other", "其他行政执法决定"

    class Status(models.TextChoices):
        PENDING = "pending", "待公开"
        PUBLISHED = "published", "公开中"
        WITHDRAWN = "withdrawn", "已撤回"
        EXPIRED = "expired", "公示期满已停止公开"

    class Grounds(models.TextChoices):
        GENERAL_PROCEDURE = "general_procedure", "适用普通程序作出的行政处罚决定（令第45号第二条）"
        SOCIAL_IMPACT = "social_impact", "具有一定社会影响的执法决定（行政处罚法第四十八条）"

    class Display(models.TextChoices):
        SHORT = "short", "三个月"
        LONG = "long", "三年"

    class Change(models.TextChoices):
        CHANGED = "changed", "依法变更"
        REVOKED = "revoked", "依法撤销"
        UNLAWFUL = "unlawful", "确认违法"
        VOID = "void", "确认无效"

    decision = models.OneToOneField(
        "cases.Decision", verbose_name="决定", on_delete=models.PROTECT, related_name="publication"
    )
    agency = models.ForeignKey("org.Agency", verbose_name="公开机关", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("信息类别", max_length=12, choices=Kind.choices)
    grounds = models.CharField("公开依据", max_length=20, choices=Grounds.choices)
    social_impact_reason = models.CharField("具有社会影响的理由", max_length=300, blank=True)
    status = models.CharField("状态", max_length=12, choices=Status.choices, default=Status.PENDING)

    # The publication index (政府信息公开目录)
    index_number = models.CharField("索引号", max_length=40, unique=True)
    document_number = models.CharField("发文字号", max_length=60)
    category = models.CharField("主题分类", max_length=40)
    written_on = models.DateField("成文日期")
    due_on = models.DateField("应当公开的最后一日")
    published_on = models.DateField("发布日期", null=True, blank=True)
    display = models.CharField("公示期", max_length=8, choices=Display.choices)
    takedown_on = models.DateField("停止公开日期", null=True, blank=True)

    # What is shown: a redacted copy made when published (zhifa.portal.redaction).
    title = models.CharField("标题", max_length=200, blank=True)
    party_name = models.CharField("当事人", max_length=200, blank=True)
    party_code = models.CharField("统一社会信用代码", max_length=18, blank=True)
    legal_representative = models.CharField("法定代表人或负责人", max_length=60, blank=True)
    violation = models.CharField("违法行为类型", max_length=200, blank=True)
    summary = models.TextField("公开摘要", blank=True)
    facts = models.TextField("主要违法事实", blank=True)
    basis = models.TextField("处罚依据", blank=True)
    penalty = models.CharField("处罚内容", max_length=300, blank=True)
    agency_name = models.CharField("作出决定的机关", max_length=100, blank=True)

    # Change of the decision and withdrawal (行政处罚法第四十八条第二款)
    change_kind = models.CharField("决定变化", max_length=10, choices=Change.choices, blank=True)
    changed_on = models.DateField("决定变化日期", null=True, blank=True)
    change_reason = models.CharField("变化的依据", max_length=300, blank=True)
    withdrawal_due_on = models.DateField("应当撤回的最后一日", null=True, blank=True)
    withdrawn_on = models.DateField("撤回日期", null=True, blank=True)
    withdrawal_reason = models.CharField("撤回理由（向社会说明）", max_length=300, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "执法决定公开"
        ordering = ["-published_on", "-pk"]
        indexes = [models.Index(fields=["status", "published_on"]), models.Index(fields=["agency", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(published_on__isnull=True) | Q(published_on__gte=models.F("written_on")),
                name="publication_after_decision",
                violation_error_message="发布日期不得早于成文日期。",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True) | ~Q(withdrawal_reason=""),
                name="publication_withdrawal_reasoned",
                violation_error_message="撤回公开信息须说明理由。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_number}（{self.index_number}）"

    def get_absolute_url(self) -> str:
        return reverse("portal:publication_detail", args=[self.pk])
