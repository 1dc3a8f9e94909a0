from django import forms

from zhifa.core.forms import ZhifaModelForm
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
