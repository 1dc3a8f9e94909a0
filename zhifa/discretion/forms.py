from django import forms

from zhifa.core.forms import ZhifaForm
from zhifa.discretion import engine

YES_NO = [("", "未记录"), ("true", "是"), ("false", "否")]


class EvaluateForm(ZhifaForm):
    """“试算”：录入认定的情节，查看建议、过程与说理（只收法律和基准列明的情节，D1.2）。"""

    item_code = forms.ChoiceField(label="裁量事项")
    act_date = forms.DateField(label="违法行为发生日期")
    decision_date = forms.DateField(label="作出处罚决定日期")
    party_kind = forms.ChoiceField(
        label="当事人类别",
        choices=[("individual", "公民"), ("organisation", "法人或者其他组织")],
        initial="organisation",
    )
    # No initial choice: the harm is a fact to record, never assumed (D5.1a).
    harm = forms.ChoiceField(label="危害后果", choices=[("", "请选择"), *engine.HARM_LABELS.items()])
    prior_violations = forms.IntegerField(label="本系统记录的既往违法次数", min_value=0, initial=0)
    age = forms.IntegerField(label="年龄（公民）", required=False, min_value=0, max_value=130)
    vulnerable_status = forms.ChoiceField(
        label="残疾人、下岗职工、进城务工农民", required=False, choices=[("", "否")] + list(engine.VULNERABLE.items())
    )
    mental = forms.ChoiceField(label="精神状况", choices=list(engine.MENTAL.items()), initial="none")
    illegal_income = forms.DecimalField(label="违法所得（元）", required=False, min_value=0)
    goods_value = forms.DecimalField(label="货值金额（元）", required=False, min_value=0)
    sales = forms.DecimalField(label="违法经营额（元）", required=False, min_value=0)
    annual_sales = forms.DecimalField(label="上一年度销售额（元）", required=False, min_value=0)
    ad_cost = forms.DecimalField(label="广告费用（元）", required=False, min_value=0)
    area = forms.DecimalField(label="面积（平方米）", required=False, min_value=0)
    length = forms.DecimalField(label="长度（延米）", required=False, min_value=0)
    duration_days = forms.DecimalField(label="持续时间（日）", required=False, min_value=0)
    count = forms.DecimalField(label="次数或数量", required=False, min_value=0)
    circumstances = forms.CharField(
        label="基准列明的具体情节（编码，逗号分隔）",
        required=False,
        help_text="见事项页“具体情节”一栏，如 national_or_provincial_road",
    )

    def __init__(self, *args, item_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item_code"].choices = list(item_choices)
        for name in engine.BOOL_FACTS:
            self.fields[name] = forms.BooleanField(label=engine.FACT_FIELDS[name], required=False)

    def facts(self) -> dict:
        data = self.cleaned_data
        out = {}
        for name in engine.FACT_FIELDS:
            value = data.get(name)
            if value in (None, "") or (name in engine.BOOL_FACTS and not value):
                continue
            out[name] = value
        return out


class ImportForm(ZhifaForm):
    file = forms.FileField(label="裁量基准文件（YAML）", help_text="格式见已导出的文件；内容未变的版本不会重复导入。")


class DiffForm(ZhifaForm):
    old = forms.ModelChoiceField(label="旧版本", queryset=None)
    new = forms.ModelChoiceField(label="新版本", queryset=None)

    def __init__(self, *args, versions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old"].queryset = versions
        self.fields["new"].queryset = versions
