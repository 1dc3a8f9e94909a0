from django import forms

from zhifa.core.forms import DateInput, ZhifaForm, ZhifaModelForm
from zhifa.oversight.models import SupervisionNotice


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
