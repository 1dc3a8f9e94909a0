"""Legal bases, their articles, violation items and the cleanup of normative documents
(D3.2a–c, D3.10a)."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Q


class LegalBasis(models.Model):
    """法律、行政法规、地方性法规、部门规章、地方政府规章或其他规范性文件。"""

    class Level(models.TextChoices):
        LAW = "law", "法律"
        ADMINISTRATIVE_REGULATION = "administrative_regulation", "行政法规"
        LOCAL_REGULATION = "local_regulation", "地方性法规"
        DEPARTMENT_RULE = "department_rule", "部门规章"
        LOCAL_GOVERNMENT_RULE = "local_government_rule", "地方政府规章"
        NORMATIVE_DOCUMENT = "normative_document", "其他规范性文件"

    # Only these may ground an enforcement act or document (D3.10a).
    GROUNDING_LEVELS = (
        Level.LAW,
        Level.ADMINISTRATIVE_REGULATION,
        Level.LOCAL_REGULATION,
        Level.DEPARTMENT_RULE,
        Level.LOCAL_GOVERNMENT_RULE,
    )

    title = models.CharField("名称", max_length=200)
    short_title = models.CharField("简称", max_length=100, blank=True)
    slug = models.SlugField("标识", max_length=80, unique=True)
    level = models.CharField("效力层级", max_length=32, choices=Level.choices)
    issuer = models.CharField("制定机关", max_length=100)
    issuing_agency = models.ForeignKey(
        "org.Agency",
        verbose_name="制定的执法机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="normative_documents",
        help_text="本机关制定的规范性文件，由本机关定期清理（D3.2b）",
    )
    issuing_government = models.ForeignKey(
        "org.Government",
        verbose_name="制定的政府",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="legal_bases",
    )
    document_number = models.CharField("文号", max_length=80, blank=True)
    promulgated_on = models.DateField("公布日期")
    effective_from = models.DateField("施行日期")
    amended_on = models.DateField("最近修改日期", null=True, blank=True)
    amendments = models.JSONField("修改沿革", default=list, blank=True)
    repealed_on = models.DateField("废止日期", null=True, blank=True)
    repeal_reason = models.CharField("废止理由", max_length=300, blank=True)
    source = models.CharField("来源", max_length=300, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "执法依据"
        ordering = ["level", "-effective_from", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(effective_from__gte=models.F("promulgated_on")),
                name="basis_effective_after_promulgation",
                violation_error_message="施行日期不得早于公布日期。",
            ),
            models.CheckConstraint(
                condition=Q(repealed_on__isnull=True) | Q(repealed_on__gte=models.F("promulgated_on")),
                name="basis_repeal_after_promulgation",
                violation_error_message="废止日期不得早于公布日期。",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("law:basis_detail", args=[self.pk])

    def get_public_url(self) -> str:
        from django.urls import reverse

        return reverse("law:public_basis_detail", args=[self.pk])

    @property
    def may_ground(self) -> bool:
        """Whether this basis may ground an enforcement act or document (D3.10a)."""
        return self.level in self.GROUNDING_LEVELS

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.repealed_on is None or on < self.repealed_on)

    @property
    def name_for_citation(self) -> str:
        return self.short_title or self.title


class Article(models.Model):
    """一条条文。"""

    basis = models.ForeignKey(LegalBasis, verbose_name="执法依据", on_delete=models.CASCADE, related_name="articles")
    number = models.PositiveIntegerField("条号")
    label = models.CharField("条次", max_length=40, help_text="如“第四十二条”或“三（八）”")
    chapter = models.CharField("章节", max_length=100, blank=True)
    text = models.TextField("条文")

    class Meta:
        verbose_name = verbose_name_plural = "条文"
        ordering = ["basis", "number"]
        constraints = [models.UniqueConstraint(fields=["basis", "number"], name="article_number_unique")]

    def __str__(self) -> str:
        return f"《{self.basis.name_for_citation}》{self.label}"


class ViolationItem(models.Model):
    """违法行为事项：违反的条文与处罚的条文，执法职权据此覆盖（D3.1a）。"""

    code = models.CharField("编码", max_length=40, unique=True)
    name = models.CharField("违法行为", max_length=200)
    field = models.CharField(
        "执法领域",
        max_length=16,
        choices=[
            ("market", "市场监管"),
            ("ecology", "生态环境"),
            ("city", "城市管理"),
            ("transport", "交通运输"),
            ("other", "其他"),
        ],
    )
    violated_articles = models.ManyToManyField(Article, verbose_name="违反的条文", related_name="violations_defined")
    penalty_articles = models.ManyToManyField(Article, verbose_name="处罚依据条文", related_name="violations_penalised")
    penalty_summary = models.CharField("法定处罚", max_length=300, blank=True)
    health_or_finance = models.BooleanField(
        "涉及公民生命健康安全、金融安全",
        default=False,
        help_text="有危害后果的，追责期限为五年（行政处罚法第三十六条）",
    )

    class Meta:
        verbose_name = verbose_name_plural = "违法行为事项"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("law:item_detail", args=[self.pk])


class Cleanup(models.Model):
    """一次清理：确认、修改或者废止规范性文件（D3.2b），全面清理每届任期至少一次（D3.2c）。"""

    class Scope(models.TextChoices):
        PERIODIC = "periodic", "定期清理"
        FULL = "full", "全面清理"

    government = models.ForeignKey(
        "org.Government",
        verbose_name="组织清理的政府",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cleanups",
    )
    agency = models.ForeignKey(
        "org.Agency",
        verbose_name="组织清理的机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cleanups",
    )
    scope = models.CharField("范围", max_length=16, choices=Scope.choices)
    title = models.CharField("名称", max_length=200)
    started_on = models.DateField("开始日期")
    completed_on = models.DateField("完成日期", null=True, blank=True)
    published_on = models.DateField("公布日期", null=True, blank=True)
    summary = models.TextField("清理情况说明", blank=True, help_text="公布时向社会说明的清理情况")

    class Meta:
        verbose_name = verbose_name_plural = "清理"
        ordering = ["-started_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(government__isnull=False) | Q(agency__isnull=False),
                name="cleanup_has_organiser",
                violation_error_message="清理须由政府或执法机关组织。",
            ),
            models.CheckConstraint(
                condition=Q(completed_on__isnull=True) | Q(completed_on__gte=models.F("started_on")),
                name="cleanup_completed_after_start",
                violation_error_message="完成日期不得早于开始日期。",
            ),
            models.CheckConstraint(
                condition=Q(published_on__isnull=True)
                | Q(completed_on__isnull=False, published_on__gte=models.F("completed_on")),
                name="cleanup_published_after_completion",
                violation_error_message="清理完成后才能公布，公布日期不得早于完成日期。",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("law:cleanup_detail", args=[self.pk])

    @property
    def organiser(self):
        return self.agency or self.government

    @property
    def status_label(self) -> str:
        if self.published_on:
            return "已公布"
        if self.completed_on:
            return "已完成，待公布"
        return "进行中"


class CleanupEntry(models.Model):
    """清理结论：对一件文件确认继续有效、修改或者废止。"""

    class Outcome(models.TextChoices):
        CONFIRM = "confirm", "继续有效"
        AMEND = "amend", "修改"
        REPEAL = "repeal", "废止"

    cleanup = models.ForeignKey(Cleanup, verbose_name="清理", on_delete=models.CASCADE, related_name="entries")
    basis = models.ForeignKey(LegalBasis, verbose_name="文件", on_delete=models.PROTECT, related_name="cleanup_entries")
    outcome = models.CharField("结论", max_length=16, choices=Outcome.choices)
    reason = models.TextField("理由")
    decided_on = models.DateField("决定日期")

    class Meta:
        verbose_name = verbose_name_plural = "清理结论"
        ordering = ["cleanup", "basis"]
        constraints = [models.UniqueConstraint(fields=["cleanup", "basis"], name="cleanup_entry_unique")]

    def __str__(self) -> str:
        return f"{self.basis}：{self.get_outcome_display()}"
