"""Records of agencies working as one system (D3.4, Part IV of the Decision).

A transfer itself is the case procedure's record (``cases.Transfer``, written by the
``transfer_out`` act, which also opens the receiver's clue); this app adds what happens
around it: the receiver's receipt (it may not refuse, only pass the matter on to the
truly competent agency), and the letter that sends a suspected crime to the public
security organ. Every record here is written by one service in
:mod:`zhifa.cooperation.services`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse


class TransferReceipt(models.Model):
    """接收机关签收移送函（D3.4）：不得以任何理由拒绝接受；经职权目录核对，本机关有管辖权的接收办理，
    确无管辖权的，说明理由转送真正有管辖权的机关。"""

    class Outcome(models.TextChoices):
        ACCEPTED = "accepted", "接收办理"
        PASSED_ON = "passed_on", "说明理由转送有管辖权的机关"

    transfer = models.OneToOneField(
        "cases.Transfer", verbose_name="移送函", on_delete=models.PROTECT, related_name="receipt"
    )
    received_on = models.DateField("签收日期")
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="签收人", on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField("签收结果", max_length=16, choices=Outcome.choices)
    competence_note = models.TextField("职权目录核对结果")
    pass_on_reasons = models.TextField("转送理由", blank=True)
    passed_on = models.OneToOneField(
        "cases.Transfer",
        verbose_name="转送函",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="passed_from",
    )

    class Meta:
        verbose_name = verbose_name_plural = "移送函签收"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome="accepted", passed_on__isnull=True) | models.Q(outcome="passed_on"),
                name="cooperation_receipt_accepted_not_passed_on",
            )
        ]

    def __str__(self) -> str:
        return f"{self.transfer.letter_number}：{self.get_outcome_display()}"

    def get_absolute_url(self) -> str:
        return reverse("cooperation:transfer_detail", args=[self.transfer_id])


class CrimeTransfer(models.Model):
    """涉嫌犯罪案件移送书（行政处罚法第二十七条）：案件移送公安机关，附调查报告、涉案物品清单和
    检验报告或者鉴定意见，抄送同级人民检察院；公安机关书面告知是否立案。"""

    class PoliceDecision(models.TextChoices):
        FILED = "filed", "立案侦查"
        NOT_FILED = "not_filed", "不予立案"

    case = models.OneToOneField(
        "cases.Case", verbose_name="案件", on_delete=models.PROTECT, related_name="crime_transfer"
    )
    number = models.CharField("移送书文号", max_length=60, unique=True)
    sent_on = models.DateField("移送日期")
    police_organ = models.CharField("接收的公安机关", max_length=100)
    procuratorate = models.CharField("抄送的人民检察院", max_length=100)
    suspected_crime = models.CharField("涉嫌罪名", max_length=100)
    facts = models.TextField("涉嫌犯罪的事实")
    with_report = models.BooleanField("附调查报告", default=False)
    with_items_list = models.BooleanField("附涉案物品清单", default=False)
    with_expert_opinion = models.BooleanField("附检验报告或者鉴定意见", default=False)
    no_items_note = models.CharField("无涉案物品或者无须检验鉴定的说明", max_length=300, blank=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    police_answered_on = models.DateField("公安机关书面告知日期", null=True, blank=True)
    police_decision = models.CharField("公安机关决定", max_length=16, choices=PoliceDecision.choices, blank=True)
    police_reasons = models.TextField("公安机关决定的理由", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "涉嫌犯罪案件移送"

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("cooperation:crime_transfer_detail", args=[self.pk])


# --- Requests between agencies: assistance (D4.4a–b) and information (D4.5a) -----------------


class Request(models.Model):
    """What every request between agencies has: who asks whom, when, by when, and the answer."""

    number = models.CharField("文号", max_length=60, unique=True)
    requesting_agency = models.ForeignKey(
        "org.Agency", verbose_name="请求机关", on_delete=models.PROTECT, related_name="+"
    )
    requested_agency = models.ForeignKey(
        "org.Agency", verbose_name="被请求机关", on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey(
        "cases.Case", verbose_name="相关案件", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sent_on = models.DateField("发出日期")
    due_on = models.DateField("答复期限")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    answered_on = models.DateField("答复日期", null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    late_reason = models.CharField("逾期答复的原因", max_length=300, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.number


class AssistanceRequest(Request):
    """协助请求（协助调查函、协助扣押通知书等，D4.4a–b；行政处罚法第二十六条）：手续完备、程序合法的，
    被请求机关应当及时无条件予以配合；答复有期限，结果记录在案。"""

    class Kind(models.TextChoices):
        INVESTIGATION = "investigation", "协助调查"
        IDENTIFICATION = "identification", "协助认定（检验、鉴定、身份核实）"
        SEIZURE = "seizure", "协助扣押、查封等强制措施"
        OTHER = "other", "其他协助（协管）事项"

    class Outcome(models.TextChoices):
        ASSISTED = "assisted", "已协助"
        DECLINED_INCOMPLETE = "declined_incomplete", "手续不完备，告知补正"
        DECLINED_OUTSIDE_POWERS = "declined_outside_powers", "不属于本机关职权范围"

    kind = models.CharField("协助事项类别", max_length=16, choices=Kind.choices)
    matters = models.TextField("请求协助的事项")
    legal_basis = models.TextField("法律依据")
    letter_sealed = models.BooleanField("协助函加盖请求机关印章", default=False)
    approval_document = models.CharField(
        "采取强制措施的批准文书", max_length=100, blank=True, help_text="协助扣押、查封的，写明机关负责人批准的文书"
    )
    outcome = models.CharField("协助结果", max_length=24, choices=Outcome.choices, blank=True)
    result = models.TextField("协助情况或不能协助的理由", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "协助请求"

    def get_absolute_url(self) -> str:
        return reverse("cooperation:assistance_detail", args=[self.pk])


class InformationRequest(Request):
    """信息查询请求（D4.5a）：被请求的机关应当及时、无偿提供有关信息、资料、数据。"""

    subject = models.CharField("查询的信息、资料、数据", max_length=200)
    purpose = models.TextField("查询用途")
    party = models.ForeignKey(
        "parties.Party", verbose_name="涉及的当事人", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answer = models.TextField("提供的信息", blank=True)
    fee = models.DecimalField("收取的费用（元）", max_digits=10, decimal_places=2, default=0)

    class Meta:
        verbose_name = verbose_name_plural = "信息查询请求"
        constraints = [models.CheckConstraint(condition=models.Q(fee=0), name="cooperation_information_free")]

    def get_absolute_url(self) -> str:
        return reverse("cooperation:information_detail", args=[self.pk])


class HistoryLookup(models.Model):
    """跨机关查询当事人的执法记录（D4.5b 执法信息互通）：每次查询记录查询人、用途和范围，
    查询只为所写明的用途（本机关办理的、该当事人的案件或检查），当事人申请时告知其被查询的情况。"""

    class Purpose(models.TextChoices):
        CASE = "case", "办理本机关的案件"
        INSPECTION = "inspection", "安排执法检查（避免重复检查）"

    party = models.ForeignKey("parties.Party", verbose_name="当事人", on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey("org.Agency", verbose_name="查询机关", on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="查询人", on_delete=models.PROTECT, related_name="+"
    )
    purpose = models.CharField("查询用途", max_length=16, choices=Purpose.choices)
    case = models.ForeignKey(
        "cases.Case", verbose_name="所办案件", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField("查询事由", max_length=200)
    on = models.DateField("查询日期")
    at = models.DateTimeField("查询时间", auto_now_add=True)
    result_count = models.PositiveIntegerField("查到的记录数", default=0)

    class Meta:
        verbose_name = verbose_name_plural = "当事人执法记录查询"
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.agency}查询{self.party}（{self.get_purpose_display()}）"


class LiaisonOfficer(models.Model):
    """联络员（D4.5c）：机关确定的与其他机关沟通执法工作情况的人员。"""

    agency = models.ForeignKey("org.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="+")
    name = models.CharField("姓名", max_length=40)
    position = models.CharField("职务", max_length=60, blank=True)
    phone = models.CharField("联系电话", max_length=30)
    since = models.DateField("确定日期")
    until = models.DateField("免去日期", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "联络员"
        ordering = ["agency", "name"]

    def __str__(self) -> str:
        return f"{self.agency} 联络员 {self.name}"


class CooperationAgreement(models.Model):
    """合作协议（D4.5c）：机关之间签订的执法协作协议。"""

    title = models.CharField("协议名称", max_length=200)
    agencies = models.ManyToManyField("org.Agency", verbose_name="签订机关", related_name="+")
    signed_on = models.DateField("签订日期")
    valid_to = models.DateField("有效期至", null=True, blank=True)
    content = models.TextField("主要内容")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "合作协议"
        ordering = ["-signed_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cooperation:agreement_detail", args=[self.pk])


# --- Disputes between agencies (D4.6) ---------------------------------------------------------


class Dispute(models.Model):
    """执法争议（D4.6；行政处罚法第二十五条）：先由机关互相协商；协商不成，由同级政府法制机构协调；
    协调不成，报共同上一级行政机关裁决。每一步有期限和记录。"""

    class Stage(models.TextChoices):
        NEGOTIATION = "negotiation", "机关协商"
        COORDINATION = "coordination", "政府法制机构协调"
        DECISION = "decision", "共同上一级行政机关裁决"
        RESOLVED = "resolved", "已解决"

    title = models.CharField("争议事项", max_length=200)
    description = models.TextField("争议情况")
    raised_by = models.ForeignKey("org.Agency", verbose_name="提出机关", on_delete=models.PROTECT, related_name="+")
    agencies = models.ManyToManyField("org.Agency", verbose_name="争议各方", related_name="+")
    case = models.ForeignKey(
        "cases.Case", verbose_name="相关案件", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    government = models.ForeignKey(
        "org.Government",
        verbose_name="共同的政府",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="其法制机构协调、由其裁决的政府：争议各方所属政府的最近共同政府",
    )
    raised_on = models.DateField("提出日期")
    stage = models.CharField("所处阶段", max_length=16, choices=Stage.choices, default=Stage.NEGOTIATION)
    stage_due_on = models.DateField("本阶段期限")
    resolution = models.TextField("解决结果", blank=True)
    resolved_on = models.DateField("解决日期", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "执法争议"
        ordering = ["-raised_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cooperation:dispute_detail", args=[self.pk])


class DisputeStep(models.Model):
    """争议处理的一步：协商、协调或裁决的记录。"""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="steps")
    stage = models.CharField("阶段", max_length=16, choices=Dispute.Stage.choices)
    on = models.DateField("日期")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="记录人", on_delete=models.PROTECT, related_name="+")
    settled = models.BooleanField("达成一致或作出裁决")
    record = models.TextField("记录（协商纪要、协调意见或裁决内容）")
    document_number = models.CharField("文书文号", max_length=60, blank=True)
    late_reason = models.CharField("逾期的原因", max_length=300, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "争议处理记录"
        ordering = ["on", "pk"]


# --- Joint meetings (D4.1), joint campaigns (D4.2), linkage (D4.3): tasks with deadlines --------


class JointMeeting(models.Model):
    """行政执法联席会议（D4.1）：议程、参会机关、会议纪要；议定事项以纪要形式送执法机关执行。"""

    title = models.CharField("会议名称", max_length=200)
    convened_by = models.ForeignKey("org.Agency", verbose_name="召集机关", on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField("召开日期")
    agenda = models.TextField("议程")
    attendees = models.ManyToManyField("org.Agency", verbose_name="参会机关", related_name="+")
    attendee_names = models.TextField("参会人员", blank=True)
    minutes = models.TextField("会议纪要")
    minutes_number = models.CharField("纪要编号", max_length=60, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "联席会议"
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cooperation:meeting_detail", args=[self.pk])


class JointCampaign(models.Model):
    """联合执法、专项整治（D4.2a–b）：牵头机关、参加机关、领域、期间、目标和各机关的任务。"""

    title = models.CharField("专项整治名称", max_length=200)
    lead = models.ForeignKey("org.Agency", verbose_name="牵头机关", on_delete=models.PROTECT, related_name="+")
    field = models.CharField("领域", max_length=100)
    starts_on = models.DateField("开始日期")
    ends_on = models.DateField("结束日期")
    targets = models.TextField("整治目标")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = verbose_name_plural = "联合执法"
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="cooperation_campaign_period"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cooperation:campaign_detail", args=[self.pk])


class Task(models.Model):
    """交办一个机关的任务：联席会议的议定事项（D4.1）、联合执法中的分工（D4.2b）或上下联动中
    市级机关交办区县机关的任务（D4.3）；有期限，承办机关报送落实情况。"""

    class Kind(models.TextChoices):
        RESOLUTION = "resolution", "联席会议议定事项"
        CAMPAIGN = "campaign", "联合执法任务"
        LINKAGE = "linkage", "上下联动交办任务"

    class Response(models.TextChoices):
        ACCEPTED = "accepted", "接受"
        REFUSED = "refused", "拒绝"

    kind = models.CharField("类别", max_length=16, choices=Kind.choices)
    meeting = models.ForeignKey(JointMeeting, null=True, blank=True, on_delete=models.CASCADE, related_name="tasks")
    campaign = models.ForeignKey(JointCampaign, null=True, blank=True, on_delete=models.CASCADE, related_name="tasks")
    assigned_by = models.ForeignKey("org.Agency", verbose_name="交办机关", on_delete=models.PROTECT, related_name="+")
    assigned_to = models.ForeignKey("org.Agency", verbose_name="承办机关", on_delete=models.PROTECT, related_name="+")
    description = models.TextField("任务")
    responsibilities = models.TextField("双方权责", blank=True)
    assigned_on = models.DateField("交办日期")
    due_on = models.DateField("完成期限")
    response = models.CharField("承办机关的答复", max_length=16, choices=Response.choices, blank=True)
    responded_on = models.DateField("答复日期", null=True, blank=True)
    refusal_reason = models.TextField("拒绝的理由", blank=True)
    reported_on = models.DateField("报送日期", null=True, blank=True)
    report = models.TextField("落实情况", blank=True)
    late_reason = models.CharField("逾期报送的原因", max_length=300, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "交办任务"
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.description[:30]}"

    def get_absolute_url(self) -> str:
        return reverse("cooperation:task_detail", args=[self.pk])


# --- Signed case packages (D3.4): what travels with a transfer ------------------------------


class CasePackage(models.Model):
    """案件材料包：移送函、案件记录和全部证据文件，附 SHA-256 清单，由移送机关签名、接收机关签收时
    会签（package_format 说明文件格式）；可导出为文件，在另一个 zhifa 上导入并验证。"""

    class Direction(models.TextChoices):
        SENT = "sent", "本平台制作"
        IMPORTED = "imported", "从其他平台导入"

    direction = models.CharField("来源", max_length=16, choices=Direction.choices)
    transfer = models.OneToOneField(
        "cases.Transfer", verbose_name="移送函", null=True, blank=True, on_delete=models.PROTECT, related_name="package"
    )
    sender_agency = models.ForeignKey(
        "org.Agency", verbose_name="移送机关", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    receiver_agency = models.ForeignKey(
        "org.Agency", verbose_name="接收机关", on_delete=models.PROTECT, related_name="+"
    )
    received_case = models.ForeignKey(
        "cases.Case", verbose_name="接收机关的线索", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    letter_number = models.CharField("移送函文号", max_length=60)
    manifest = models.TextField("清单（manifest.json）")
    manifest_sha256 = models.CharField("清单的 SHA-256", max_length=64)
    files = models.JSONField("文件（路径与 SHA-256）", default=list)
    sender_signature = models.TextField("移送机关的签名（Base64）")
    sender_certificate = models.TextField("移送机关的证书")
    sender_ca = models.TextField("移送机关的根证书")
    sealed_on = models.DateField("签名日期")
    receiver_signature = models.TextField("接收机关的会签（Base64）", blank=True)
    receiver_certificate = models.TextField("接收机关的证书", blank=True)
    receiver_ca = models.TextField("接收机关的根证书", blank=True)
    countersigned_on = models.DateField("会签日期", null=True, blank=True)
    countersigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "案件材料包"
        ordering = ["-sealed_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.letter_number} 材料包"

    def get_absolute_url(self) -> str:
        return reverse("cooperation:package_detail", args=[self.pk])


# --- One visit instead of many (D2.1; 国办发〔2024〕54号) -------------------------------------------


class InspectionCapApproval(models.Model):
    """超出年度检查频次上限的书面批准（D2.1；国办发〔2024〕54号《关于严格规范涉企行政检查的意见》）：
    本机关本年度对同一企业的现场检查已达公布的频次上限，再检查一次须经机关负责人书面批准并写明理由。
    一份批准用于一次检查。"""

    agency = models.ForeignKey("org.Agency", verbose_name="机关", on_delete=models.PROTECT, related_name="+")
    party = models.ForeignKey("parties.Party", verbose_name="被检查企业", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    reasons = models.TextField("批准理由")
    document_number = models.CharField("审批文书编号", max_length=60, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="批准人", on_delete=models.PROTECT, related_name="+"
    )
    approved_on = models.DateField("批准日期")

    class Meta:
        verbose_name = verbose_name_plural = "超频次检查的书面批准"
        ordering = ["-approved_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.year}年超频次检查批准（{self.party}）"

    def get_absolute_url(self) -> str:
        return reverse("cooperation:cap_approval_list")


class JointInspection(models.Model):
    """综合查一次（D2.1）：牵头机关邀请其他机关对同一企业同一天同一地点联合现场检查，形成一份共同记录，
    各机关的检查事项、检查人员和检查情况分列其中。"""

    lead = models.ForeignKey("org.Agency", verbose_name="牵头机关", on_delete=models.PROTECT, related_name="+")
    party = models.ForeignKey("parties.Party", verbose_name="被检查企业", on_delete=models.PROTECT, related_name="+")
    on = models.DateField("检查日期")
    place = models.CharField("检查地点", max_length=200)
    invited = models.ManyToManyField("org.Agency", verbose_name="邀请参加的机关", related_name="+")
    note = models.TextField("共同记录的说明", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_on = models.DateField("发起日期")

    class Meta:
        verbose_name = verbose_name_plural = "综合查一次"
        ordering = ["-on", "-pk"]

    def __str__(self) -> str:
        return f"综合查一次：{self.party}（{self.on}）"

    def get_absolute_url(self) -> str:
        return reverse("cooperation:joint_detail", args=[self.pk])


class InspectionPlan(models.Model):
    """一个机关计划对一家企业的现场检查（D2.1）：计划时核对本机关本年度对该企业的检查次数和公布的
    年度频次上限；在综合查一次中，它是该机关在共同记录中的一栏（检查事项、两名以上持证执法人员、检查情况），
    并链接其后本机关据此办理的案件及其检查笔录。"""

    agency = models.ForeignKey("org.Agency", verbose_name="检查机关", on_delete=models.PROTECT, related_name="+")
    party = models.ForeignKey("parties.Party", verbose_name="被检查企业", on_delete=models.PROTECT, related_name="+")
    on = models.DateField("检查日期")
    place = models.CharField("检查地点", max_length=200)
    items = models.TextField("检查事项")
    planned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="计划人", on_delete=models.PROTECT, related_name="+"
    )
    planned_on = models.DateField("计划日期")
    ordinal = models.PositiveSmallIntegerField("本机关本年度对该企业的第几次现场检查")
    approval = models.OneToOneField(
        InspectionCapApproval,
        verbose_name="超频次检查的书面批准",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan",
    )
    joint = models.ForeignKey(
        JointInspection,
        verbose_name="综合查一次",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="parts",
    )
    officers = models.ManyToManyField("people.Officer", verbose_name="检查人员", related_name="+", blank=True)
    certificates_shown = models.BooleanField("已出示执法证件", default=False)
    findings = models.TextField("检查情况", blank=True)
    recorded_on = models.DateField("记录日期", null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="记录人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    case = models.ForeignKey(
        "cases.Case", verbose_name="据此办理的案件", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    inspection = models.OneToOneField(
        "cases.Inspection",
        verbose_name="案件中的检查笔录",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = verbose_name_plural = "现场检查计划"
        ordering = ["-on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["joint", "agency"], name="cooperation_one_part_per_agency"),
        ]

    def __str__(self) -> str:
        return f"{self.agency}对{self.party}的现场检查（{self.on}）"

    def get_absolute_url(self) -> str:
        if self.joint_id:
            return reverse("cooperation:joint_detail", args=[self.joint_id])
        return reverse("cooperation:plan_detail", args=[self.pk])
