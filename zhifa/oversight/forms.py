from django import forms

from zhifa.accounts.models import User
from zhifa.cases.models import Case
from zhifa.core.forms import DateInput, ZhifaForm, ZhifaModelForm
from zhifa.law.models import Cleanup
from zhifa.org.models import Agency, Government
from zhifa.oversight.models import (
    DIMENSION_MAX,
    AccountabilityMatter,
    CleanupReport,
    Dimension,
    Evaluation,
    Remedy,
    ReviewRound,
    SupervisionNotice,
)
from zhifa.people.models import Officer


class NoticeForm(ZhifaModelForm):
    class Meta:
        model = SupervisionNotice
        fields = ["agency", "subject", "requirement", "due_on"]
        widgets = {"requirement": forms.Textarea(attrs={"rows": 4}), "due_on": DateInput()}
        help_texts = {"due_on": "期限届满仍未答复的，可以升级督办"}

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agencies is not None:
            self.fields["agency"].queryset = agencies


class AnswerForm(ZhifaForm):
    answer = forms.CharField(label="整改情况和结果", widget=forms.Textarea(attrs={"rows": 5}))


class EscalateForm(ZhifaForm):
    note = forms.CharField(
        label="升级督办说明",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="留空则记为：逾期未答复，升级督办，报本级人民政府并抄送监察机关。",
    )


class RoundForm(ZhifaForm):
    kind = forms.ChoiceField(label="评查方式", choices=ReviewRound.Kind.choices)
    agency = forms.ModelChoiceField(label="被评查机关", queryset=Agency.objects.none())
    year = forms.IntegerField(label="案卷年度", min_value=2000, max_value=2100)
    sample_size = forms.IntegerField(
        label="抽取件数", min_value=1, max_value=10000, required=False, help_text="机关自查留空则评查该年度全部案卷"
    )
    seed = forms.CharField(
        label="随机种子",
        max_length=64,
        required=False,
        help_text="留空由平台生成；种子随评查公开，任何人可用它重现抽样（按案件编号升序排列后以 Python random.Random(种子) 打乱，取前若干件）",
    )

    def __init__(self, *args, agencies=None, kinds=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agencies is not None:
            self.fields["agency"].queryset = agencies
        if kinds is not None:
            self.fields["kind"].choices = [c for c in ReviewRound.Kind.choices if c[0] in kinds]


class ReviewForm(ZhifaForm):
    confirmed = forms.MultipleChoiceField(
        label="确认平台预填的问题", required=False, widget=forms.CheckboxSelectMultiple
    )
    added = forms.CharField(label="阅卷发现的其他问题", required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, review=None, **kwargs):
        super().__init__(*args, **kwargs)
        found = review.prefilled if review is not None else []
        self.fields["confirmed"].choices = [(f["code"], f"{f['label']}：{f['detail']}") for f in found]
        for code, label in Dimension.choices:
            self.fields[code] = forms.IntegerField(
                label=f"{label}（0–{DIMENSION_MAX}分）", min_value=0, max_value=DIMENSION_MAX
            )


class MatterForm(ZhifaForm):
    # A special inspection's fault is referred from its finding (FindingRefer), not opened here.
    origin = forms.ChoiceField(
        label="问题来源",
        choices=[c for c in AccountabilityMatter.Origin.choices if c[0] != AccountabilityMatter.Origin.INSPECTION],
    )
    fault = forms.CharField(label="过错事实", widget=forms.Textarea(attrs={"rows": 4}))
    officers = forms.ModelMultipleChoiceField(
        label="责任人员", queryset=Officer.objects.none(), widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, officers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if officers is not None:
            self.fields["officers"].queryset = officers


class MatterDecideForm(ZhifaForm):
    cause = forms.CharField(label="查明的原因", widget=forms.Textarea(attrs={"rows": 3}))
    sanction = forms.CharField(label="处理结果", widget=forms.Textarea(attrs={"rows": 3}))
    certificate_revoked = forms.BooleanField(label="吊销责任人员的行政执法证件", required=False)
    removed_from_post = forms.BooleanField(label="责令所在机关调离执法岗位", required=False)
    serious_consequences = forms.BooleanField(label="过错造成严重后果", required=False)
    head_accountable = forms.BooleanField(label="对行政首长问责", required=False)
    compensation = forms.DecimalField(
        label="赔偿金额（元）", required=False, min_value=0, max_digits=14, decimal_places=2
    )


class MatterPublishForm(ZhifaForm):
    public_summary = forms.CharField(
        label="向社会公开的内容",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="写明过错事实、责任人员和处理结果；不写当事人的身份证件号码和亲属信息",
    )


class ReconsiderationForm(ZhifaForm):
    case = forms.ModelChoiceField(label="被申请复议的案件", queryset=Case.objects.none())
    number = forms.CharField(label="复议案号", max_length=60)
    body = forms.CharField(label="复议机关", max_length=100)
    applicant = forms.CharField(label="申请人", max_length=100)
    known_on = forms.DateField(label="知道该行政行为之日")
    applied_on = forms.DateField(label="申请日期")

    def __init__(self, *args, cases=None, **kwargs):
        super().__init__(*args, **kwargs)
        if cases is not None:
            self.fields["case"].queryset = cases


class AcceptForm(ZhifaForm):
    accepted = forms.TypedChoiceField(
        label="决定", choices=[("1", "受理"), ("0", "不予受理")], coerce=lambda v: v == "1"
    )
    on = forms.DateField(label="决定日期")
    late_reason = forms.CharField(label="超过申请期限的正当理由", max_length=300, required=False)
    refusal_reason = forms.CharField(label="不予受理的理由", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class RemedyDecideForm(ZhifaForm):
    outcome = forms.ChoiceField(label="复议决定", choices=Remedy.choices)
    reasons = forms.CharField(label="决定理由", widget=forms.Textarea(attrs={"rows": 4}))
    decided_on = forms.DateField(label="决定日期")
    extended = forms.BooleanField(label="经批准延长审理期限", required=False)
    extension_reason = forms.CharField(label="延长理由", max_length=300, required=False)
    public_hearing = forms.BooleanField(label="公开审理", required=False)


class CorrectForm(ZhifaForm):
    correction = forms.CharField(label="纠正情况", widget=forms.Textarea(attrs={"rows": 4}))


class LawsuitForm(ZhifaForm):
    case = forms.ModelChoiceField(label="被诉行政行为的案件", queryset=Case.objects.none())
    number = forms.CharField(label="案号", max_length=60)
    plaintiff = forms.CharField(label="原告", max_length=100)
    court = forms.CharField(label="人民法院", max_length=100)
    filed_on = forms.DateField(label="立案日期")

    def __init__(self, *args, cases=None, **kwargs):
        super().__init__(*args, **kwargs)
        if cases is not None:
            self.fields["case"].queryset = cases


class JudgeForm(ZhifaForm):
    outcome = forms.ChoiceField(label="裁判结果", choices=Remedy.choices)
    judgment = forms.CharField(label="裁判要旨", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    judged_on = forms.DateField(label="裁判日期")


class AppearanceForm(ZhifaForm):
    head = forms.ModelChoiceField(label="出庭的机关负责人", queryset=User.objects.none())
    on = forms.DateField(label="出庭日期")

    def __init__(self, *args, heads=None, **kwargs):
        super().__init__(*args, **kwargs)
        if heads is not None:
            self.fields["head"].queryset = heads


class EvaluationForm(ZhifaForm):
    year = forms.IntegerField(label="考核年度", min_value=2000, max_value=2100)
    agency = forms.ModelChoiceField(label="被考核机关", queryset=Agency.objects.none())
    officer = forms.ModelChoiceField(
        label="被考核执法人员", queryset=Officer.objects.none(), required=False, help_text="考核机关时留空"
    )
    score = forms.DecimalField(label="得分（0–100）", min_value=0, max_value=100, max_digits=5, decimal_places=2)
    conclusion = forms.ChoiceField(label="等次", choices=Evaluation.Conclusion.choices)
    opinions = forms.CharField(
        label="听取行政管理相对人意见的情况",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="当事人评价之外的座谈、问卷等",
    )
    comment = forms.CharField(label="评语", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    for_annual_assessment = forms.BooleanField(label="纳入年度目标考核", required=False, initial=True)

    def __init__(self, *args, agencies=None, officers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agencies is not None:
            self.fields["agency"].queryset = agencies
        if officers is not None:
            self.fields["officer"].queryset = officers


# --- implementation (D3.5, D7, D8) -------------------------------------------------------


class ImplementationReportForm(ZhifaForm):
    content = forms.CharField(
        label="执行情况",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="一年来执行该依据的情况：查处的案件、配套的制度和标准、培训和宣传",
    )
    problems = forms.CharField(label="存在的问题和建议", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class CleanupReportForm(ZhifaForm):
    agency = forms.ModelChoiceField(label="清理机关", queryset=Agency.objects.none())
    subject = forms.ChoiceField(label="清理事项", choices=CleanupReport.Subject.choices)
    year = forms.IntegerField(label="年度", min_value=2006, max_value=2100)
    law_cleanup = forms.ModelChoiceField(
        label="执法依据清理记录",
        queryset=Cleanup.objects.none(),
        required=False,
        help_text="清理执法依据的，选择依据库中本机关已完成的清理",
    )
    summary = forms.CharField(label="清理情况", widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, agencies=None, cleanups=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agencies is not None:
            self.fields["agency"].queryset = agencies
        if cleanups is not None:
            self.fields["law_cleanup"].queryset = cleanups


class CleanupReviewForm(ZhifaForm):
    approve = forms.TypedChoiceField(
        label="审核结论",
        choices=[("1", "审核通过"), ("0", "退回补正")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    review_opinion = forms.CharField(
        label="审核意见", required=False, widget=forms.Textarea(attrs={"rows": 4}), help_text="退回补正的必须填写"
    )


class CleanupPublishForm(ZhifaForm):
    public_summary = forms.CharField(
        label="向社会公示的清理结果", widget=forms.Textarea(attrs={"rows": 6}), help_text="清理后保留、调整、取消的事项"
    )


class MeasureForm(ZhifaForm):
    """The maker is a city department (its head files) or a district or county government
    (its legal affairs office files): the view passes the one the user may file for."""

    agency = forms.ModelChoiceField(label="制定部门", queryset=Agency.objects.none(), required=False)
    government = forms.ModelChoiceField(label="制定政府", queryset=Government.objects.none(), required=False)
    title = forms.CharField(label="实施办法名称", max_length=200)
    document_number = forms.CharField(label="文号", max_length=80, required=False)
    adopted_on = forms.DateField(label="印发日期", widget=DateInput())
    content = forms.CharField(label="主要内容", widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, agencies=None, governments=None, **kwargs):
        super().__init__(*args, **kwargs)
        if governments is not None:
            self.fields["government"].queryset = governments
            self.fields["government"].required = True
            del self.fields["agency"]
        else:
            if agencies is not None:
                self.fields["agency"].queryset = agencies
            self.fields["agency"].required = True
            del self.fields["government"]


class MeasureReviewForm(ZhifaForm):
    accept = forms.TypedChoiceField(
        label="审查结论",
        choices=[("1", "准予备案"), ("0", "退回修改")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    review_opinion = forms.CharField(
        label="审查意见", required=False, widget=forms.Textarea(attrs={"rows": 4}), help_text="退回修改的必须填写"
    )


class SpecialInspectionForm(ZhifaForm):
    year = forms.IntegerField(label="检查年度", min_value=2006, max_value=2100)
    title = forms.CharField(label="检查名称", max_length=200)
    focus = forms.CharField(label="检查重点", widget=forms.Textarea(attrs={"rows": 4}))


class FindingForm(ZhifaForm):
    agency = forms.ModelChoiceField(label="被检查机关", queryset=Agency.objects.none())
    finding = forms.CharField(label="检查发现", widget=forms.Textarea(attrs={"rows": 4}))
    fault = forms.BooleanField(label="存在执法过错（可移送责任追究）", required=False)
    case = forms.ModelChoiceField(label="涉及案件", queryset=Case.objects.none(), required=False)
    score_deduction = forms.IntegerField(label="年终目标考核扣分", min_value=0, max_value=100, initial=0)

    def __init__(self, *args, agencies=None, cases=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agencies is not None:
            self.fields["agency"].queryset = agencies
        if cases is not None:
            self.fields["case"].queryset = cases


class FindingReferForm(ZhifaForm):
    officers = forms.ModelMultipleChoiceField(
        label="责任人员", queryset=Officer.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, officers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if officers is not None:
            self.fields["officers"].queryset = officers


class OwedFilterForm(ZhifaForm):
    state = forms.ChoiceField(
        label="状态",
        required=False,
        choices=[
            ("", "全部"),
            ("overdue", "逾期未报告"),
            ("due", "今日应报告"),
            ("pending", "未满一年"),
            ("reported", "已报告"),
        ],
    )
