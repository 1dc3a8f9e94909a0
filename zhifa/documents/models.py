"""Documents a case produces (D3.10), their numbers and versions, and what an agency's
documents name (the reconsideration body, the court, the payment account)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from zhifa.documents.kinds import Kind


class Profile(models.Model):
    """文书信息：机关的文书须载明的复议机关、人民法院和缴款渠道（行政处罚法第五十九条）。"""

    agency = models.OneToOneField(
        "org.Agency", verbose_name="执法机关", on_delete=models.CASCADE, related_name="document_profile"
    )
    reconsideration_body = models.CharField("行政复议机关", max_length=100)
    court = models.CharField("管辖的人民法院", max_length=100)
    payment_bank = models.CharField("罚没款代收银行或缴款渠道", max_length=100)
    payment_account_name = models.CharField("收款户名", max_length=100)
    payment_account = models.CharField("收款账号", max_length=40)
    contact_address = models.CharField("机关地址", max_length=200, blank=True)
    contact_phone = models.CharField("联系电话", max_length=30, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "文书信息"


class Serial(models.Model):
    """An agency's serial numbers of one kind of document in one year (文号), for the kinds
    the documents app numbers itself (kinds.OWN_SERIES)."""

    agency = models.ForeignKey("org.Agency", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "kind", "year"], name="document_serial_unique")]


class Document(models.Model):
    """执法文书：为本案制作（D3.10b），以法律、法规、规章为依据（D3.10a），说理并答复申辩
    （D3.10c）。签发后不再改变：更正是新的版本并写明理由，旧版本保留并标明已被取代。"""

    case = models.ForeignKey("cases.Case", verbose_name="案件", on_delete=models.PROTECT, related_name="documents")
    agency = models.ForeignKey("org.Agency", verbose_name="制作机关", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("文书种类", max_length=32, choices=Kind.choices)
    #: The record the document was composed from (the decision, the notice, an inspection…).
    source_type = models.CharField("来源记录类型", max_length=60)
    source_id = models.BigIntegerField("来源记录编号")
    title = models.CharField("标题", max_length=100)
    number = models.CharField("文号", max_length=60, blank=True)
    year = models.PositiveSmallIntegerField("年度", null=True, blank=True)
    serial = models.PositiveIntegerField("序号", null=True, blank=True)
    version = models.PositiveSmallIntegerField("版本", default=1)
    previous = models.OneToOneField(
        "self", verbose_name="更正前的版本", null=True, blank=True, on_delete=models.PROTECT, related_name="next"
    )
    correction_reason = models.TextField("更正理由", blank=True)
    superseded_on = models.DateField("被取代日期", null=True, blank=True)
    issued_on = models.DateField("签发日期")
    issued_at = models.DateTimeField("签发时间")
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="签发人", on_delete=models.PROTECT)
    content = models.JSONField("文书内容", default=dict)
    #: The issued file (the signed PDF, or the HTML when rendering is deferred) by SHA-256.
    sha256 = models.CharField("SHA-256", max_length=64)
    size = models.PositiveIntegerField("大小（字节）")
    content_type = models.CharField("文件类型", max_length=60)
    pages = models.PositiveSmallIntegerField("页数", default=0)
    signed = models.BooleanField("已电子签章", default=False)
    certificate = models.TextField("签章证书（PEM）", blank=True)
    verification_code = models.CharField("核验码", max_length=12, unique=True)
    audit_seq = models.PositiveBigIntegerField("审计事件序号", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "执法文书"
        ordering = ["case", "issued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind", "year", "serial"],
                condition=Q(serial__isnull=False) & Q(previous__isnull=True),
                name="document_number_unique",
            ),
            models.UniqueConstraint(
                fields=["kind", "source_type", "source_id", "version"], name="document_version_unique"
            ),
            models.UniqueConstraint(
                fields=["kind", "source_type", "source_id"],
                condition=Q(superseded_on__isnull=True),
                name="document_one_current",
            ),
            models.CheckConstraint(
                condition=Q(previous__isnull=True) | ~Q(correction_reason=""),
                name="document_correction_reasoned",
                violation_error_message="更正文书须写明理由。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.number}".strip()

    def get_absolute_url(self) -> str:
        return reverse("documents:document_detail", args=[self.pk])

    def get_public_url(self) -> str:
        return reverse("documents:verify", args=[self.verification_code])

    @property
    def current(self) -> bool:
        return self.superseded_on is None

    @property
    def is_pdf(self) -> bool:
        return self.content_type == "application/pdf"
