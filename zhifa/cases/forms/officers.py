"""Forms of assigning officers and of recusal (services/officers.py)."""

from __future__ import annotations

from django import forms

from zhifa.cases.forms.base import TEXT, CaseActForm, officers_of
from zhifa.cases.models import Recusal
from zhifa.people.models import Officer


class AssignForm(CaseActForm):
    act = "officer_assign"
    officer = forms.ModelChoiceField(label="执法人员", queryset=None)
    lead = forms.BooleanField(label="担任主办人", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers_of(self.case)


class RecusalApplyForm(CaseActForm):
    act = "recusal_apply"
    officer = forms.ModelChoiceField(label="申请回避的执法人员", queryset=None)
    applicant = forms.ChoiceField(label="申请方式", choices=Recusal.Applicant.choices)
    grounds = forms.CharField(label="回避理由", widget=TEXT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = Officer.objects.filter(
            case_roles__case=self.case, case_roles__ended_on__isnull=True
        ).distinct()


class RecusalDecideForm(CaseActForm):
    act = "recusal_decide"
    recusal = forms.ModelChoiceField(label="回避申请", queryset=None)
    granted = forms.TypedChoiceField(
        label="决定", choices=[("1", "回避"), ("0", "不予回避")], coerce=lambda v: v == "1", widget=forms.RadioSelect
    )
    reason = forms.CharField(label="理由", widget=TEXT, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recusal"].queryset = self.case.recusals.filter(granted__isnull=True)
