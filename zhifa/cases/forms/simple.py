"""The form of the simple (on-the-spot) procedure (services/simple.py)."""

from __future__ import annotations

from django import forms

from zhifa.cases.forms.base import TEXT, ArticleChoice, TermsMixin, articles, parties, places, violation_items
from zhifa.core import clock
from zhifa.core.forms import ZhifaForm


class SimplePenaltyForm(TermsMixin, ZhifaForm):
    party = forms.ModelChoiceField(label="当事人", queryset=None)
    violation_item = forms.ModelChoiceField(label="违法行为", queryset=None)
    place = forms.ModelChoiceField(label="发生地（区县）", queryset=None, required=False)
    place_detail = forms.CharField(label="具体地点", required=False)
    act_date = forms.DateField(label="违法行为发生日期")
    facts = forms.CharField(label="违法事实", widget=TEXT)
    basis_articles = ArticleChoice(label="处罚依据条文", queryset=None)
    certificates_shown = forms.BooleanField(label="已向当事人出示执法证件", required=False)
    collect_on_spot = forms.BooleanField(
        label="当场收缴罚款",
        required=False,
        help_text="仅限一百元以下，或不当场收缴事后难以执行，或边远、水上、交通不便地区",
    )
    ticket_number = forms.CharField(label="财政部门统一制发的专用票据号", required=False)
    hard_to_collect_later = forms.BooleanField(label="不当场收缴事后难以执行", required=False)
    remote_area = forms.BooleanField(label="边远、水上、交通不便地区，当事人提出", required=False)
    on = forms.DateField(label="处罚日期")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = parties()
        self.fields["violation_item"].queryset = violation_items()
        self.fields["place"].queryset = places()
        self.fields["basis_articles"].queryset = articles()
        self.fields["on"].initial = clock.today()
        self.add_terms()
        for name in (
            "qualification_downgrade",
            "licence_revocation",
            "suspension",
            "closure",
            "practice_restriction",
            "confiscation",
        ):
            del self.fields[name]

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["terms"] = self.pop_terms(data)
        return data
