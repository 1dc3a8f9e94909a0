from django import forms

from zhifa.core.forms import ZhifaForm, ZhifaModelForm
from zhifa.parties.models import Party


class PartyForm(ZhifaModelForm):
    """The form only collects input: the service checks the identifiers (python-stdnum)
    and duplicates, and its refusal is shown at the field."""

    id_number = forms.CharField(label="居民身份证号码", required=False, help_text="自然人填写18位居民身份证号码")
    uscc = forms.CharField(
        label="统一社会信用代码", required=False, help_text="法人或者其他组织填写18位统一社会信用代码"
    )

    class Meta:
        model = Party
        fields = ["kind", "name", "id_number", "uscc", "legal_representative", "address", "phone", "government"]
        help_texts = {"legal_representative": "组织填写"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["government"].label = "所在区县"

    def _post_clean(self):
        # Model validation (identifier rules, uniqueness) is the service's, with clearer messages.
        pass


class PartyCorrectionForm(PartyForm):
    reason = forms.CharField(
        label="更正理由", max_length=500, widget=forms.Textarea(attrs={"rows": 2}), help_text="记入更正记录和审计日志"
    )

    class Meta(PartyForm.Meta):
        fields = [*PartyForm.Meta.fields, "reason"]


class LookupForm(ZhifaForm):
    purpose = forms.CharField(
        label="查询事由",
        max_length=200,
        required=False,  # the rule refuses an empty purpose, citing its clause
        help_text="如“受理投诉，核实被投诉人身份”；事由、查询人和时间记入审计日志",
    )
