"""Discretion benchmark standards as dated data, and recorded departures from them (D3.6).

A :class:`DiscretionStandard` (e.g. 重庆市市场监督管理行政处罚裁量基准) has versions
(:class:`StandardVersion`, each with its document number, effective dates and source);
each version holds its :class:`DiscretionItem` rows. The YAML file a version was
imported from is kept whole (``content``) so the engine computes from exactly what
was published; the columns are for browsing and filtering.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

FIELDS = [
    ("market", "市场监管"),
    ("ecology", "生态环境"),
    ("city", "城市管理"),
    ("transport", "交通运输"),
    ("other", "其他"),
]


class DiscretionStandard(models.Model):
    """裁量基准：市级行政执法机关细化法定处罚幅度的基本标准（D3.6），向社会公布（行政处罚法第三十四条）。"""

    code = models.SlugField("编码", max_length=40, unique=True)
    title = models.CharField("名称", max_length=200)
    issuer = models.CharField("制定机关", max_length=100)
    field = models.CharField("执法领域", max_length=16, choices=FIELDS)

    class Meta:
        verbose_name = verbose_name_plural = "裁量基准"
        ordering = ["field", "code"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("discretion:standard_detail", args=[self.code])


class StandardVersion(models.Model):
    """裁量基准的一个版本：文号、施行日期与来源。"""

    standard = models.ForeignKey(
        DiscretionStandard, verbose_name="裁量基准", on_delete=models.CASCADE, related_name="versions"
    )
    label = models.CharField("版本", max_length=20)
    title = models.CharField("文件名称", max_length=200)
    document_number = models.CharField("文号", max_length=80, blank=True)
    effective_from = models.DateField("施行日期")
    effective_to = models.DateField("失效日期", null=True, blank=True)
    source_title = models.CharField("来源", max_length=300)
    source_url = models.URLField("来源网址", max_length=500)
    source_note = models.TextField("来源说明", blank=True)
    content = models.JSONField("基准内容")
    digest = models.CharField("内容摘要（SHA-256）", max_length=64)
    imported_at = models.DateTimeField("导入时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "裁量基准版本"
        ordering = ["standard", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["standard", "label"], name="discretion_version_label_unique"),
            models.UniqueConstraint(fields=["standard", "effective_from"], name="discretion_version_date_unique"),
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True) | Q(effective_to__gte=models.F("effective_from")),
                name="discretion_version_dates_ordered",
                violation_error_message="失效日期不得早于施行日期。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}（{self.label}版）"

    def get_absolute_url(self) -> str:
        return reverse("discretion:version_detail", args=[self.pk])


class DiscretionItem(models.Model):
    """裁量基准中的一个事项：违法行为、违反和处罚的条文、法定幅度与分档。"""

    PROVENANCE = [("source", "按基准原文分档"), ("statute_split", "法定幅度通用划分")]

    version = models.ForeignKey(StandardVersion, verbose_name="版本", on_delete=models.CASCADE, related_name="items")
    code = models.CharField("事项编码", max_length=40)
    violation = models.CharField("违法行为", max_length=300)
    field = models.CharField("执法领域", max_length=16, choices=FIELDS)
    violated = models.JSONField("违反的条文", default=list)
    penalty = models.JSONField("处罚依据", default=list)
    statutory_text = models.TextField("法定处罚")
    provenance = models.CharField("分档来源", max_length=16, choices=PROVENANCE)
    spec = models.JSONField("事项内容")
    position = models.PositiveIntegerField("序号", default=0)
    violation_item = models.ForeignKey(
        "law.ViolationItem",
        verbose_name="违法行为事项",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="discretion_items",
    )

    class Meta:
        verbose_name = verbose_name_plural = "裁量事项"
        ordering = ["version", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="discretion_item_code_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.violation}"

    def get_absolute_url(self) -> str:
        return reverse("discretion:item_detail", args=[self.pk])


class Departure(models.Model):
    """偏离裁量基准建议档次的决定：书面理由与法制审核（D3.6、D3.10c）。"""

    agency = models.ForeignKey(
        "org.Agency", verbose_name="执法机关", on_delete=models.PROTECT, related_name="discretion_departures"
    )
    officer = models.ForeignKey(
        "people.Officer",
        verbose_name="承办执法人员",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="discretion_departures",
    )
    officer_name = models.CharField("承办人", max_length=60)
    case_reference = models.CharField("案件编号", max_length=80)
    case_id = models.PositiveBigIntegerField("案件 ID", null=True, blank=True)
    item = models.ForeignKey(
        DiscretionItem,
        verbose_name="裁量事项",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="departures",
    )
    item_code = models.CharField("事项编码", max_length=40)
    standard_version = models.CharField("基准版本", max_length=300)
    act_date = models.DateField("违法行为日期")
    decision_date = models.DateField("决定日期")
    facts = models.JSONField("认定的情节")
    proposed_outcome = models.CharField("建议结果", max_length=16)
    proposed_tier = models.CharField("建议档次", max_length=40)
    proposed_min = models.DecimalField("建议档次下限", max_digits=16, decimal_places=2, null=True, blank=True)
    proposed_max = models.DecimalField("建议档次上限", max_digits=16, decimal_places=2, null=True, blank=True)
    proposed_amount = models.DecimalField("建议罚款", max_digits=16, decimal_places=2, null=True, blank=True)
    chosen_outcome = models.CharField("决定结果", max_length=16)
    chosen_tier = models.CharField("决定档次", max_length=40, blank=True)
    chosen_amount = models.DecimalField("决定罚款", max_digits=16, decimal_places=2, null=True, blank=True)
    reasons = models.TextField("偏离理由")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="法制审核人员",
        on_delete=models.PROTECT,
        related_name="reviewed_departures",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="recorded_departures"
    )
    recorded_at = models.DateTimeField("登记时间", auto_now_add=True)
    trace = models.JSONField("裁量过程", default=list)

    class Meta:
        verbose_name = verbose_name_plural = "偏离裁量基准记录"
        ordering = ["-recorded_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(chosen_amount__isnull=True) | Q(chosen_amount__gte=0),
                name="departure_amount_not_negative",
                violation_error_message="罚款不能为负数。",
            ),
            models.CheckConstraint(
                condition=~Q(reasons=""), name="departure_has_reasons", violation_error_message="偏离理由必填。"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_reference} {self.item_code}"
