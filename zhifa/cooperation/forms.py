"""Forms of the cooperation pages; each submits to one service (views.py)."""

from __future__ import annotations

from django import forms

from zhifa.cooperation.models import CrimeTransfer
from zhifa.core.forms import ZhifaForm
from zhifa.law.models import ViolationItem
from zhifa.org.models import Agency, Government

TEXT = forms.Textarea(attrs={"rows": 3})


class CompetenceForm(ZhifaForm):
    violation_item = forms.ModelChoiceField(label="违法行为", queryset=ViolationItem.objects.order_by("code"))
    place = forms.ModelChoiceField(
        label="违法行为发生地（区县）", queryset=Government.objects.order_by("division_code"), required=False
    )
    on = forms.DateField(label="核对日期", required=False)


class ReceiptForm(ZhifaForm):
    confirmed = forms.BooleanField(label="已收到移送函及所列材料，经核对职权目录，本机关接收办理", required=True)
    on = forms.DateField(label="签收日期", required=False)


class PassOnForm(ZhifaForm):
    to_agency = forms.ModelChoiceField(label="转送的机关（职权目录载明有管辖权的）", queryset=Agency.objects.none())
    reasons = forms.CharField(label="转送理由：本机关没有管辖权的依据", widget=TEXT)
    on = forms.DateField(label="转送日期", required=False)

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_agency"].queryset = Agency.objects.filter(pk__in=[a.pk for a in candidates]).order_by("name")


class CrimeTransferForm(ZhifaForm):
    police_organ = forms.CharField(label="接收的公安机关", max_length=100)
    procuratorate = forms.CharField(label="抄送的人民检察院", max_length=100)
    suspected_crime = forms.CharField(label="涉嫌罪名", max_length=100)
    facts = forms.CharField(label="涉嫌犯罪的事实", widget=TEXT)
    with_report = forms.BooleanField(label="附调查报告", required=False)
    with_items_list = forms.BooleanField(label="附涉案物品清单", required=False)
    with_expert_opinion = forms.BooleanField(label="附检验报告或者鉴定意见", required=False)
    no_items_note = forms.CharField(label="无涉案物品或者无须检验鉴定的说明", max_length=300, required=False)
    on = forms.DateField(label="移送日期", required=False)


class PoliceAnswerForm(ZhifaForm):
    decision = forms.ChoiceField(label="公安机关决定", choices=CrimeTransfer.PoliceDecision.choices)
    reasons = forms.CharField(label="公安机关决定的理由", widget=TEXT)
    on = forms.DateField(label="书面告知日期", required=False)
