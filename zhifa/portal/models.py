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


class AccessCode(models.Model):
    """当事人的访问码：随第一份告知书送达，用于登录当事人页面（以后接入统一身份认证）。只存哈希。"""

    party = models.ForeignKey("parties.Party", verbose_name="当事人", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(
        "cases.Case", verbose_name="随其告知书送达的案件", on_delete=models.PROTECT, related_name="+"
    )
    code_hash = models.CharField("访问码哈希", max_length=128)
    issued_on = models.DateField("发放日期")
    issued_by = models.ForeignKey("accounts.User", verbose_name="发放人", on_delete=models.PROTECT, related_name="+")
    revoked_on = models.DateField("作废日期", null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField("连续登录失败次数", default=0)
    locked_until = models.DateTimeField("锁定至", null=True, blank=True)
    last_login_at = models.DateTimeField("最近登录时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "当事人访问码"
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["party"], condition=Q(revoked_on__isnull=True), name="access_code_one_live_per_party"
            )
        ]

    def __str__(self) -> str:
        return f"{self.party}的访问码（{self.issued_on}）"


class Submission(models.Model):
    """当事人在线提出的事项：陈述申辩、听证要求、暂缓或分期缴纳申请、回访问卷；由执法机关接收并按案件程序办理。"""

    class Kind(models.TextChoices):
        DEFENCE = "defence", "陈述、申辩"
        HEARING = "hearing", "要求听证"
        PAYMENT_PLAN = "payment_plan", "申请暂缓或分期缴纳罚款"
        SURVEY = "survey", "回访问卷"

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "已提交，待机关接收"
        RECEIVED = "received", "已接收并登记"
        APPROVED = "approved", "已批准"
        REFUSED = "refused", "不予批准"

    class PlanKind(models.TextChoices):
        DEFERRAL = "deferral", "暂缓缴纳"
        INSTALMENTS = "instalments", "分期缴纳"

    party = models.ForeignKey("parties.Party", verbose_name="当事人", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey("cases.Case", verbose_name="案件", on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey("org.Agency", verbose_name="办案机关", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("事项", max_length=16, choices=Kind.choices)
    status = models.CharField("状态", max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    submitted_on = models.DateField("提交日期")
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True)
    made_by = models.CharField("提出人", max_length=100)
    text = models.TextField("内容", blank=True)
    points = models.JSONField("陈述申辩事项", default=list, blank=True)
    plan_kind = models.CharField("申请方式", max_length=12, choices=PlanKind.choices, blank=True)
    proposal = models.JSONField("拟分期（金额、期限）", default=list, blank=True)
    satisfaction = models.PositiveSmallIntegerField("满意度（1至5）", null=True, blank=True)
    received_on = models.DateField("接收日期", null=True, blank=True)
    received_by = models.ForeignKey(
        "accounts.User", verbose_name="接收人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answer = models.TextField("机关答复", blank=True)
    case_record = models.CharField("案件中的记录", max_length=60, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "当事人在线提交"
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["agency", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(satisfaction__isnull=True) | Q(satisfaction__gte=1, satisfaction__lte=5),
                name="submission_satisfaction_range",
                violation_error_message="满意度为1至5。",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}（{self.submitted_on}）"


class ServiceConsent(models.Model):
    """当事人同意电子送达并确认的送达地址（行政处罚法第六十一条）。"""

    class Channel(models.TextChoices):
        EMAIL = "email", "电子邮件"
        SMS = "sms", "手机短信"

    party = models.ForeignKey("parties.Party", verbose_name="当事人", on_delete=models.PROTECT, related_name="+")
    channel = models.CharField("方式", max_length=8, choices=Channel.choices)
    address = models.CharField("电子送达地址", max_length=100)
    consented_on = models.DateField("同意日期")
    withdrawn_on = models.DateField("撤回同意日期", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "电子送达确认"
        ordering = ["-consented_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["party"], condition=Q(withdrawn_on__isnull=True), name="service_consent_one_live_per_party"
            )
        ]


class StakeholderOpinion(models.Model):
    """利害关系人或受害人对违法行为整改情况的意见（D5.5）：在行政处罚决定公开后提出，机关答复。"""

    class Relation(models.TextChoices):
        VICTIM = "victim", "受害人"
        STAKEHOLDER = "stakeholder", "利害关系人"

    publication = models.ForeignKey(
        Publication, verbose_name="公开的决定", on_delete=models.PROTECT, related_name="opinions"
    )
    agency = models.ForeignKey("org.Agency", verbose_name="办案机关", on_delete=models.PROTECT, related_name="+")
    relation = models.CharField("身份", max_length=12, choices=Relation.choices)
    name = models.CharField("姓名或名称", max_length=100)
    contact = models.CharField("联系方式", max_length=60)
    opinion = models.TextField("对整改情况的意见")
    submitted_on = models.DateField("提出日期")
    answered_on = models.DateField("答复日期", null=True, blank=True)
    answer = models.TextField("答复", blank=True)
    answered_by = models.ForeignKey(
        "accounts.User", verbose_name="答复人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "利害关系人、受害人意见"
        ordering = ["-submitted_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_relation_display()}意见（{self.submitted_on}）"
