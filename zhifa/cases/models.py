"""Enforcement cases and their procedure, from the first clue to the archived file
(D3.3–D3.9, D5.2–D5.6, D6.2a; 行政处罚法第五章、第六章; 行政强制法第四章、第五章).

The case's ``status`` changes only through :mod:`zhifa.cases.transitions` (run by
:mod:`zhifa.cases.acting`); every record below is written by one act in
:mod:`zhifa.cases.services`, never edited afterwards except by a later act of the
same procedure (service of a notice, review of a defence point …).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone


class Status(models.TextChoices):
    CLUE = "clue", "线索待处理"
    FILING_PENDING = "filing_pending", "待批准立案"
    INVESTIGATING = "investigating", "调查取证"
    REPORTED = "reported", "调查终结"
    NOTIFIED = "notified", "已告知"
    LEGAL_REVIEW = "legal_review", "法制审核"
    DECISION_PENDING = "decision_pending", "待决定"
    DECIDED = "decided", "已决定待送达"
    EXECUTING = "executing", "执行中"
    COMPULSORY = "compulsory", "强制执行中"
    EXECUTED = "executed", "执行完毕"
    CLOSED = "closed", "已结案"
    ARCHIVED = "archived", "已归档"
    NOT_FILED = "not_filed", "不予立案"
    TRANSFERRED_OUT = "transferred_out", "已移送"
    TRANSFERRED_JUDICIARY = "transferred_judiciary", "已移送司法机关"
    TERMINATED = "terminated", "终止调查"


OPEN_STATUSES = tuple(s for s in Status.values if s not in ("closed", "archived", "not_filed"))


class Source(models.TextChoices):
    COMPLAINT = "complaint", "举报投诉"
    INSPECTION = "inspection", "监督检查发现"
    TRANSFER_IN = "transfer_in", "其他机关移送"
    MONITORING = "monitoring", "监测（含网络监测）发现"
    OTHER = "other", "其他途径"


class Procedure(models.TextChoices):
    GENERAL = "general", "普通程序"
    SIMPLE = "simple", "简易程序（当场处罚）"


class Outcome(models.TextChoices):
    """行政处罚法第五十七条: what the head decides after the investigation."""

    PENALTY = "penalty", "给予行政处罚"
    NO_PENALTY_MINOR = "no_penalty_minor", "违法行为轻微，不予行政处罚"
    NO_PENALTY_UNFOUNDED = "no_penalty_unfounded", "违法事实不能成立，不予行政处罚"
    TRANSFER_JUDICIARY = "transfer_judiciary", "涉嫌犯罪，移送司法机关"


class Stage(models.TextChoices):
    """The four stages D3.3 keeps apart: nobody acts in two of them on one case."""

    FILING = "filing", "立案"
    INVESTIGATION = "investigation", "调查"
    DECISION = "decision", "决定"
    EXECUTION = "execution", "执行"


class PenaltyTerms(models.Model):
    """The penalties proposed or imposed (行政处罚法第九条), as a report, notice or decision states them."""

    warning = models.BooleanField("警告", default=False)
    fine = models.DecimalField("罚款（元）", max_digits=14, decimal_places=2, null=True, blank=True)
    confiscation = models.DecimalField(
        "没收违法所得、非法财物（元）",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="没收的违法所得数额或者非法财物的价值",
    )
    qualification_downgrade = models.BooleanField("降低资质等级", default=False)
    licence_revocation = models.BooleanField("吊销许可证件", default=False)
    suspension = models.BooleanField("责令停产停业", default=False)
    closure = models.BooleanField("责令关闭", default=False)
    practice_restriction = models.BooleanField("限制从业", default=False)

    TERM_FIELDS = (
        "warning",
        "fine",
        "confiscation",
        "qualification_downgrade",
        "licence_revocation",
        "suspension",
        "closure",
        "practice_restriction",
    )
    # The penalties PL Art. 63 names as triggering a hearing, besides large amounts.
    HEARING_KINDS = ("qualification_downgrade", "licence_revocation", "suspension", "closure", "practice_restriction")
    NON_MONETARY_TO_EXECUTE = (
        "qualification_downgrade",
        "licence_revocation",
        "suspension",
        "closure",
        "practice_restriction",
    )

    class Meta:
        abstract = True

    def terms(self) -> dict:
        return {f: getattr(self, f) for f in self.TERM_FIELDS}

    @property
    def has_penalty(self) -> bool:
        return any(bool(getattr(self, f)) for f in self.TERM_FIELDS)

    @property
    def money_total(self) -> Decimal:
        return (self.fine or Decimal("0")) + (self.confiscation or Decimal("0"))

    def penalty_labels(self) -> list[str]:
        labels = []
        for f in self.TERM_FIELDS:
            v = getattr(self, f)
            if not v:
                continue
            name = self._meta.get_field(f).verbose_name
            if isinstance(v, Decimal):
                name = name.replace("（元）", "")
                labels.append(f"{name}{v:,.2f}元")
            else:
                labels.append(str(name))
        return labels

    @property
    def penalty_text(self) -> str:
        return "、".join(self.penalty_labels()) or "不予行政处罚"


class Case(models.Model):
    """一件行政执法案件：自线索登记起，经立案、调查、告知、决定、执行，到归档。"""

    agency = models.ForeignKey("org.Agency", verbose_name="办案机关", on_delete=models.PROTECT, related_name="cases")
    in_name_of = models.ForeignKey(
        "org.Agency",
        verbose_name="以其名义办案的机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="受委托组织以委托机关的名义实施（行政处罚法第二十条）",
    )
    status = models.CharField("状态", max_length=24, choices=Status.choices, default=Status.CLUE, editable=False)
    version = models.PositiveIntegerField("版本", default=0, editable=False)
    status_since = models.DateField("进入当前状态的日期", null=True, blank=True, editable=False)
    last_act_on = models.DateField(
        "上一事项的办理日期", null=True, blank=True, editable=False, help_text="后续事项不得早于该日期"
    )
    procedure = models.CharField("程序", max_length=12, choices=Procedure.choices, default=Procedure.GENERAL)

    # The clue
    source = models.CharField("线索来源", max_length=16, choices=Source.choices)
    source_reference = models.CharField("来源编号", max_length=60, blank=True, help_text="举报编号、移送函文号等")
    transferred_from = models.ForeignKey(
        "self",
        verbose_name="移送来源案件",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="transfers_in",
    )
    received_on = models.DateField("发现或收到线索日期")
    summary = models.TextField("线索内容")
    reporter_name = models.CharField("举报人", max_length=60, blank=True)
    reporter_contact = models.CharField("举报人联系方式", max_length=60, blank=True)
    party = models.ForeignKey(
        "parties.Party",
        verbose_name="当事人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    violation_item = models.ForeignKey(
        "law.ViolationItem",
        verbose_name="违法行为",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    place = models.ForeignKey(
        "org.Government",
        verbose_name="违法行为发生地（区县）",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    place_detail = models.CharField("具体地点", max_length=200, blank=True)
    act_date = models.DateField("违法行为发生日期", null=True, blank=True)
    act_ended_on = models.DateField(
        "连续或继续状态终了日期",
        null=True,
        blank=True,
        help_text="违法行为有连续或者继续状态的，从行为终了之日起计算追责期限",
    )
    harmful_consequence = models.BooleanField("有危害后果", default=False)

    # Filing (立案)
    power = models.ForeignKey(
        "org.Power",
        verbose_name="依据的执法职权",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    delegation = models.ForeignKey(
        "org.Delegation",
        verbose_name="授权或委托",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    filing_reason = models.TextField("立案（不予立案）理由", blank=True)
    filing_late_reason = models.CharField("逾期决定立案的原因", max_length=300, blank=True)
    proposed_on = models.DateField("提请立案日期", null=True, blank=True)
    filed_on = models.DateField("立案日期", null=True, blank=True)
    filing_number = models.CharField("立案编号", max_length=60, blank=True)
    decision_due_on = models.DateField(
        "作出决定期限", null=True, blank=True, help_text="自立案之日起九十日，含经批准的延长"
    )
    lead_officer = models.ForeignKey(
        "people.Officer",
        verbose_name="主办人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_cases",
    )

    # What makes a case need legal review (行政处罚法第五十八条) or collective discussion (第五十七条)
    major_public_interest = models.BooleanField("涉及重大公共利益", default=False)
    complex_case = models.BooleanField("案情疑难复杂、涉及多个法律关系", default=False)
    law_requires_review = models.BooleanField("法律、法规规定应当法制审核", default=False)
    major_violation = models.BooleanField("情节复杂或者重大违法行为（须集体讨论）", default=False)

    # Ending
    ended_on = models.DateField("不予立案、移送或终止日期", null=True, blank=True)
    end_reason = models.TextField("不予立案、移送或终止理由", blank=True)
    closed_on = models.DateField("结案日期", null=True, blank=True)
    archived_on = models.DateField("归档日期", null=True, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True)
    updated_at = models.DateTimeField("最近办理时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "案件"
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["filing_number"], condition=~Q(filing_number=""), name="case_filing_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(act_ended_on__isnull=True)
                | Q(act_date__isnull=True)
                | Q(act_ended_on__gte=models.F("act_date")),
                name="case_act_period_order",
                violation_error_message="违法行为终了日期不得早于发生日期。",
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "status"]),
            # the case list and the workbench: an agency's cases, most recently handled first
            # (issue 13: without it the list sorts every case of the agency for one page)
            models.Index(fields=["agency", "-updated_at", "-id"], name="case_agency_recent"),
            # the same order across a government's agencies (the legal affairs office's list)
            models.Index(fields=["-updated_at", "-id"], name="case_recent"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def number(self) -> str:
        """The case's number: its decision number once decided, else its filing number, else the clue number."""
        decision = getattr(self, "decision", None) if self.pk else None
        if decision is not None and decision.number:
            return decision.number
        return self.filing_number or f"线索{self.pk or ''}"

    def get_absolute_url(self) -> str:
        return reverse("cases:case_detail", args=[self.pk])

    @property
    def acting_agency(self):
        return self.in_name_of or self.agency

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def limitation_start(self) -> date | None:
        return self.act_ended_on or self.act_date


class BackdatedAct(models.Model):
    """An act whose legal date is before the day it was entered (a paper record typed in
    later): the entry time is kept beside the legal date, with the written reason where the
    earlier date decides whether a deadline is met (D1.4); listed for the legal affairs
    office (:func:`zhifa.cases.selectors.backdated_acts`)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="backdated_acts")
    act = models.CharField("事项代码", max_length=40)
    label = models.CharField("事项", max_length=60)
    on = models.DateField("办理日期")
    entered_at = models.DateTimeField("登记时间")
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    deadline = models.CharField("取决于办理日期的期限", max_length=60, blank=True)
    due = models.DateField("期限届满日", null=True, blank=True)
    reason = models.TextField("补录理由", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "补录事项"
        ordering = ["-entered_at", "-pk"]

    @property
    def decides_deadline(self) -> bool:
        """Whether the earlier date is what keeps the deadline met."""
        return self.due is not None and self.on <= self.due < self.entered_on

    @property
    def entered_on(self) -> date:
        return timezone.localtime(self.entered_at).date()

    @property
    def days_late(self) -> int:
        return (self.entered_on - self.on).days


class Participation(models.Model):
    """Who acted in which stage of a case (D3.3): written by every staged act."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="participations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    stage = models.CharField("环节", max_length=16, choices=Stage.choices)
    first_act = models.CharField("首次办理事项", max_length=40)
    first_on = models.DateField("首次办理日期")

    class Meta:
        verbose_name = verbose_name_plural = "办案环节参与"
        constraints = [models.UniqueConstraint(fields=["case", "user", "stage"], name="participation_unique")]


class CaseOfficer(models.Model):
    """An investigator assigned to the case (承办人); one of them leads (主办人, D1.5)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="officers")
    officer = models.ForeignKey(
        "people.Officer", verbose_name="执法人员", on_delete=models.PROTECT, related_name="case_roles"
    )
    lead = models.BooleanField("主办", default=False)
    assigned_on = models.DateField("指派日期")
    ended_on = models.DateField("退出日期", null=True, blank=True)
    end_reason = models.CharField("退出原因", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "承办人员"
        ordering = ["-lead", "assigned_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "officer"], condition=Q(ended_on__isnull=True), name="one_live_assignment_per_officer"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.officer}{'（主办）' if self.lead else ''}"

    def live_on(self, on: date) -> bool:
        return self.assigned_on <= on and (self.ended_on is None or on < self.ended_on)


class Recusal(models.Model):
    """回避：执法人员主动申请、当事人申请或机关决定（D3.7，行政处罚法第四十三条）。"""

    class Applicant(models.TextChoices):
        PARTY = "party", "当事人申请"
        OFFICER = "officer", "执法人员主动申请"
        AGENCY = "agency", "机关依职权决定"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="recusals")
    officer = models.ForeignKey(
        "people.Officer", verbose_name="被申请回避的人员", on_delete=models.PROTECT, related_name="+"
    )
    applicant = models.CharField("申请方式", max_length=16, choices=Applicant.choices)
    grounds = models.TextField("回避理由")
    applied_on = models.DateField("申请日期")
    decided_on = models.DateField("决定日期", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="决定人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    granted = models.BooleanField("决定回避", null=True, blank=True)
    decision_reason = models.TextField("决定理由", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "回避"
        ordering = ["applied_on", "pk"]

    def __str__(self) -> str:
        return f"{self.officer}回避（{self.get_applicant_display()}）"

    @property
    def pending(self) -> bool:
        return self.granted is None


class Inspection(models.Model):
    """现场检查笔录或询问笔录：至少两名持证执法人员，出示证件（D3.8，行政处罚法第五十五条）。"""

    class Kind(models.TextChoices):
        INSPECTION = "inspection", "现场检查（勘验）"
        INQUIRY = "inquiry", "询问"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="inspections")
    kind = models.CharField("类别", max_length=16, choices=Kind.choices)
    on = models.DateField("日期")
    place = models.CharField("地点", max_length=200)
    subject = models.CharField("被检查人或被询问人", max_length=100)
    officers = models.ManyToManyField("people.Officer", verbose_name="执法人员", related_name="inspections")
    certificates_shown = models.BooleanField("已出示执法证件", default=False)
    record = models.TextField("笔录内容")
    signed_by_subject = models.BooleanField("被检查人或被询问人已签字", default=True)
    refusal_note = models.CharField("拒绝签字的说明", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "检查、询问笔录"
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}笔录（{self.on}）"


class Evidence(models.Model):
    """证据（行政处罚法第四十六条）：内容按 SHA-256 存放，不覆盖、不删除，保管链可查。"""

    class Kind(models.TextChoices):
        DOCUMENTARY = "documentary", "书证"
        PHYSICAL = "physical", "物证"
        AUDIOVISUAL = "audiovisual", "视听资料"
        ELECTRONIC = "electronic", "电子数据"
        WITNESS = "witness", "证人证言"
        PARTY_STATEMENT = "party_statement", "当事人的陈述"
        EXPERT_OPINION = "expert_opinion", "鉴定意见"
        SITE_RECORD = "site_record", "勘验笔录、现场笔录"

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="evidence")
    number = models.PositiveIntegerField("证据编号")
    kind = models.CharField("证据种类", max_length=20, choices=Kind.choices)
    title = models.CharField("名称", max_length=200)
    description = models.TextField("证明内容", blank=True)
    source = models.CharField("来源（提供人或取得方式）", max_length=200)
    collected_on = models.DateField("取得日期")
    inspection = models.ForeignKey(
        Inspection,
        verbose_name="取得时的检查或询问",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evidence",
    )
    sha256 = models.CharField("SHA-256", max_length=64)
    size = models.PositiveBigIntegerField("大小（字节）")
    filename = models.CharField("原文件名", max_length=200)
    content_type = models.CharField("文件类型", max_length=100, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    registered_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "证据"
        ordering = ["case", "number"]
        constraints = [models.UniqueConstraint(fields=["case", "number"], name="evidence_number_unique")]

    def __str__(self) -> str:
        return f"证据{self.number}：{self.title}"

    def save(self, *args, **kwargs):
        # Evidence is written once: its content address and what it is never change.
        if self.pk and not self._state.adding:
            raise RuntimeError("证据登记后不得修改；补充说明请登记保管记录。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("证据不得删除。")


class CustodyEvent(models.Model):
    """证据保管链：取得、入库、移交、调取、归还、封存。"""

    class Action(models.TextChoices):
        COLLECTED = "collected", "取得"
        STORED = "stored", "入库保存"
        HANDED_OVER = "handed_over", "移交"
        EXAMINED = "examined", "调取查阅"
        RETURNED = "returned", "归还"
        SEALED = "sealed", "封存"
        ARCHIVED = "archived", "随卷归档"

    evidence = models.ForeignKey(Evidence, on_delete=models.PROTECT, related_name="custody")
    on = models.DateField("日期")
    action = models.CharField("事项", max_length=16, choices=Action.choices)
    holder = models.CharField("保管人或保管地点", max_length=100)
    note = models.CharField("说明", max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "证据保管记录"
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.on} {self.get_action_display()}：{self.holder}"


class Preservation(models.Model):
    """先行登记保存证据（行政处罚法第五十六条）：证据可能灭失或者以后难以取得的，经机关负责人批准先行登记保存，
    七日内（工作日）作出处理决定；保存期间当事人或者有关人员不得销毁或者转移证据。"""

    class Decision(models.TextChoices):
        KEEP = "keep", "作为证据（记录、复制、拍照、录像后依法处理）"
        RELEASE = "release", "解除先行登记保存"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="preservations")
    evidence = models.ForeignKey(Evidence, verbose_name="证据", on_delete=models.PROTECT, related_name="preservations")
    on = models.DateField("登记保存日期")
    reasons = models.TextField("证据可能灭失或者以后难以取得的情况")
    holder = models.CharField("保存地点或保管人", max_length=100)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="批准的机关负责人", on_delete=models.PROTECT, related_name="+"
    )
    approved_on = models.DateField("批准日期")
    decide_by = models.DateField("作出处理决定的期限")
    decided_on = models.DateField("处理决定日期", null=True, blank=True)
    decision = models.CharField("处理决定", max_length=10, choices=Decision.choices, blank=True)
    decision_note = models.TextField("处理决定的说明", blank=True)
    late_reason = models.TextField("逾期作出处理决定的原因", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "先行登记保存证据"
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"先行登记保存：{self.evidence.title}（{self.on}）"


class Relative(models.Model):
    """当事人的亲属，与当事人区别对待，特别是老人、未成年子女（D5.6）；从不公开。"""

    class AgeGroup(models.TextChoices):
        MINOR = "minor", "未成年人"
        ADULT = "adult", "成年人"
        ELDERLY = "elderly", "老年人"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="relatives")
    name = models.CharField("姓名", max_length=40)
    relation = models.CharField("与当事人关系", max_length=20)
    age_group = models.CharField("年龄段", max_length=10, choices=AgeGroup.choices)
    circumstances = models.TextField("生活状况与需要", blank=True)
    arrangement = models.TextField("采取的保护措施", blank=True)
    recorded_on = models.DateField("记录日期")

    class Meta:
        verbose_name = verbose_name_plural = "当事人亲属"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.name}（{self.relation}）"

    @property
    def vulnerable(self) -> bool:
        return self.age_group in (self.AgeGroup.MINOR, self.AgeGroup.ELDERLY)


class Report(PenaltyTerms):
    """调查终结报告：认定的事实、证据、依据和处理意见。"""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reports")
    submitted_on = models.DateField("提交日期")
    facts = models.TextField("认定的违法事实")
    evidence_summary = models.TextField("证据")
    outcome = models.CharField("处理意见", max_length=24, choices=Outcome.choices)
    reasons = models.TextField("理由（含裁量说明）")
    basis_articles = models.ManyToManyField("law.Article", verbose_name="依据条文", related_name="+", blank=True)
    circumstances = models.JSONField("裁量情节", default=dict, blank=True)
    discretion = models.JSONField("裁量基准建议", default=dict, blank=True)
    departure_reasons = models.TextField("偏离裁量基准的理由", blank=True)
    lenient_new_law = models.BooleanField("适用处罚较轻的新规定（从旧兼从轻）", default=False)
    lenient_reason = models.CharField("适用新规定的理由", max_length=300, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "调查终结报告"
        ordering = ["submitted_on", "pk"]
        indexes = [
            # The reports that depart from the benchmark (a few in a hundred): supervision's
            # alert of unexplained departures reads them alone (D3.6).
            models.Index(fields=["case"], condition=models.Q(discretion__departs=True), name="report_departs"),
        ]

    def __str__(self) -> str:
        return f"调查终结报告（{self.submitted_on}）"


class Notice(PenaltyTerms):
    """行政处罚事先告知书（D3.9a，行政处罚法第四十四条、第六十三条）。"""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notices")
    number = models.CharField("文号", max_length=60, unique=True)
    issued_on = models.DateField("制作日期")
    facts = models.TextField("违法事实")
    reasons = models.TextField("理由")
    basis_articles = models.ManyToManyField("law.Article", verbose_name="依据条文", related_name="+", blank=True)
    states_defence_right = models.BooleanField("告知陈述、申辩权利", default=True)
    states_hearing_right = models.BooleanField("告知要求听证的权利", default=False)
    served_on = models.DateField("送达日期", null=True, blank=True)
    service_method = models.CharField("送达方式", max_length=16, blank=True)
    served_to = models.CharField("受送达人", max_length=100, blank=True)
    superseded = models.BooleanField("已被新的告知取代", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "事先告知书"
        ordering = ["issued_on", "pk"]

    def __str__(self) -> str:
        return self.number


class ServiceMethod(models.TextChoices):
    """送达方式（民事诉讼法；行政处罚法第六十一条）。"""

    DIRECT = "direct", "直接送达"
    ON_SPOT = "on_spot", "当场交付"
    MAIL = "mail", "邮寄送达"
    ELECTRONIC = "electronic", "电子送达（经当事人同意）"
    LEFT = "left", "留置送达"
    PUBLIC = "public", "公告送达"


class Waiver(models.Model):
    """当事人书面放弃陈述、申辩或听证权利（行政处罚法第六十二条）。"""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="waivers")
    notice = models.ForeignKey(Notice, on_delete=models.PROTECT, related_name="waivers")
    on = models.DateField("日期")
    waives_defence = models.BooleanField("放弃陈述、申辩", default=True)
    waives_hearing = models.BooleanField("放弃要求听证", default=False)
    in_writing = models.BooleanField("书面", default=False)
    statement = models.TextField("放弃声明内容")

    class Meta:
        verbose_name = verbose_name_plural = "放弃权利声明"
        ordering = ["on", "pk"]


class Defence(models.Model):
    """当事人的陈述、申辩，逐项记录（D5.2a）。"""

    class Form(models.TextChoices):
        WRITTEN = "written", "书面"
        ORAL = "oral", "口头（制作笔录）"
        HEARING = "hearing", "听证中提出"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="defences")
    notice = models.ForeignKey(Notice, null=True, blank=True, on_delete=models.PROTECT, related_name="defences")
    received_on = models.DateField("提出日期")
    form = models.CharField("形式", max_length=16, choices=Form.choices)
    made_by = models.CharField("陈述申辩人", max_length=100)

    class Meta:
        verbose_name = verbose_name_plural = "陈述申辩"
        ordering = ["received_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_form_display()}陈述申辩（{self.received_on}）"


class DefencePoint(models.Model):
    """陈述申辩中的一项事实、理由或证据，及其复核结论。"""

    class Kind(models.TextChoices):
        FACT = "fact", "事实"
        REASON = "reason", "理由"
        EVIDENCE = "evidence", "证据"

    defence = models.ForeignKey(Defence, on_delete=models.CASCADE, related_name="points")
    number = models.PositiveSmallIntegerField("序号")
    kind = models.CharField("类别", max_length=10, choices=Kind.choices, default=Kind.REASON)
    text = models.TextField("内容")
    adopted = models.BooleanField("采纳", null=True, blank=True)
    review_reason = models.TextField("复核理由", blank=True)
    reviewed_on = models.DateField("复核日期", null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "陈述申辩事项"
        ordering = ["defence", "number"]
        constraints = [models.UniqueConstraint(fields=["defence", "number"], name="defence_point_unique")]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:40]}"

    @property
    def reviewed(self) -> bool:
        return self.adopted is not None


class Hearing(models.Model):
    """听证：当事人在告知后五日内要求，七日前通知，非本案调查人员主持（D5.3a，行政处罚法第六十四条）。"""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="hearings")
    notice = models.ForeignKey(Notice, on_delete=models.PROTECT, related_name="hearings")

    class RequestForm(models.TextChoices):
        WRITTEN = "written", "书面"
        ORAL = "oral", "口头"

    requested_on = models.DateField("要求听证日期")
    request_form = models.CharField("要求方式", max_length=16, choices=RequestForm.choices, default=RequestForm.WRITTEN)
    chair = models.ForeignKey(
        "people.Officer",
        verbose_name="主持人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="chaired_hearings",
    )
    scheduled_at = models.DateTimeField("举行时间", null=True, blank=True)
    place = models.CharField("地点", max_length=200, blank=True)
    public = models.BooleanField("公开举行", default=True)
    notified_on = models.DateField("通知当事人日期", null=True, blank=True)
    held_on = models.DateField("举行日期", null=True, blank=True)
    party_attended = models.BooleanField("当事人出席", null=True, blank=True)
    transcript = models.TextField("听证笔录", blank=True)
    withdrawn_on = models.DateField("撤回听证要求日期", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "听证"
        ordering = ["requested_on", "pk"]

    def __str__(self) -> str:
        return f"听证（{self.requested_on}要求）"

    @property
    def concluded(self) -> bool:
        """Held (with or without the party: absence without reason waives it, PL Art. 64(6)) or withdrawn."""
        return self.held_on is not None or self.withdrawn_on is not None


class LegalReview(models.Model):
    """法制审核（行政处罚法第五十八条）。"""

    class Result(models.TextChoices):
        PASSED = "passed", "通过"
        RETURNED = "returned", "退回补充调查或修改"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="legal_reviews")
    submitted_on = models.DateField("提交日期")
    grounds = models.JSONField("须审核的情形", default=list)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_on = models.DateField("审核日期", null=True, blank=True)
    result = models.CharField("审核意见", max_length=16, choices=Result.choices, blank=True)
    opinion = models.TextField("审核意见书", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "法制审核"
        ordering = ["submitted_on", "pk"]

    def __str__(self) -> str:
        return f"法制审核（{self.submitted_on}）"


class CollectiveDiscussion(models.Model):
    """机关负责人集体讨论（行政处罚法第五十七条第二款）。"""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="discussions")
    held_on = models.DateField("讨论日期")
    participants = models.CharField("参加人员", max_length=300)
    minutes = models.TextField("讨论记录")
    conclusion = models.TextField("讨论结论")

    class Meta:
        verbose_name = verbose_name_plural = "集体讨论"
        ordering = ["held_on", "pk"]


class Extension(models.Model):
    """经批准延长办案期限（行政处罚法第六十条）。"""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="extensions")
    approved_on = models.DateField("批准日期")
    days = models.PositiveSmallIntegerField("延长天数")
    reason = models.TextField("延长理由")
    previous_due_on = models.DateField("原期限")
    new_due_on = models.DateField("延长后期限")

    class Meta:
        verbose_name = verbose_name_plural = "延长办案期限"
        ordering = ["approved_on", "pk"]


class Decision(PenaltyTerms):
    """行政处罚决定书或不予行政处罚决定书（行政处罚法第五十七条、第五十九条）。"""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="decision")
    number = models.CharField("文号", max_length=60, unique=True)
    outcome = models.CharField("决定", max_length=24, choices=Outcome.choices)
    decided_on = models.DateField("决定日期")
    facts = models.TextField("违法事实和证据")
    reasons = models.TextField("理由（含裁量说明）")
    defence_answers = models.TextField("对陈述申辩的答复", blank=True)
    discretion_explanation = models.TextField("自由裁量的说明", blank=True)
    basis_articles = models.ManyToManyField("law.Article", verbose_name="依据条文", related_name="+", blank=True)
    lenient_new_law = models.BooleanField("适用处罚较轻的新规定", default=False)
    lenient_reason = models.CharField("适用新规定的理由", max_length=300, blank=True)
    public_summary = models.TextField(
        "公开摘要", blank=True, help_text="依法公开时使用；不得含当事人亲属信息和自然人身份证号码"
    )
    remedies = models.CharField("救济途径和期限", max_length=300)
    served_on = models.DateField("送达日期", null=True, blank=True)
    service_method = models.CharField("送达方式", max_length=16, choices=ServiceMethod.choices, blank=True)
    served_to = models.CharField("受送达人", max_length=100, blank=True)
    service_late_reason = models.CharField("逾期送达原因", max_length=300, blank=True)
    on_spot = models.BooleanField("当场作出（简易程序）", default=False)
    performed_on = models.DateField("非金钱处罚履行完毕日期", null=True, blank=True)
    performance_note = models.TextField("履行情况", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "处理决定"

    def __str__(self) -> str:
        return self.number


class PaymentPlan(models.Model):
    """缴纳罚款的安排：决定书载明的期限，或经批准的暂缓、分期（行政处罚法第六十六条）。"""

    class Kind(models.TextChoices):
        STANDARD = "standard", "按决定书期限缴纳"
        DEFERRAL = "deferral", "暂缓缴纳"
        INSTALMENTS = "instalments", "分期缴纳"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="payment_plans")
    kind = models.CharField("方式", max_length=16, choices=Kind.choices)
    approved_on = models.DateField("确定日期")
    applied_on = models.DateField("当事人申请日期", null=True, blank=True)
    reason = models.TextField("理由", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "缴纳安排"
        ordering = ["approved_on", "pk"]


class Instalment(models.Model):
    plan = models.ForeignKey(PaymentPlan, on_delete=models.CASCADE, related_name="instalments")
    number = models.PositiveSmallIntegerField("期次")
    amount = models.DecimalField("金额（元）", max_digits=14, decimal_places=2)
    due_on = models.DateField("缴纳期限")

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="instalment_unique"),
            models.CheckConstraint(
                condition=Q(amount__gt=0), name="instalment_positive", violation_error_message="每期金额应当大于零。"
            ),
        ]


class Payment(models.Model):
    """缴款：经银行或电子支付系统缴入国库，以缴款凭证记录；当场收缴仅限法定情形（D2.3）。"""

    class Method(models.TextChoices):
        BANK = "bank", "到指定银行缴纳"
        ELECTRONIC = "electronic", "通过电子支付系统缴纳"
        ON_SPOT = "on_spot", "执法人员当场收缴"
        COURT = "court", "人民法院强制执行划缴"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="payments")
    paid_on = models.DateField("缴纳日期")
    amount = models.DecimalField("金额（元）", max_digits=14, decimal_places=2)
    method = models.CharField("方式", max_length=16, choices=Method.choices)
    bank = models.CharField("收款银行或支付系统", max_length=100, blank=True)
    receipt_number = models.CharField("缴款凭证号或专用票据号", max_length=60)
    handed_over_on = models.DateField("交至行政机关日期", null=True, blank=True)
    handover_late_reason = models.CharField("逾期交付原因", max_length=300, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "缴款记录"
        ordering = ["paid_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["method", "receipt_number"], name="payment_receipt_unique"),
            models.CheckConstraint(
                condition=Q(amount__gt=0), name="payment_positive", violation_error_message="缴款金额应当大于零。"
            ),
            models.CheckConstraint(
                condition=~Q(receipt_number=""),
                name="payment_has_receipt",
                violation_error_message="缴款必须记录缴款凭证号。",
            ),
        ]


class Reminder(models.Model):
    """催告：以电话、书面或走访再次告知当事人履行义务及不履行的后果（D3.9b，行政强制法第三十五条）。"""

    class Method(models.TextChoices):
        PHONE = "phone", "电话"
        LETTER = "letter", "书面催告书"
        VISIT = "visit", "走访"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reminders")
    method = models.CharField("方式", max_length=10, choices=Method.choices)
    served_on = models.DateField("催告日期")
    content = models.TextField("催告内容（义务、期限、方式、金额、后果和陈述申辩权）")
    record = models.TextField("记录（通话记录、送达回证或走访记录）")
    performance_due_on = models.DateField("催告履行期限")

    class Meta:
        verbose_name = verbose_name_plural = "催告"
        ordering = ["served_on", "pk"]


class Enforcement(models.Model):
    """强制执行：本机关依法强制执行，或申请人民法院强制执行（行政强制法第三十七条、第五十三条、第五十四条）。"""

    class Kind(models.TextChoices):
        OWN = "own", "本机关强制执行"
        COURT = "court", "申请人民法院强制执行"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="enforcements")
    kind = models.CharField("方式", max_length=10, choices=Kind.choices)
    on = models.DateField("决定或申请日期")
    court = models.CharField("人民法院", max_length=100, blank=True)
    measures = models.TextField("强制执行方式或申请事项")
    document_number = models.CharField("文号", max_length=60, blank=True)
    #: 强制执行申请书由机关负责人签名并注明日期（行政强制法第五十五条）: who signed it, and when.
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="签发申请书的机关负责人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_on = models.DateField("机关负责人签发日期", null=True, blank=True)
    result_on = models.DateField("执行结果日期", null=True, blank=True)
    result = models.TextField("执行结果", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "强制执行"
        ordering = ["on", "pk"]


class FollowUp(models.Model):
    """回访（D5.4）。"""

    class Method(models.TextChoices):
        VISIT = "visit", "上门回访"
        PHONE = "phone", "电话回访"
        LETTER = "letter", "书面回访"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="followups")
    on = models.DateField("回访日期")
    method = models.CharField("方式", max_length=10, choices=Method.choices)
    findings = models.TextField("履行和整改情况")
    problems = models.TextField("当事人反映的问题和困难", blank=True)
    response = models.TextField("解决或解释情况", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "回访"
        ordering = ["on", "pk"]


class Transfer(models.Model):
    """案件移送函（D3.4）：对无管辖权的线索或案件，书面移送有管辖权的机关；接收机关书面函告处理结果。"""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="transfer_out")
    to_agency = models.ForeignKey(
        "org.Agency", verbose_name="接收机关", on_delete=models.PROTECT, related_name="transfers_received"
    )
    letter_number = models.CharField("移送函文号", max_length=60, unique=True)
    sent_on = models.DateField("移送日期")
    reasons = models.TextField("移送理由")
    materials = models.TextField("移送材料清单")
    received_case = models.OneToOneField(
        Case, verbose_name="接收机关的线索", null=True, blank=True, on_delete=models.PROTECT, related_name="transfer_in"
    )
    answered_on = models.DateField("书面函告日期", null=True, blank=True)
    answer = models.TextField("处理结果", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "案件移送"

    def __str__(self) -> str:
        return self.letter_number


class CaseFile(models.Model):
    """归档的案卷：按序排列的材料目录，每件材料及整卷的 SHA-256（D6.2a）。"""

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="file")
    archive_number = models.CharField("档案号", max_length=60, unique=True)
    archived_on = models.DateField("归档日期")

    class Retention(models.TextChoices):
        LONG_TERM = "长期", "长期"
        PERMANENT = "永久", "永久"
        THIRTY_YEARS = "30年", "30年"

    retention = models.CharField("保管期限", max_length=20, choices=Retention.choices, default=Retention.LONG_TERM)
    contents = models.JSONField("卷内目录", default=list)
    digest = models.CharField("案卷摘要（SHA-256）", max_length=64)

    class Meta:
        verbose_name = verbose_name_plural = "案卷"

    def __str__(self) -> str:
        return self.archive_number


class NumberSequence(models.Model):
    """An agency's serial numbers of one kind of document in one year (文号)."""

    agency = models.ForeignKey("org.Agency", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agency", "kind", "year"], name="number_sequence_unique")]
