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


# --- case-file review (D6.2b–c) ----------------------------------------------------------


class Dimension(models.TextChoices):
    """The five qualities every case must have (D6.2b), each scored out of :data:`DIMENSION_MAX`."""

    BODY = "body", "主体合格"
    PROCEDURE = "procedure", "程序合法"
    FACTS = "facts", "事实清楚"
    EVIDENCE = "evidence", "证据确凿"
    LAW = "law", "适法得当"


#: Each dimension out of 20, the whole file out of 100: the platform's scale (the Decision sets none).
DIMENSION_MAX = 20


class ReviewRound(models.Model):
    """一轮案卷评查：执法机关每年自查本机关案卷，政府法制机构每年抽查（D6.2c）。

    抽查的样本由公开的随机种子决定：任何人用同一种子和同一案卷清单都能重现样本。
    """

    class Kind(models.TextChoices):
        SELF = "self", "机关年度自查"
        SPOT = "spot", "政府法制机构抽查"

    kind = models.CharField("评查方式", max_length=8, choices=Kind.choices)
    agency = models.ForeignKey("org.Agency", verbose_name="被评查机关", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("案卷年度")
    seed = models.CharField("随机种子（公开）", max_length=64)
    population = models.PositiveIntegerField("案卷总数")
    sample_size = models.PositiveIntegerField("抽取件数")
    opened_on = models.DateField("开始日期")
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="组织人", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "案卷评查"
        ordering = ["-year", "-opened_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}年度{self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse("oversight:round_detail", args=[self.pk])


class CaseReview(models.Model):
    """一件案卷的评查：五项评分，平台从记录预填的问题（评查人确认），评查人补充的问题（D6.2b）。"""

    round = models.ForeignKey(ReviewRound, verbose_name="评查", on_delete=models.PROTECT, related_name="reviews")
    case = models.ForeignKey("cases.Case", verbose_name="案件", on_delete=models.PROTECT, related_name="file_reviews")
    agency = models.ForeignKey("org.Agency", verbose_name="被评查机关", on_delete=models.PROTECT, related_name="+")
    position = models.PositiveIntegerField("抽取顺序")
    prefilled = models.JSONField("平台预填的问题", default=list, blank=True)
    confirmed = models.JSONField("评查人确认的问题", default=list, blank=True)
    added = models.TextField("评查人补充的问题", blank=True)
    body = models.PositiveSmallIntegerField("主体合格", null=True, blank=True)
    procedure = models.PositiveSmallIntegerField("程序合法", null=True, blank=True)
    facts = models.PositiveSmallIntegerField("事实清楚", null=True, blank=True)
    evidence = models.PositiveSmallIntegerField("证据确凿", null=True, blank=True)
    law = models.PositiveSmallIntegerField("适法得当", null=True, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="评查人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    completed_on = models.DateField("评查完成日期", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "案卷评查记录"
        ordering = ["round", "position"]
        constraints = [models.UniqueConstraint(fields=["round", "case"], name="one_review_per_case_per_round")]

    def __str__(self) -> str:
        return f"{self.case}（{self.round.year}年度评查）"

    def get_absolute_url(self) -> str:
        return reverse("oversight:review_detail", args=[self.pk])

    @property
    def total(self) -> int | None:
        scores = [getattr(self, d) for d in Dimension.values]
        return None if any(s is None for s in scores) else sum(scores)


# --- accountability (D6.3a–b) ------------------------------------------------------------


class AccountabilityMatter(models.Model):
    """执法过错责任追究：查明原因、分清责任、严肃处理，结果向社会公开（D6.3a、D6.3b）。"""

    class Origin(models.TextChoices):
        REVIEW = "review", "案卷评查"
        RECONSIDERATION = "reconsideration", "行政复议"
        LITIGATION = "litigation", "行政诉讼"
        COMPLAINT = "complaint", "举报投诉"
        INSPECTION = "inspection", "年度专项执法检查"

    class State(models.TextChoices):
        OPEN = "open", "调查中"
        DECIDED = "decided", "已作出处理"
        PUBLISHED = "published", "已公开"

    number = models.CharField("编号", max_length=40, unique=True)
    origin = models.CharField("问题来源", max_length=16, choices=Origin.choices)
    origin_reference = models.CharField("来源编号", max_length=80, blank=True)
    review = models.ForeignKey(
        CaseReview, verbose_name="评查记录", null=True, blank=True, on_delete=models.PROTECT, related_name="matters"
    )
    case = models.ForeignKey("cases.Case", verbose_name="案件", on_delete=models.PROTECT, related_name="accountability")
    agency = models.ForeignKey("org.Agency", verbose_name="执法机关", on_delete=models.PROTECT, related_name="+")
    fault = models.TextField("过错事实")
    officers = models.ManyToManyField("people.Officer", verbose_name="责任人员", related_name="accountability")
    opened_on = models.DateField("立项日期")
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="立项人", on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField("状态", max_length=16, choices=State.choices, default=State.OPEN, editable=False)
    cause = models.TextField("原因", blank=True)
    sanction = models.TextField("处理结果", blank=True)
    certificate_revoked = models.BooleanField("吊销行政执法证件", default=False)
    removed_from_post = models.BooleanField("调离执法岗位", default=False)
    serious_consequences = models.BooleanField("造成严重后果", default=False)
    head_accountable = models.BooleanField("对行政首长问责", default=False)
    compensation = models.DecimalField("赔偿金额（元）", max_digits=14, decimal_places=2, null=True, blank=True)
    decided_on = models.DateField("处理日期", null=True, blank=True)
    public_summary = models.TextField("公开内容", blank=True)
    published_on = models.DateField("公开日期", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "执法过错责任追究"
        ordering = ["-opened_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(compensation__isnull=True) | Q(compensation__gte=0),
                name="matter_compensation_not_negative",
                violation_error_message="赔偿金额不能为负数。",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("oversight:matter_detail", args=[self.pk])

    def get_public_url(self) -> str:
        return reverse("oversight:public_matter_detail", args=[self.pk])


# --- reconsideration and litigation (D6.5a, D6.6) ----------------------------------------


class Remedy(models.TextChoices):
    """How a reconsideration or a lawsuit ends (行政复议法第六十三条至第六十九条; 行政诉讼法第六十九条至第七十八条)."""

    UPHELD = "upheld", "维持或驳回"
    REVOKED = "revoked", "撤销"
    ALTERED = "altered", "变更"
    UNLAWFUL = "unlawful", "确认违法"
    WITHDRAWN = "withdrawn", "申请人撤回、终止"


#: Outcomes that find the act unlawful or improper: it must be corrected (D6.5a).
CORRECTING = (Remedy.REVOKED, Remedy.ALTERED, Remedy.UNLAWFUL)


class Reconsideration(models.Model):
    """行政复议：申请、受理（或不予受理并说明理由）、在期限内决定、纠正违法行为（D6.5a，行政复议法）。"""

    number = models.CharField("复议案号", max_length=60, unique=True)
    case = models.ForeignKey(
        "cases.Case", verbose_name="被申请复议的案件", on_delete=models.PROTECT, related_name="reconsiderations"
    )
    agency = models.ForeignKey("org.Agency", verbose_name="被申请人", on_delete=models.PROTECT, related_name="+")
    body = models.CharField("复议机关", max_length=100)
    applicant = models.CharField("申请人", max_length=100)
    known_on = models.DateField("知道该行政行为之日")
    applied_on = models.DateField("申请日期")
    late_reason = models.CharField("超过申请期限的正当理由", max_length=300, blank=True)
    accepted = models.BooleanField("受理", null=True, blank=True)
    accepted_on = models.DateField("受理或不予受理日期", null=True, blank=True)
    refusal_reason = models.TextField("不予受理的理由", blank=True)
    extended = models.BooleanField("经批准延长审理期限", default=False)
    extension_reason = models.CharField("延长理由", max_length=300, blank=True)
    decided_on = models.DateField("复议决定日期", null=True, blank=True)
    outcome = models.CharField("复议决定", max_length=16, choices=Remedy.choices, blank=True)
    reasons = models.TextField("决定理由", blank=True)
    public_hearing = models.BooleanField("公开审理", default=False)
    corrected_on = models.DateField("纠正日期", null=True, blank=True)
    correction = models.TextField("纠正情况", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "行政复议"
        ordering = ["-applied_on", "-pk"]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("oversight:reconsideration_detail", args=[self.pk])

    @property
    def pending(self) -> bool:
        return self.accepted is not False and self.decided_on is None


class Lawsuit(models.Model):
    """行政诉讼：机关被诉，记录法院、结果和负责人出庭应诉（D6.6）。"""

    number = models.CharField("案号", max_length=60, unique=True)
    case = models.ForeignKey(
        "cases.Case", verbose_name="被诉行政行为的案件", on_delete=models.PROTECT, related_name="lawsuits"
    )
    agency = models.ForeignKey("org.Agency", verbose_name="被告", on_delete=models.PROTECT, related_name="+")
    plaintiff = models.CharField("原告", max_length=100)
    court = models.CharField("人民法院", max_length=100)
    filed_on = models.DateField("立案日期")
    judged_on = models.DateField("裁判日期", null=True, blank=True)
    outcome = models.CharField("裁判结果", max_length=16, choices=Remedy.choices, blank=True)
    judgment = models.TextField("裁判要旨", blank=True)
    corrected_on = models.DateField("纠正日期", null=True, blank=True)
    correction = models.TextField("纠正情况", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "行政诉讼"
        ordering = ["-filed_on", "-pk"]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("oversight:lawsuit_detail", args=[self.pk])


class CourtAppearance(models.Model):
    """机关负责人出庭应诉或参加行政复议公开审理（D6.6）：每年不少于一次。"""

    agency = models.ForeignKey("org.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="+")
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="出庭负责人", on_delete=models.PROTECT, related_name="+"
    )
    on = models.DateField("出庭日期")
    lawsuit = models.ForeignKey(
        Lawsuit, verbose_name="行政诉讼", null=True, blank=True, on_delete=models.PROTECT, related_name="appearances"
    )
    reconsideration = models.ForeignKey(
        Reconsideration,
        verbose_name="行政复议",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appearances",
    )

    class Meta:
        verbose_name = verbose_name_plural = "负责人出庭应诉"
        ordering = ["-on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(lawsuit__isnull=False) | Q(reconsideration__isnull=False),
                name="appearance_in_a_proceeding",
                violation_error_message="出庭应诉须指明行政诉讼或行政复议。",
            ),
        ]


# --- evaluation (D6.4a–c) ----------------------------------------------------------------


class Evaluation(models.Model):
    """考核评议：政府考核评议所属机关，机关考核评议所属执法人员；必须听取行政管理相对人的意见，
    结果作为年度目标考核的依据；罚没款数额从不作为指标（D6.4a–c、D2.3）。"""

    class Conclusion(models.TextChoices):
        EXCELLENT = "excellent", "优秀"
        COMPETENT = "competent", "合格"
        BASIC = "basic", "基本合格"
        INCOMPETENT = "incompetent", "不合格"

    year = models.PositiveSmallIntegerField("考核年度")
    agency = models.ForeignKey("org.Agency", verbose_name="被考核机关", on_delete=models.PROTECT, related_name="+")
    officer = models.ForeignKey(
        "people.Officer",
        verbose_name="被考核执法人员",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    indicators = models.JSONField("平台计算的指标", default=dict, blank=True)
    ratings_heard = models.PositiveIntegerField("听取的当事人评价数")
    opinions = models.TextField("听取行政管理相对人意见的情况")
    score = models.DecimalField("得分", max_digits=5, decimal_places=2)
    conclusion = models.CharField("等次", max_length=16, choices=Conclusion.choices)
    comment = models.TextField("评语", blank=True)
    for_annual_assessment = models.BooleanField("纳入年度目标考核", default=True)
    decided_on = models.DateField("考核日期")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="考核人", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "考核评议"
        ordering = ["-year", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=0, score__lte=100),
                name="evaluation_score_range",
                violation_error_message="得分应为0至100分。",
            ),
            models.UniqueConstraint(
                fields=["year", "agency"], condition=Q(officer__isnull=True), name="one_agency_evaluation_per_year"
            ),
            models.UniqueConstraint(
                fields=["year", "officer"], condition=Q(officer__isnull=False), name="one_officer_evaluation_per_year"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.officer.name if self.officer_id else self.agency} {self.year}年度考核评议"


# --- implementation (D3.5, D7, D8) -------------------------------------------------------


class ImplementationReport(models.Model):
    """新法律、法规和规章实施一年后，执法机关向本级政府报告执行情况（D3.5）。

    Who owes a report is not stored: :mod:`zhifa.oversight.implementation` derives it from
    the law registry's effective dates and the powers catalogue (the agencies whose powers
    rest on an article of the basis). This record is the report itself."""

    basis = models.ForeignKey(
        "law.LegalBasis", verbose_name="法律、法规或规章", on_delete=models.PROTECT, related_name="+"
    )
    agency = models.ForeignKey("org.Agency", verbose_name="报告机关", on_delete=models.PROTECT, related_name="+")
    government = models.ForeignKey(
        "org.Government", verbose_name="报告对象（本级政府）", on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField("应当报告的日期")
    reported_on = models.DateField("报告日期")
    content = models.TextField("执行情况")
    problems = models.TextField("存在的问题和建议", blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="报告人", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "新法实施情况报告"
        ordering = ["-reported_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["basis", "agency"], name="one_implementation_report_per_basis"),
            models.CheckConstraint(
                condition=Q(reported_on__gte=models.F("due_on")),
                name="implementation_report_after_a_year",
                violation_error_message="新法实施满一年后才能报告执行情况。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency}：{self.basis}实施情况报告"


class CleanupReport(models.Model):
    """“五项清理”：市级执法机关清理本系统的执法主体、执法依据、执法权责、执法文书、执法人员，
    报本级政府法制机构审核后向社会公示（D7）。"""

    class Subject(models.TextChoices):
        BODIES = "bodies", "执法主体"
        BASES = "bases", "执法依据"
        POWERS = "powers", "执法权责"
        DOCUMENTS = "documents", "执法文书"
        OFFICERS = "officers", "执法人员"

    class State(models.TextChoices):
        SUBMITTED = "submitted", "待审核"
        APPROVED = "approved", "审核通过，待公示"
        RETURNED = "returned", "退回补正"
        PUBLISHED = "published", "已公示"

    agency = models.ForeignKey("org.Agency", verbose_name="清理机关", on_delete=models.PROTECT, related_name="+")
    subject = models.CharField("清理事项", max_length=16, choices=Subject.choices)
    year = models.PositiveSmallIntegerField("年度")
    law_cleanup = models.ForeignKey(
        "law.Cleanup",
        verbose_name="执法依据清理记录",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="清理执法依据的，指明依据库中的清理记录（D3.2b）",
    )
    summary = models.TextField("清理情况")
    submitted_on = models.DateField("报送审核日期")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="报送人", on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField("状态", max_length=16, choices=State.choices, default=State.SUBMITTED, editable=False)
    reviewed_on = models.DateField("审核日期", null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    review_opinion = models.TextField("审核意见", blank=True)
    published_on = models.DateField("公示日期", null=True, blank=True)
    public_summary = models.TextField("公示内容", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "五项清理"
        ordering = ["-year", "agency", "subject", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(published_on__isnull=True) | Q(reviewed_on__isnull=False),
                name="cleanup_report_published_after_review",
                violation_error_message="经法制机构审核后才能向社会公示。",
            ),
        ]
        indexes = [models.Index(fields=["agency", "year", "subject"])]

    def __str__(self) -> str:
        return f"{self.agency} {self.year}年度{self.get_subject_display()}清理"

    def get_absolute_url(self) -> str:
        return reverse("oversight:cleanup_detail", args=[self.pk])

    def get_public_url(self) -> str:
        return reverse("oversight:public_cleanup_detail", args=[self.pk])


class ImplementationMeasure(models.Model):
    """贯彻《决定》的实施办法：各区县人民政府、市人民政府各部门结合实际制定，报市人民政府备案（D8）。

    The maker is either a city department (``agency``) or a district or county government
    (``government``, filed by its legal affairs office), never both."""

    class State(models.TextChoices):
        FILED = "filed", "待审查"
        ACCEPTED = "accepted", "准予备案"
        RETURNED = "returned", "退回修改"

    agency = models.ForeignKey(
        "org.Agency",
        verbose_name="制定部门",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="市人民政府部门制定的",
    )
    government = models.ForeignKey(
        "org.Government",
        verbose_name="制定政府",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="区县人民政府制定的",
    )
    title = models.CharField("实施办法名称", max_length=200)
    document_number = models.CharField("文号", max_length=80, blank=True)
    adopted_on = models.DateField("印发日期")
    content = models.TextField("主要内容")
    filed_on = models.DateField("报送备案日期")
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="报送人", on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField("状态", max_length=16, choices=State.choices, default=State.FILED, editable=False)
    reviewed_on = models.DateField("审查日期", null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审查人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    review_opinion = models.TextField("审查意见", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "实施办法备案"
        ordering = ["-filed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(filed_on__gte=models.F("adopted_on")),
                name="measure_filed_after_adoption",
                violation_error_message="报送备案日期不得早于印发日期。",
            ),
            models.CheckConstraint(
                condition=Q(agency__isnull=False, government__isnull=True)
                | Q(agency__isnull=True, government__isnull=False),
                name="measure_one_maker",
                violation_error_message="实施办法由一个市人民政府部门或一个区县人民政府制定。",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def maker(self):
        """The city department or the district or county government that made it."""
        return self.agency or self.government

    @property
    def maker_name(self) -> str:
        """制定机关的名称：部门的全称，或“某某区人民政府”。"""
        return self.agency.name if self.agency_id else f"{self.government.name}人民政府"

    def get_absolute_url(self) -> str:
        return reverse("oversight:measure_detail", args=[self.pk])


class SpecialInspection(models.Model):
    """年度专项执法检查：市人民政府按年度检查贯彻《决定》的情况，结果纳入年终目标考核（D8）。"""

    government = models.ForeignKey(
        "org.Government", verbose_name="组织检查的政府", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("检查年度")
    title = models.CharField("检查名称", max_length=200)
    focus = models.TextField("检查重点")
    opened_on = models.DateField("开始日期")
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="组织人", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "年度专项执法检查"
        ordering = ["-year", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["government", "year"], name="one_special_inspection_a_year"),
        ]

    def __str__(self) -> str:
        return f"{self.year}年度{self.title}"

    def get_absolute_url(self) -> str:
        return reverse("oversight:inspection_detail", args=[self.pk])


class InspectionFinding(models.Model):
    """专项检查中对一个机关的发现；发现执法过错的，移送责任追究（D8、D6.3a）。"""

    inspection = models.ForeignKey(
        SpecialInspection, verbose_name="专项检查", on_delete=models.PROTECT, related_name="findings"
    )
    agency = models.ForeignKey("org.Agency", verbose_name="被检查机关", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(
        "cases.Case", verbose_name="涉及案件", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    finding = models.TextField("检查发现")
    fault = models.BooleanField("存在执法过错", default=False)
    score_deduction = models.PositiveSmallIntegerField("年终目标考核扣分", default=0)
    found_on = models.DateField("发现日期")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    matter = models.OneToOneField(
        AccountabilityMatter,
        verbose_name="移送的责任追究",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inspection_finding",
    )

    class Meta:
        verbose_name = verbose_name_plural = "专项检查发现"
        ordering = ["inspection", "agency", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(score_deduction__lte=100),
                name="finding_deduction_range",
                violation_error_message="扣分应为0至100分。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.inspection}：{self.agency}"
