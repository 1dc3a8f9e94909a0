"""Forms of the cooperation pages; each submits to one service (views.py)."""

from __future__ import annotations

from django import forms

from zhifa.cases.models import Case, Inspection
from zhifa.cooperation.models import AssistanceRequest, CrimeTransfer, Dispute, HistoryLookup
from zhifa.core.forms import ZhifaForm
from zhifa.law.models import ViolationItem
from zhifa.org.models import Agency, Government
from zhifa.parties.models import Party
from zhifa.people.models import Officer

TEXT = forms.Textarea(attrs={"rows": 3})


class CompetenceForm(ZhifaForm):
    violation_item = forms.ModelChoiceField(label="违法行为", queryset=ViolationItem.objects.order_by("code"))
    place = forms.ModelChoiceField(
        label="违法行为发生地（区县）", queryset=Government.objects.order_by("division_code"), required=False
    )
    on = forms.DateField(label="核对日期", required=False)


class ReceiptForm(ZhifaForm):
    confirmed = forms.BooleanField(label="已收到移送函及所列材料，经核对职权目录，本机关接收办理", required=True)
    on = forms.DateField(label="签收日期", required=False)


class PassOnForm(ZhifaForm):
    to_agency = forms.ModelChoiceField(label="转送的机关（职权目录载明有管辖权的）", queryset=Agency.objects.none())
    reasons = forms.CharField(label="转送理由：本机关没有管辖权的依据", widget=TEXT)
    on = forms.DateField(label="转送日期", required=False)

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_agency"].queryset = Agency.objects.filter(pk__in=[a.pk for a in candidates]).order_by("name")


class CrimeTransferForm(ZhifaForm):
    police_organ = forms.CharField(label="接收的公安机关", max_length=100)
    procuratorate = forms.CharField(label="抄送的人民检察院", max_length=100)
    suspected_crime = forms.CharField(label="涉嫌罪名", max_length=100)
    facts = forms.CharField(label="涉嫌犯罪的事实", widget=TEXT)
    with_report = forms.BooleanField(label="附调查报告", required=False)
    with_items_list = forms.BooleanField(label="附涉案物品清单", required=False)
    with_expert_opinion = forms.BooleanField(label="附检验报告或者鉴定意见", required=False)
    no_items_note = forms.CharField(label="无涉案物品或者无须检验鉴定的说明", max_length=300, required=False)
    on = forms.DateField(label="移送日期", required=False)


class PoliceAnswerForm(ZhifaForm):
    decision = forms.ChoiceField(label="公安机关决定", choices=CrimeTransfer.PoliceDecision.choices)
    reasons = forms.CharField(label="公安机关决定的理由", widget=TEXT)
    on = forms.DateField(label="书面告知日期", required=False)


class _RequestForm(ZhifaForm):
    requested_agency = forms.ModelChoiceField(label="被请求机关", queryset=Agency.objects.order_by("name"))
    due_on = forms.DateField(label="答复期限（不填则为五个工作日）", required=False)
    on = forms.DateField(label="发出日期", required=False)


class AssistanceForm(_RequestForm):
    kind = forms.ChoiceField(label="协助事项类别", choices=AssistanceRequest.Kind.choices)
    matters = forms.CharField(label="请求协助的事项", widget=TEXT)
    legal_basis = forms.CharField(label="法律依据", widget=TEXT, required=False)
    letter_sealed = forms.BooleanField(label="协助函已加盖本机关印章", required=False)
    approval_document = forms.CharField(label="采取强制措施的批准文书（协助扣押、查封的）", required=False)


class AssistanceAnswerForm(ZhifaForm):
    outcome = forms.ChoiceField(label="协助结果", choices=AssistanceRequest.Outcome.choices)
    result = forms.CharField(label="协助情况或不能协助的理由", widget=TEXT)
    late_reason = forms.CharField(label="逾期答复的原因", required=False)
    on = forms.DateField(label="答复日期", required=False)


class InformationForm(_RequestForm):
    subject = forms.CharField(label="查询的信息、资料、数据", max_length=200)
    purpose = forms.CharField(label="查询用途", widget=TEXT)


class InformationAnswerForm(ZhifaForm):
    answer = forms.CharField(label="提供的信息", widget=TEXT)
    late_reason = forms.CharField(label="逾期答复的原因", required=False)
    on = forms.DateField(label="答复日期", required=False)


class LookupForm(ZhifaForm):
    purpose = forms.ChoiceField(label="查询用途", choices=HistoryLookup.Purpose.choices)
    case = forms.ModelChoiceField(label="所办案件（为办理案件查询的）", queryset=Case.objects.none(), required=False)
    reason = forms.CharField(label="查询事由", max_length=200)

    def __init__(self, *args, user=None, party=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and party is not None:
            self.fields["case"].queryset = Case.objects.filter(agency_id=user.agency_id, party=party).order_by("-pk")


class LiaisonForm(ZhifaForm):
    name = forms.CharField(label="联络员姓名", max_length=40)
    position = forms.CharField(label="职务", max_length=60, required=False)
    phone = forms.CharField(label="联系电话", max_length=30)
    since = forms.DateField(label="确定日期", required=False)


class AgreementForm(ZhifaForm):
    title = forms.CharField(label="协议名称", max_length=200)
    agencies = forms.ModelMultipleChoiceField(label="签订机关", queryset=Agency.objects.order_by("name"))
    signed_on = forms.DateField(label="签订日期")
    valid_to = forms.DateField(label="有效期至", required=False)
    content = forms.CharField(label="主要内容", widget=TEXT)


class DisputeForm(ZhifaForm):
    other_agencies = forms.ModelMultipleChoiceField(label="争议另一方机关", queryset=Agency.objects.order_by("name"))
    title = forms.CharField(label="争议事项", max_length=200)
    description = forms.CharField(label="争议情况", widget=TEXT)
    on = forms.DateField(label="提出日期", required=False)


class DisputeStepForm(ZhifaForm):
    step = forms.ChoiceField(
        label="步骤",
        choices=[(k, v) for k, v in Dispute.Stage.choices if k != Dispute.Stage.RESOLVED],
    )
    settled = forms.BooleanField(label="达成一致（或作出裁决）", required=False)
    record = forms.CharField(label="记录：协商纪要、协调意见或裁决内容", widget=TEXT)
    document_number = forms.CharField(label="文书文号（裁决的必填）", max_length=60, required=False)
    late_reason = forms.CharField(label="逾期的原因", max_length=300, required=False)
    on = forms.DateField(label="日期", required=False)


class MeetingForm(ZhifaForm):
    title = forms.CharField(label="会议名称", max_length=200)
    held_on = forms.DateField(label="召开日期")
    agenda = forms.CharField(label="议程", widget=TEXT)
    attendees = forms.ModelMultipleChoiceField(
        label="参会机关（本机关自动计入）", queryset=Agency.objects.order_by("name")
    )
    attendee_names = forms.CharField(label="参会人员", widget=TEXT, required=False)
    minutes = forms.CharField(label="会议纪要", widget=TEXT)
    minutes_number = forms.CharField(label="纪要编号", max_length=60, required=False)


class TaskForm(ZhifaForm):
    agency = forms.ModelChoiceField(label="承办机关", queryset=Agency.objects.order_by("name"))
    description = forms.CharField(label="任务", widget=TEXT)
    due_on = forms.DateField(label="完成期限")
    on = forms.DateField(label="交办日期", required=False)

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agencies is not None:
            self.fields["agency"].queryset = agencies


class LinkageForm(TaskForm):
    responsibilities = forms.CharField(label="双方权责", widget=TEXT)


class CampaignForm(ZhifaForm):
    title = forms.CharField(label="专项整治名称", max_length=200)
    field = forms.CharField(label="领域", max_length=100)
    starts_on = forms.DateField(label="开始日期")
    ends_on = forms.DateField(label="结束日期")
    targets = forms.CharField(label="整治目标", widget=TEXT)


class RespondForm(ZhifaForm):
    accepted = forms.TypedChoiceField(
        label="答复", choices=[("1", "接受分工"), ("0", "不接受（须说明理由）")], coerce=lambda v: v == "1"
    )
    refusal_reason = forms.CharField(label="不接受的理由", widget=TEXT, required=False)
    on = forms.DateField(label="答复日期", required=False)


class ReportForm(ZhifaForm):
    report = forms.CharField(label="落实情况", widget=TEXT)
    late_reason = forms.CharField(label="逾期报送的原因", max_length=300, required=False)
    on = forms.DateField(label="报送日期", required=False)


class DatedForm(ZhifaForm):
    on = forms.DateField(label="日期", required=False)


class PackageImportForm(ZhifaForm):
    file = forms.FileField(label="案件材料包文件（ZIP）")


# --- One visit instead of many (D2.1) --------------------------------------------------------------


class InspectionPlanForm(ZhifaForm):
    party = forms.ModelChoiceField(label="被检查企业", queryset=Party.objects.none())
    on = forms.DateField(label="检查日期")
    place = forms.CharField(label="检查地点", max_length=200)
    items = forms.CharField(label="本机关的检查事项", widget=TEXT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = Party.objects.filter(kind="organisation").order_by("name")


class CapApprovalForm(ZhifaForm):
    party = forms.ModelChoiceField(label="被检查企业", queryset=Party.objects.none())
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    reasons = forms.CharField(label="批准理由：为何必须再次现场检查", widget=TEXT)
    document_number = forms.CharField(label="审批文书编号", max_length=60, required=False)
    on = forms.DateField(label="批准日期", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = Party.objects.filter(kind="organisation").order_by("name")


class JointInspectionForm(ZhifaForm):
    invited = forms.ModelMultipleChoiceField(
        label="邀请参加的其他机关", queryset=Agency.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    note = forms.CharField(label="共同记录的说明", widget=TEXT, required=False)

    def __init__(self, *args, own_agency_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["invited"].queryset = Agency.objects.exclude(pk=own_agency_id).order_by("name")


class JoinForm(ZhifaForm):
    items = forms.CharField(label="本机关的检查事项", widget=TEXT)


class JointRecordForm(ZhifaForm):
    officers = forms.ModelMultipleChoiceField(
        label="本机关的检查人员（不少于两名持证执法人员）",
        queryset=Officer.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    certificates_shown = forms.BooleanField(label="已向被检查人出示执法证件", required=False)
    findings = forms.CharField(label="本机关的检查情况", widget=TEXT)
    on = forms.DateField(label="检查日期", required=False)

    def __init__(self, *args, agency_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officers"].queryset = Officer.objects.filter(agency_id=agency_id, active=True).order_by("name")


class PlanLinkForm(ZhifaForm):
    case = forms.ModelChoiceField(label="据此办理的本机关案件", queryset=Case.objects.none())
    inspection = forms.ModelChoiceField(
        label="该案件的现场检查笔录（可不选）", queryset=Inspection.objects.none(), required=False
    )

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        if plan is not None:
            cases = Case.objects.filter(agency_id=plan.agency_id, party_id=plan.party_id).order_by("-pk")
            self.fields["case"].queryset = cases
            self.fields["inspection"].queryset = Inspection.objects.filter(
                case__in=cases, kind=Inspection.Kind.INSPECTION
            ).order_by("-on", "-pk")
