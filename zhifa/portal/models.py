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
        WITHDRAWN = "withdrawn", "已撤下"
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
        CORRECTED = "corrected", "依法更正"

    #: The changes after which the decision, as changed, is published anew (a revoked, void or
    #: unlawful decision is only withdrawn).
    REPUBLISHED_AFTER = (Change.CHANGED, Change.CORRECTED)

    decision = models.ForeignKey(
        "cases.Decision", verbose_name="决定", on_delete=models.PROTECT, related_name="publications"
    )
    #: A changed decision is published anew: the new publication names the one it replaces.
    previous = models.OneToOneField(
        "self",
        verbose_name="变更前的公开信息",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="republication",
    )
    #: The version of the decision's document that was published (documents.Document.version), so that
    #: a newer version issued later is seen as a change of the decision.
    document_version = models.PositiveSmallIntegerField("公开的决定书版本", null=True, blank=True)
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
    amendment = models.TextField("变更情况", blank=True)

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
            models.UniqueConstraint(
                fields=["decision"], condition=Q(previous__isnull=True), name="publication_first_per_decision"
            ),
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


class Visit(models.Model):
    """扫码记录：当事人或有关人员扫描执法人员的二维码，核验证件并登记检查开始的地点和时间（D3.8）；
    检查结束后，凭本记录评价这次执法并可投诉（D6.4b）。"""

    certificate = models.ForeignKey(
        "people.Certificate", verbose_name="执法证件", on_delete=models.PROTECT, related_name="+"
    )
    officer = models.ForeignKey("people.Officer", verbose_name="执法人员", on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey("org.Agency", verbose_name="所在机关", on_delete=models.PROTECT, related_name="+")
    token = models.CharField("记录凭证", max_length=40, unique=True)
    started_at = models.DateTimeField("开始时间")
    place = models.CharField("检查地点", max_length=200)
    party_name = models.CharField("被检查人", max_length=200, blank=True)
    certificate_status = models.CharField("扫码时的证件状态", max_length=16)
    inspection = models.ForeignKey(
        "cases.Inspection",
        verbose_name="案件中的检查记录",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    rated_at = models.DateTimeField("评价时间", null=True, blank=True)
    rating_reference = models.CharField("评价记录", max_length=60, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "扫码检查记录"
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.officer.name} {self.place}（{self.started_at:%Y-%m-%d %H:%M}）"


class ServiceCard(models.Model):
    """执法服务卡（D5.8a）：告知行政管理相对人执法中的服务范围、服务方式、服务时间和联系电话；
    实施行政许可和收费的，一个窗口对外（D5.8b）。"""

    agency = models.OneToOneField(
        "org.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="service_card"
    )
    scope = models.TextField("服务范围")
    manner = models.TextField("服务方式")
    hours = models.CharField("服务时间", max_length=200)
    phone = models.CharField("联系电话", max_length=60)
    window = models.CharField("对外窗口（一个窗口）", max_length=200, blank=True)
    licensing = models.BooleanField("实施行政许可或收费", default=False)
    updated_on = models.DateField("更新日期")

    class Meta:
        verbose_name = verbose_name_plural = "执法服务卡"
        ordering = ["agency__name"]

    def __str__(self) -> str:
        return f"{self.agency.name}执法服务卡"

    def get_absolute_url(self) -> str:
        return reverse("portal:service_card", args=[self.agency_id])


class ServiceGuide(models.Model):
    """办事指南（D5.8b）：一个事项的依据、条件、材料、流程、时限、收费和办理窗口。"""

    agency = models.ForeignKey(
        "org.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="service_guides"
    )
    title = models.CharField("事项名称", max_length=200)
    basis = models.TextField("设定依据")
    conditions = models.TextField("办理条件", blank=True)
    materials = models.TextField("申请材料")
    procedure = models.TextField("办理流程")
    time_limit = models.CharField("办理时限", max_length=100)
    fee = models.CharField("收费标准及依据", max_length=300, default="不收费")
    window = models.CharField("办理窗口", max_length=200)
    phone = models.CharField("咨询电话", max_length=60)
    hearing_required = models.BooleanField("法律、法规、规章规定实施许可应当听证", default=False)
    withdrawn_on = models.DateField("停止公布日期", null=True, blank=True)
    updated_on = models.DateField("更新日期")

    class Meta:
        verbose_name = verbose_name_plural = "办事指南"
        ordering = ["agency__name", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "title"], condition=Q(withdrawn_on__isnull=True), name="service_guide_title_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("portal:service_guide", args=[self.pk])


class LicensingHearing(models.Model):
    """行政许可听证（D5.3b）：法律、法规、规章规定实施许可应当听证的事项，或涉及公共利益的重大许可事项，
    向社会公告并举行听证（行政许可法第四十六条至第四十八条）。"""

    class Grounds(models.TextChoices):
        LAW = "law", "法律、法规、规章规定应当听证"
        PUBLIC_INTEREST = "public_interest", "涉及公共利益的重大行政许可事项"
        APPLICANT = "applicant", "申请人、利害关系人申请听证"

    agency = models.ForeignKey("org.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="+")
    guide = models.ForeignKey(
        ServiceGuide, verbose_name="许可事项", null=True, blank=True, on_delete=models.PROTECT, related_name="hearings"
    )
    matter = models.CharField("听证事项", max_length=200)
    applicant = models.CharField("申请人", max_length=200)
    grounds = models.CharField("听证理由", max_length=16, choices=Grounds.choices)
    announced_on = models.DateField("公告日期")
    scheduled_on = models.DateField("举行日期")
    place = models.CharField("地点", max_length=200)
    announcement = models.TextField("公告内容")
    held_on = models.DateField("实际举行日期", null=True, blank=True)
    record = models.TextField("听证笔录摘要", blank=True)
    outcome = models.TextField("根据听证笔录作出的决定", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "行政许可听证"
        ordering = ["-scheduled_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.matter}听证（{self.scheduled_on}）"

    def get_absolute_url(self) -> str:
        return reverse("portal:licensing_hearing", args=[self.pk])
