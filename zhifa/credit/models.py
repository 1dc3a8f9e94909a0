"""信用评价 (D5.7) and 双随机、一公开 random inspections (D2.1, D3.8, D5.7).

A party's credit rating is computed, never stored: from its final penalty decisions (in
``cases``) and the results of the random inspections recorded here, line by line
(``zhifa.credit.rating``). What is stored is what people did: the inspection item lists,
the registers of targets and inspectors, the plans with their published seeds and what
they drew, the results, and the parties' objections to a line of their rating.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse


class InspectionItem(models.Model):
    """抽查事项清单中的一项：一般检查事项或重点检查事项。"""

    class Kind(models.TextChoices):
        GENERAL = "general", "一般检查事项"
        KEY = "key", "重点检查事项"

    agency = models.ForeignKey("org.Agency", verbose_name="执法机关", on_delete=models.PROTECT, related_name="+")
    code = models.CharField("事项编码", max_length=40)
    name = models.CharField("检查事项", max_length=200)
    kind = models.CharField("类别", max_length=16, choices=Kind.choices)
    basis = models.CharField("检查依据", max_length=300)

    class Meta:
        verbose_name = verbose_name_plural = "抽查事项"
        ordering = ["agency", "code"]
        constraints = [models.UniqueConstraint(fields=["agency", "code"], name="credit_item_code_unique")]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class TargetEntry(models.Model):
    """检查对象名录：可被本机关抽取的市场主体。"""

    agency = models.ForeignKey("org.Agency", verbose_name="执法机关", on_delete=models.PROTECT, related_name="+")
    party = models.ForeignKey("parties.Party", verbose_name="检查对象", on_delete=models.PROTECT, related_name="+")
    added_on = models.DateField("列入日期")

    class Meta:
        verbose_name = verbose_name_plural = "检查对象名录"
        ordering = ["agency", "party__name"]
        constraints = [models.UniqueConstraint(fields=["agency", "party"], name="credit_target_unique")]

    def __str__(self) -> str:
        return str(self.party)


class InspectorEntry(models.Model):
    """执法检查人员名录：可被本机关抽取的持证执法人员。"""

    agency = models.ForeignKey("org.Agency", verbose_name="执法机关", on_delete=models.PROTECT, related_name="+")
    officer = models.ForeignKey("people.Officer", verbose_name="执法人员", on_delete=models.PROTECT, related_name="+")
    added_on = models.DateField("列入日期")

    class Meta:
        verbose_name = verbose_name_plural = "执法检查人员名录"
        ordering = ["agency", "officer__name"]
        constraints = [models.UniqueConstraint(fields=["agency", "officer"], name="credit_inspector_unique")]

    def __str__(self) -> str:
        return str(self.officer)


class InspectionPlan(models.Model):
    """一次双随机抽查：公布随机种子后，从名录中按信用加权随机抽取检查对象，并为每个对象随机
    抽取两名以上执法检查人员；结果录入、审核后向社会公开。"""

    class Status(models.TextChoices):
        SEEDED = "seeded", "已公布随机种子"
        DRAWN = "drawn", "已抽取"
        PUBLISHED = "published", "结果已公开"

    agency = models.ForeignKey("org.Agency", verbose_name="执法机关", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    title = models.CharField("抽查任务", max_length=200)
    items = models.ManyToManyField(InspectionItem, verbose_name="抽查事项", related_name="plans")
    seed = models.CharField("随机种子", max_length=64)
    seed_published_on = models.DateField("种子公布日期")
    target_count = models.PositiveSmallIntegerField("抽取对象数")
    inspectors_per_target = models.PositiveSmallIntegerField("每个对象的检查人员数", default=2)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.SEEDED, editable=False)
    drawn_on = models.DateField("抽取日期", null=True, blank=True)
    published_on = models.DateField("结果公开日期", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "双随机抽查计划"
        ordering = ["-year", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("credit:plan_detail", args=[self.pk])


class PlanTarget(models.Model):
    """抽中的一个检查对象：抽取时的信用等级和权重、抽中的检查人员，以及检查结果。"""

    class Result(models.TextChoices):
        NO_PROBLEM = "no_problem", "未发现问题"
        CORRECTED = "corrected", "发现问题，已责令整改"
        NOT_FOUND = "not_found", "通过登记的住所（经营场所）无法联系"
        VIOLATION = "violation", "发现违法行为，已登记线索"

    plan = models.ForeignKey(InspectionPlan, verbose_name="抽查计划", on_delete=models.CASCADE, related_name="targets")
    party = models.ForeignKey("parties.Party", verbose_name="检查对象", on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField("抽取顺序")
    grade = models.CharField("抽取时的信用等级", max_length=2)
    weight = models.PositiveSmallIntegerField("抽取权重")
    inspectors = models.ManyToManyField("people.Officer", verbose_name="检查人员", related_name="+")
    result = models.CharField("检查结果", max_length=16, choices=Result.choices, blank=True)
    result_note = models.TextField("检查情况", blank=True)
    result_on = models.DateField("检查日期", null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="录入人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_on = models.DateField("审核日期", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "抽中的检查对象"
        ordering = ["plan", "order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "party"], name="credit_plan_target_unique"),
            models.CheckConstraint(
                condition=Q(result="") | Q(result_on__isnull=False),
                name="credit_result_dated",
                violation_error_message="检查结果须有检查日期。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan}：{self.party}"


class CreditObjection(models.Model):
    """当事人对信用评价中某一项的异议，由作出该项的机关答复；异议成立的，该项不计入评价。"""

    class Status(models.TextChoices):
        OPEN = "open", "待答复"
        UPHELD = "upheld", "异议成立"
        REJECTED = "rejected", "异议不成立"

    party = models.ForeignKey("parties.Party", verbose_name="当事人", on_delete=models.PROTECT, related_name="+")
    line_key = models.CharField("异议的评价项", max_length=40)
    line_label = models.CharField("评价项", max_length=200)
    agency = models.ForeignKey("org.Agency", verbose_name="答复机关", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField("异议理由")
    filed_on = models.DateField("提出日期")
    #: Staff record an objection the party made in person or in writing; a party logged in on the portal
    #: files its own (then no staff user is named and ``online`` is set).
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="登记人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    online = models.BooleanField("当事人在线提出", default=False)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.OPEN, editable=False)
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

    class Meta:
        verbose_name = verbose_name_plural = "信用评价异议"
        ordering = ["-filed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["party", "line_key"], condition=Q(status="open"), name="credit_one_open_objection"
            ),
            models.CheckConstraint(
                condition=Q(online=True) | Q(filed_by__isnull=False),
                name="credit_objection_filed_by_someone",
                violation_error_message="异议由当事人在线提出，或由工作人员登记。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.party}：{self.line_label}"


class Interview(models.Model):
    """对信用评价差的当事人的教育（D5.7）：座谈会或结对帮教，促使其诚信守纪、自觉守法。
    记录当事人、机关、日期、参加人员、内容和效果，以及记录时的信用等级。"""

    class Kind(models.TextChoices):
        FORUM = "forum", "座谈会"
        MENTORING = "mentoring", "结对帮教"

    agency = models.ForeignKey("org.Agency", verbose_name="执法机关", on_delete=models.PROTECT, related_name="+")
    party = models.ForeignKey("parties.Party", verbose_name="当事人", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("方式", max_length=12, choices=Kind.choices)
    held_on = models.DateField("日期")
    attendees = models.TextField("参加人员")
    mentor = models.CharField("帮教人（结对帮教）", max_length=200, blank=True)
    content = models.TextField("内容")
    outcome = models.TextField("效果（当事人的认识和整改）")
    grade = models.CharField("当时的信用等级", max_length=2)
    score = models.SmallIntegerField("当时的信用分")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="记录人", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "信用教育（座谈会、结对帮教）"
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["agency", "held_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="forum") | ~Q(mentor=""),
                name="credit_mentoring_names_mentor",
                violation_error_message="结对帮教须写明帮教人。",
            )
        ]

    def __str__(self) -> str:
        return f"{self.party}：{self.get_kind_display()}（{self.held_on}）"

    def get_absolute_url(self) -> str:
        return reverse("credit:interview_detail", args=[self.pk])
