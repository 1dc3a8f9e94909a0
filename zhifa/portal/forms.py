from django import forms

from zhifa.core.forms import ZhifaForm
from zhifa.portal.models import Publication


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
