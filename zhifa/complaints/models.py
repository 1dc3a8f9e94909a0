"""举报投诉 and 新闻媒体曝光 (D6.7a–b): what the public reports, where it goes, what it is
answered; the clients (a 12345 hotline, civic apps) that post through Open311; the cases
the media expose, followed and their results published."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from zhifa.org.models import Field


class Kind(models.TextChoices):
    ENFORCEMENT = "enforcement", "投诉执法行为"
    VIOLATION = "violation", "举报违法行为"


class Status(models.TextChoices):
    RECEIVED = "received", "待分办"  # with the legal affairs office
    ROUTED = "routed", "已转交执法机关"
    HANDLING = "handling", "办理中"  # the agency took it up (a violation report registered as a clue)
    ANSWERED = "answered", "已答复"


OPEN_STATUSES = (Status.RECEIVED, Status.ROUTED, Status.HANDLING)


class Channel(models.TextChoices):
    PORTAL = "portal", "公开平台"
    CLIENT = "client", "接入系统（12345热线等）"
    STAFF = "staff", "来信来电来访登记"


class Open311Client(models.Model):
    """A system that posts complaints through Open311 (a 12345 hotline, a civic app), with
    its API key. The legal affairs office issues and revokes keys; only the key's SHA-256
    is stored."""

    government = models.ForeignKey(
        "org.Government", verbose_name="管理的政府", on_delete=models.PROTECT, related_name="open311_clients"
    )
    name = models.CharField("接入系统名称", max_length=100)
    key_prefix = models.CharField("密钥前缀", max_length=12, editable=False)
    key_hash = models.CharField("密钥摘要（SHA-256）", max_length=64, unique=True, editable=False)
    created_on = models.DateField("发放日期")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="发放人", on_delete=models.PROTECT, related_name="+"
    )
    revoked_on = models.DateField("停用日期", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "Open311 接入系统"
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def active(self) -> bool:
        return self.revoked_on is None


class Complaint(models.Model):
    """一件举报投诉：对执法行为的投诉由政府法制机构调查答复（D6.7a）；对违法行为的举报
    转交有管辖权的执法机关，作为违法线索办理（D3.4）。举报人凭查询码跟踪办理情况。"""

    tracking_number = models.CharField("查询码", max_length=24, unique=True, editable=False)
    kind = models.CharField("类别", max_length=16, choices=Kind.choices)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.RECEIVED, editable=False)
    channel = models.CharField("渠道", max_length=16, choices=Channel.choices)
    client = models.ForeignKey(
        Open311Client, verbose_name="接入系统", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    client_reference = models.CharField("接入系统的工单号", max_length=60, blank=True)

    description = models.TextField("内容", max_length=4000)
    field = models.CharField("执法领域", max_length=16, choices=Field.choices, blank=True)
    violation_item = models.ForeignKey(
        "law.ViolationItem", verbose_name="违法行为", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    subject_agency = models.ForeignKey(
        "org.Agency",
        verbose_name="被投诉的执法机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints_about",
    )
    place = models.ForeignKey(
        "org.Government",
        verbose_name="发生地（区县）",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    address = models.CharField("地点", max_length=200, blank=True)
    lat = models.DecimalField("纬度", max_digits=9, decimal_places=6, null=True, blank=True)
    long = models.DecimalField("经度", max_digits=9, decimal_places=6, null=True, blank=True)
    complainant_name = models.CharField("举报投诉人", max_length=60, blank=True)
    complainant_contact = models.CharField("联系方式", max_length=60, blank=True)

    received_at = models.DateTimeField("收到时间")
    received_on = models.DateField("收到日期")
    due_on = models.DateField("答复期限")
    government = models.ForeignKey(
        "org.Government",
        verbose_name="受理的政府（法制机构）",
        on_delete=models.PROTECT,
        related_name="complaints",
    )
    agency = models.ForeignKey(
        "org.Agency",
        verbose_name="承办机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
    )
    case = models.ForeignKey(
        "cases.Case", verbose_name="登记的违法线索", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answer = models.TextField("答复", blank=True)
    answered_on = models.DateField("答复日期", null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="答复人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    late_reason = models.CharField("逾期答复的原因", max_length=300, blank=True)
    updated_at = models.DateTimeField("最近办理时间")

    class Meta:
        verbose_name = verbose_name_plural = "举报投诉"
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="answered") | (Q(answered_on__isnull=False) & ~Q(answer="")),
                name="complaint_answered_has_answer",
                violation_error_message="已答复的举报投诉须有答复内容和答复日期。",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["routed", "handling"]) | Q(agency__isnull=False),
                name="complaint_routed_has_agency",
                violation_error_message="转交执法机关办理的举报投诉须有承办机关。",
            ),
        ]
        indexes = [
            models.Index(fields=["government", "status"]),
            models.Index(fields=["agency", "status"]),
            models.Index(fields=["received_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.tracking_number}"

    def get_absolute_url(self) -> str:
        return reverse("complaints:complaint_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


ACT_LABELS = {
    "submit": "受理",
    "route": "转交执法机关",
    "return": "退回法制机构",
    "take_up": "登记为违法线索",
    "answer": "答复",
}


class StatusChange(models.Model):
    """One step of a complaint's history: received, routed, returned, taken up, answered.
    The note is what the complainant is told (Open311 ``status_notes``)."""

    complaint = models.ForeignKey(Complaint, verbose_name="举报投诉", on_delete=models.CASCADE, related_name="history")
    status = models.CharField("状态", max_length=16, choices=Status.choices)
    act = models.CharField("事项", max_length=40)
    note = models.TextField("说明", blank=True)
    at = models.DateTimeField("时间")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="办理人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField("办理人（名称）", max_length=100)
    agency = models.ForeignKey(
        "org.Agency", verbose_name="承办机关", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "办理记录"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.complaint.tracking_number} {self.get_status_display()}"

    @property
    def act_label(self) -> str:
        return ACT_LABELS.get(self.act, "办理")


class MediaExposure(models.Model):
    """新闻媒体曝光的执法违法行为：政府法制机构（或监察机关）追查，并发布查处结果（D6.7b）。"""

    class Status(models.TextChoices):
        FOLLOWING = "following", "追查中"
        CONCLUDED = "concluded", "已查处并发布结果"

    government = models.ForeignKey(
        "org.Government",
        verbose_name="追查的政府（法制机构）",
        on_delete=models.PROTECT,
        related_name="media_exposures",
    )
    agency = models.ForeignKey(
        "org.Agency", verbose_name="被曝光的执法机关", on_delete=models.PROTECT, related_name="media_exposures"
    )
    outlet = models.CharField("媒体", max_length=100)
    title = models.CharField("报道标题", max_length=200)
    url = models.URLField("报道网址", max_length=300, blank=True)
    reported_on = models.DateField("报道日期")
    summary = models.TextField("曝光的问题")
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.FOLLOWING, editable=False)
    result = models.TextField("查处结果", blank=True)
    concluded_on = models.DateField("查处结论日期", null=True, blank=True)
    published_on = models.DateField("结果发布日期", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "新闻媒体曝光"
        ordering = ["-reported_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="concluded")
                | (Q(concluded_on__isnull=False) & Q(published_on__isnull=False) & ~Q(result="")),
                name="media_concluded_has_result",
                violation_error_message="已查处的曝光案件须有查处结果并发布。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.outlet}：{self.title}"

    def get_absolute_url(self) -> str:
        return reverse("complaints:media_detail", args=[self.pk])
