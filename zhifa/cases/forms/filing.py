"""Forms of the acts from the clue to the filed case, and transfers (services/filing.py)."""

from __future__ import annotations

from django import forms

from zhifa.cases.forms.base import LONG, TEXT, CaseActForm, officers_of, parties, places, violation_items
from zhifa.cases.models import Source
from zhifa.core import clock
from zhifa.core.forms import ZhifaForm
from zhifa.org import competence
from zhifa.org.models import Agency


class ClueForm(ZhifaForm):
    source = forms.ChoiceField(label="线索来源", choices=Source.choices)
    received_on = forms.DateField(label="发现或收到线索日期")
    summary = forms.CharField(label="线索内容", widget=LONG)
    party = forms.ModelChoiceField(label="当事人（已知的）", queryset=None, required=False)
    violation_item = forms.ModelChoiceField(label="违法行为（初步判断）", queryset=None, required=False)
    place = forms.ModelChoiceField(label="发生地（区县）", queryset=None, required=False)
    place_detail = forms.CharField(label="具体地点", required=False)
    act_date = forms.DateField(label="违法行为发生日期", required=False)
    reporter_name = forms.CharField(label="举报人", required=False)
    reporter_contact = forms.CharField(label="举报人联系方式", required=False)
    source_reference = forms.CharField(label="来源编号（举报编号等）", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = parties()
        self.fields["violation_item"].queryset = violation_items()
        self.fields["place"].queryset = places()
        self.fields["received_on"].initial = clock.today()


class FilingProposeForm(CaseActForm):
    act = "filing_propose"
    intro = "确认本机关对该违法行为有法定职权（D3.1a）、未超过追责期限（D3.10a），指派至少两名持证执法人员（D3.8）并确定主办人（D1.5）。"
    party = forms.ModelChoiceField(label="当事人", queryset=None)
    violation_item = forms.ModelChoiceField(label="违法行为", queryset=None)
    place = forms.ModelChoiceField(label="发生地（区县）", queryset=None, required=False)
    place_detail = forms.CharField(label="具体地点", required=False)
    act_date = forms.DateField(label="违法行为发生日期")
    act_ended_on = forms.DateField(label="连续或继续状态终了日期", required=False)
    harmful_consequence = forms.BooleanField(label="有危害后果", required=False)
    investigators = forms.ModelMultipleChoiceField(
        label="承办人员（至少两名）", queryset=None, widget=forms.CheckboxSelectMultiple
    )
    lead_officer = forms.ModelChoiceField(label="主办人", queryset=None)
    reason = forms.CharField(label="立案理由", widget=TEXT)
    major_public_interest = forms.BooleanField(label="涉及重大公共利益（须法制审核）", required=False)
    complex_case = forms.BooleanField(label="案情疑难复杂、涉及多个法律关系（须法制审核）", required=False)
    law_requires_review = forms.BooleanField(label="法律、法规规定应当法制审核", required=False)
    major_violation = forms.BooleanField(label="情节复杂或者重大违法行为（须集体讨论）", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        c = self.case
        self.fields["party"].queryset = parties()
        self.fields["violation_item"].queryset = violation_items()
        self.fields["place"].queryset = places()
        self.fields["investigators"].queryset = officers_of(c)
        self.fields["lead_officer"].queryset = officers_of(c)
        for name in (
            "party",
            "violation_item",
            "place",
            "place_detail",
            "act_date",
            "act_ended_on",
            "harmful_consequence",
        ):
            value = getattr(c, f"{name}_id", None) if name in ("party", "violation_item", "place") else getattr(c, name)
            if value not in (None, ""):
                self.fields[name].initial = value
        officer = (
            getattr(self.user, "officer", None) if self.user is not None and hasattr(self.user, "officer") else None
        )
        if officer:
            self.fields["lead_officer"].initial = officer.pk


class ApproveForm(CaseActForm):
    act = "filing_approve"
    intro = "批准立案后，自立案之日起九十日内作出处理决定（行政处罚法第六十条）。"
    late_reason = forms.CharField(
        label="逾期决定立案的原因", required=False, help_text="超过十五个工作日才决定立案的，须写明原因"
    )
    backdated_reason = forms.CharField(
        label="补录理由", required=False, help_text="办理日期早于今天、且按办理日期才在期限内的，须写明事后登记的原因"
    )


class RefuseForm(CaseActForm):
    act = "filing_refuse"
    reason = forms.CharField(label="不予立案的理由", widget=TEXT)
    late_reason = forms.CharField(label="逾期决定的原因", required=False)
    backdated_reason = forms.CharField(
        label="补录理由", required=False, help_text="办理日期早于今天、且按办理日期才在期限内的，须写明事后登记的原因"
    )


class TransferForm(CaseActForm):
    act = "transfer_out"
    intro = "对无管辖权的线索或案件，以书面移送函移送有管辖权的机关；接收机关不得拒绝，并书面函告处理结果（D3.4）。"
    to_agency = forms.ModelChoiceField(label="接收机关", queryset=None)
    reasons = forms.CharField(label="移送理由", widget=TEXT)
    materials = forms.CharField(label="移送材料清单", widget=TEXT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        qs = Agency.objects.filter(standing=Agency.Standing.CONFIRMED).exclude(pk=self.case.agency_id).order_by("name")
        self.fields["to_agency"].queryset = qs
        if self.case.violation_item_id:
            found = competence.competent_agencies(self.case.violation_item, self.case.place, clock.today())
            found = [a for a in found if a.pk != self.case.agency_id]
            if found:
                self.fields["to_agency"].initial = found[0].pk
                self.fields["to_agency"].help_text = "有管辖权的机关：" + "、".join(a.name for a in found)


class TransferAnswerForm(CaseActForm):
    act = "transfer_answer"
    answer = forms.CharField(label="处理结果（书面函告移送机关）", widget=TEXT)
