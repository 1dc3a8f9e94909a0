from django import forms

from zhifa.core.forms import ZhifaForm
from zhifa.portal.models import LicensingHearing, Publication, ServiceConsent, StakeholderOpinion, Submission


class PrepareForm(ZhifaForm):
    number = forms.CharField(label="决定书文号", max_length=60)
    social_impact = forms.BooleanField(
        label="具有一定社会影响（行政处罚法第四十八条）",
        required=False,
        help_text="普通程序作出的行政处罚决定（仅警告的除外）一律公开；其他决定具有一定社会影响的，勾选并说明理由。",
    )
    social_impact_reason = forms.CharField(label="社会影响的理由", max_length=300, required=False)
    on = forms.DateField(label="登记日期")


class PublishForm(ZhifaForm):
    on = forms.DateField(label="发布日期")


class ChangeForm(ZhifaForm):
    kind = forms.ChoiceField(label="决定变化", choices=Publication.Change.choices)
    reason = forms.CharField(label="依据（复议决定书、判决书文号或本机关决定）", max_length=300)
    on = forms.DateField(label="变化日期")


class WithdrawForm(ZhifaForm):
    reason = forms.CharField(label="撤回理由（向社会说明）", max_length=300, required=False)
    on = forms.DateField(label="撤回日期")


class PartyLoginForm(ZhifaForm):
    identifier = forms.CharField(label="统一社会信用代码或居民身份证号码", max_length=18)
    code = forms.CharField(
        label="访问码（见事先告知书）", max_length=20, widget=forms.PasswordInput(render_value=False)
    )


class DefenceForm(ZhifaForm):
    points = forms.CharField(
        label="陈述、申辩的事实、理由和证据（每行一项）",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="每一行作为一项，机关逐项记录并复核，采纳与否均说明理由。",
    )
    made_by = forms.CharField(label="提出人（默认当事人本人）", max_length=100, required=False)

    def clean_points(self):
        return [line.strip() for line in self.cleaned_data["points"].splitlines() if line.strip()]


class HearingForm(ZhifaForm):
    confirm = forms.BooleanField(label="我要求就拟作出的行政处罚举行听证", required=True)


class PaymentPlanForm(ZhifaForm):
    plan_kind = forms.ChoiceField(label="申请方式", choices=Submission.PlanKind.choices)
    text = forms.CharField(label="经济困难的情况", widget=forms.Textarea(attrs={"rows": 4}), required=False)
    proposal = forms.CharField(
        label="拟分期安排（每行：金额 缴纳期限，如 1500 2027-01-15）",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def clean_proposal(self):
        items = []
        for n, line in enumerate(self.cleaned_data["proposal"].splitlines(), start=1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) != 2:
                raise forms.ValidationError(f"第{n}行应为“金额 期限”两项。")
            items.append({"amount": parts[0], "due_on": parts[1]})
        return items


class SurveyForm(ZhifaForm):
    satisfaction = forms.TypedChoiceField(
        label="对本次执法的满意度",
        coerce=int,
        choices=[(5, "5 非常满意"), (4, "4 满意"), (3, "3 一般"), (2, "2 不满意"), (1, "1 非常不满意")],
    )
    text = forms.CharField(
        label="履行中遇到的问题和困难（选填）", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class ConsentForm(ZhifaForm):
    channel = forms.ChoiceField(label="电子送达方式", choices=ServiceConsent.Channel.choices)
    address = forms.CharField(label="电子邮件地址或手机号码", max_length=100)


class OpinionForm(ZhifaForm):
    relation = forms.ChoiceField(label="您的身份", choices=StakeholderOpinion.Relation.choices)
    name = forms.CharField(label="姓名或名称", max_length=100)
    contact = forms.CharField(label="联系方式（不公开）", max_length=60)
    opinion = forms.CharField(label="对违法行为整改情况的意见", widget=forms.Textarea(attrs={"rows": 5}))


class ReceiveForm(ZhifaForm):
    answer = forms.CharField(
        label="答复或解释（回访问卷中反映问题的须填写）", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    on = forms.DateField(label="接收日期")


class DecideForm(ZhifaForm):
    approve = forms.TypedChoiceField(
        label="决定", coerce=lambda v: v == "yes", choices=[("yes", "批准"), ("no", "不予批准")]
    )
    answer = forms.CharField(label="理由或说明", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    on = forms.DateField(label="决定日期")


class AnswerForm(ZhifaForm):
    answer = forms.CharField(label="答复", widget=forms.Textarea(attrs={"rows": 4}))
    on = forms.DateField(label="答复日期")


class IssueCodeForm(ZhifaForm):
    on = forms.DateField(label="随告知书送达的日期")


class VisitForm(ZhifaForm):
    place = forms.CharField(label="检查地点", max_length=200, help_text="如：渝中区解放碑民族路88号某超市")
    party_name = forms.CharField(label="被检查人（选填）", max_length=200, required=False)


class ServiceCardForm(ZhifaForm):
    scope = forms.CharField(label="服务范围", widget=forms.Textarea(attrs={"rows": 3}))
    manner = forms.CharField(label="服务方式", widget=forms.Textarea(attrs={"rows": 3}))
    hours = forms.CharField(label="服务时间", max_length=200)
    phone = forms.CharField(label="联系电话", max_length=60)
    licensing = forms.BooleanField(label="本机关实施行政许可或行政收费", required=False)
    window = forms.CharField(label="对外窗口（一个窗口）地址", max_length=200, required=False)


class ServiceGuideForm(ZhifaForm):
    title = forms.CharField(label="事项名称", max_length=200)
    basis = forms.CharField(label="设定依据", widget=forms.Textarea(attrs={"rows": 2}))
    conditions = forms.CharField(label="办理条件", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    materials = forms.CharField(label="申请材料", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    procedure = forms.CharField(label="办理流程", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    time_limit = forms.CharField(label="办理时限", max_length=100, required=False)
    fee = forms.CharField(label="收费标准及依据", max_length=300, initial="不收费")
    window = forms.CharField(label="办理窗口", max_length=200, required=False)
    phone = forms.CharField(label="咨询电话", max_length=60)
    hearing_required = forms.BooleanField(label="法律、法规、规章规定实施许可应当听证", required=False)


class LicensingHearingForm(ZhifaForm):
    matter = forms.CharField(label="听证事项", max_length=200)
    applicant = forms.CharField(label="申请人", max_length=200)
    grounds = forms.ChoiceField(label="听证理由", choices=LicensingHearing.Grounds.choices)
    scheduled_on = forms.DateField(label="举行日期")
    place = forms.CharField(label="地点", max_length=200)
    announcement = forms.CharField(label="公告内容", widget=forms.Textarea(attrs={"rows": 4}))
    on = forms.DateField(label="公告日期")


class LicensingRecordForm(ZhifaForm):
    held_on = forms.DateField(label="实际举行日期")
    record = forms.CharField(label="听证笔录摘要", widget=forms.Textarea(attrs={"rows": 4}), required=False)
    outcome = forms.CharField(label="根据听证笔录作出的决定", widget=forms.Textarea(attrs={"rows": 3}), required=False)


class RatingForm(ZhifaForm):
    score = forms.TypedChoiceField(
        label="对这次检查的评价",
        coerce=int,
        choices=[(5, "5 非常满意"), (4, "4 满意"), (3, "3 一般"), (2, "2 不满意"), (1, "1 非常不满意")],
    )
    comment = forms.CharField(label="意见（选填）", widget=forms.Textarea(attrs={"rows": 3}), required=False)


class VisitLinkForm(ZhifaForm):
    inspection_id = forms.IntegerField(label="案件中的检查记录编号")


class PartyObjectionForm(ZhifaForm):
    line_key = forms.ChoiceField(label="您认为有误的评价项", choices=())
    reason = forms.CharField(
        label="异议理由",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="请写明事实和理由，可附证据说明",
    )

    def __init__(self, *args, lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line_key"].choices = [(line.key, line.source) for line in lines]
