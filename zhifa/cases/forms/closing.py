"""Forms of the follow-up visit, closing and the archive (services/closing.py)."""

from __future__ import annotations

from django import forms

from zhifa.cases.forms.base import TEXT, CaseActForm
from zhifa.cases.models import CaseFile, FollowUp


class FollowUpForm(CaseActForm):
    act = "followup_record"
    method = forms.ChoiceField(label="方式", choices=FollowUp.Method.choices)
    findings = forms.CharField(label="履行和整改情况", widget=TEXT)
    problems = forms.CharField(label="当事人反映的问题和困难", widget=TEXT, required=False)
    response = forms.CharField(label="解决或解释情况", widget=TEXT, required=False)


class CloseForm(CaseActForm):
    act = "close"
    intro = "卷内材料齐全方可结案（D6.2a）。"


class ArchiveForm(CaseActForm):
    act = "archive"
    retention = forms.ChoiceField(label="保管期限", choices=CaseFile.Retention.choices)
