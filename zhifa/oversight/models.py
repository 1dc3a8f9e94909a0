"""Supervision records (D6): the legal affairs office's supervision notices (督办) and
the regulated parties' ratings of an inspection or a decision (D6.4b).

Alerts are not stored: :mod:`zhifa.oversight.alerts` computes them from the live case
records every time they are read, so they never go stale.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse


class SupervisionNotice(models.Model):
    """督办通知：政府法制机构就发现的问题要求执法机关在期限内整改并书面答复（D6.1、D1.4）。"""

    class State(models.TextChoices):
        OPEN = "open", "待答复"
        ANSWERED = "answered", "已答复"
        ESCALATED = "escalated", "逾期未答复，已升级督办"

    number = models.CharField("督办编号", max_length=40, unique=True)
    agency = models.ForeignKey(
        "org.Agency", verbose_name="被督办机关", on_delete=models.PROTECT, related_name="supervision_notices"
    )
    case = models.ForeignKey(
        "cases.Case",
        verbose_name="涉及案件",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supervision_notices",
    )
    alert_code = models.CharField("预警类别", max_length=40, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="督办人", on_delete=models.PROTECT, related_name="+"
    )
    issued_on = models.DateField("督办日期")
    subject = models.CharField("督办事项", max_length=200)
    requirement = models.TextField("整改要求")
    due_on = models.DateField("答复期限")
    state = models.CharField("状态", max_length=16, choices=State.choices, default=State.OPEN, editable=False)
    answered_on = models.DateField("答复日期", null=True, blank=True)
    answer = models.TextField("答复内容", blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="答复人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    escalated_on = models.DateField("升级督办日期", null=True, blank=True)
    escalation_note = models.TextField("升级督办说明", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "督办"
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gt=models.F("issued_on")),
                name="supervision_due_after_issue",
                violation_error_message="答复期限须晚于督办日期。",
            ),
        ]
        indexes = [models.Index(fields=["agency", "state"])]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("oversight:notice_detail", args=[self.pk])


class PartyRating(models.Model):
    """当事人对一次执法检查或一项处理决定的评价（1–5 分），供考核评议听取意见（D6.4b）。"""

    class Kind(models.TextChoices):
        INSPECTION = "inspection", "执法检查"
        DECISION = "decision", "处理决定"

    party = models.ForeignKey("parties.Party", verbose_name="当事人", on_delete=models.PROTECT, related_name="ratings")
    case = models.ForeignKey("cases.Case", verbose_name="案件", on_delete=models.PROTECT, related_name="ratings")
    agency = models.ForeignKey("org.Agency", verbose_name="被评价机关", on_delete=models.PROTECT, related_name="+")
    inspection = models.ForeignKey(
        "cases.Inspection",
        verbose_name="执法检查",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ratings",
    )
    kind = models.CharField("评价对象", max_length=16, choices=Kind.choices)
    score = models.PositiveSmallIntegerField("评分（1–5）")
    comment = models.TextField("意见", blank=True)
    submitted_on = models.DateField("评价日期")
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "当事人评价"
        ordering = ["-submitted_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=5),
                name="rating_score_range",
                violation_error_message="评分应为1至5分。",
            ),
            models.CheckConstraint(
                condition=Q(kind="decision", inspection__isnull=True) | Q(kind="inspection", inspection__isnull=False),
                name="rating_names_its_object",
                violation_error_message="评价执法检查须指明检查；评价处理决定不指明检查。",
            ),
            models.UniqueConstraint(
                fields=["party", "case"], condition=Q(kind="decision"), name="one_decision_rating_per_party"
            ),
            models.UniqueConstraint(
                fields=["party", "inspection"],
                condition=Q(kind="inspection"),
                name="one_inspection_rating_per_party",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}评价 {self.score}分"
