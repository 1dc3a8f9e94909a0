from django import forms

from zhifa.core import clock
from zhifa.core.forms import DateInput, ZhifaForm
from zhifa.credit.models import InspectionItem, Interview, PlanTarget
from zhifa.parties.models import Party
from zhifa.people.models import Officer

TEXT = forms.Textarea(attrs={"rows": 4})


class ItemForm(ZhifaForm):
    code = forms.CharField(label="事项编码", max_length=40)
    name = forms.CharField(label="检查事项", max_length=200)
    kind = forms.ChoiceField(label="类别", choices=InspectionItem.Kind.choices)
    basis = forms.CharField(label="检查依据", max_length=300)


class TargetForm(ZhifaForm):
    party = forms.ModelChoiceField(label="检查对象", queryset=Party.objects.order_by("name"))


class InspectorForm(ZhifaForm):
    officer = forms.ModelChoiceField(label="执法人员", queryset=Officer.objects.none())

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = Officer.objects.filter(agency_id=getattr(user, "agency_id", None)).order_by(
            "name"
        )


class PlanForm(ZhifaForm):
    title = forms.CharField(label="抽查任务", max_length=200)
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    items = forms.ModelMultipleChoiceField(label="抽查事项", queryset=InspectionItem.objects.none())
    target_count = forms.IntegerField(label="抽取对象数", min_value=1, max_value=1000)
    inspectors_per_target = forms.IntegerField(label="每个对象的检查人员数", min_value=1, max_value=10, initial=2)
    seed = forms.CharField(
        label="随机种子", max_length=64, required=False, help_text="留空由平台生成；制定即公布，抽取结果可凭此复现"
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = InspectionItem.objects.filter(agency_id=getattr(user, "agency_id", None))
        self.fields["year"].initial = clock.today().year


class ConfirmForm(ZhifaForm):
    """A confirmation without fields."""


class ResultForm(ZhifaForm):
    result = forms.ChoiceField(label="检查结果", choices=PlanTarget.Result.choices)
    note = forms.CharField(label="检查情况", max_length=4000, widget=TEXT, required=False)
    on = forms.DateField(label="检查日期", required=False, help_text="留空为今天")


class ObjectionForm(ZhifaForm):
    line_key = forms.ChoiceField(label="异议的评价项", choices=())
    reason = forms.CharField(label="异议理由", max_length=4000, widget=TEXT)

    def __init__(self, *args, lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["line_key"].choices = [(line.key, f"{line.source}：{line.rule}") for line in lines]


class ObjectionAnswerForm(ZhifaForm):
    upheld = forms.TypedChoiceField(
        label="结论", choices=[("1", "异议成立，该项不计入"), ("0", "异议不成立")], coerce=lambda v: v == "1"
    )
    answer = forms.CharField(label="答复理由", max_length=4000, widget=TEXT)


class InterviewForm(ZhifaForm):
    kind = forms.ChoiceField(label="方式", choices=Interview.Kind.choices)
    held_on = forms.DateField(label="日期", widget=DateInput())
    attendees = forms.CharField(label="参加人员", max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    mentor = forms.CharField(
        label="帮教人", max_length=200, required=False, help_text="结对帮教须填写：执法人员或结对的守信企业"
    )
    content = forms.CharField(label="内容", max_length=4000, widget=TEXT)
    outcome = forms.CharField(label="效果（当事人的认识和整改）", max_length=4000, widget=TEXT)
