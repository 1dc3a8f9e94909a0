"""Forms of the execution of the decision (services/execution.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms

from zhifa.accounts.models import Role, User
from zhifa.cases.forms.base import TEXT, CaseActForm, lines
from zhifa.cases.models import Payment, PaymentPlan, Reminder


class PaymentPlanForm(CaseActForm):
    act = "payment_plan"
    intro = "当事人确有经济困难的，经申请和批准，可以暂缓或者分期缴纳（行政处罚法第六十六条）。"
    kind = forms.ChoiceField(label="方式", choices=[c for c in PaymentPlan.Kind.choices if c[0] != "standard"])
    applied_on = forms.DateField(label="当事人申请日期")
    reason = forms.CharField(label="经济困难的情况", widget=TEXT)
    instalments = forms.CharField(label="各期期限和金额（每行“2026-12-31 1000”）", widget=TEXT)

    def clean_instalments(self):
        rows = []
        for line in lines(self.cleaned_data["instalments"]):
            parts = line.replace("，", " ").replace(",", " ").split()
            try:
                due, amount = date.fromisoformat(parts[0]), Decimal(parts[1])
            except (IndexError, ValueError, InvalidOperation):
                raise forms.ValidationError(f"无法识别“{line}”，请写成“2026-12-31 1000”。") from None
            rows.append((amount, due))
        return rows


class PaymentForm(CaseActForm):
    act = "payment_record"
    intro = "罚没款由当事人到指定银行或通过电子支付系统缴入国库，凭缴款凭证登记（D2.3）。"
    paid_on = forms.DateField(label="缴纳日期")
    amount = forms.DecimalField(label="金额（元）", min_value=Decimal("0.01"), decimal_places=2, max_digits=14)
    method = forms.ChoiceField(
        label="方式",
        choices=[c for c in Payment.Method.choices if c[0] in (Payment.Method.BANK, Payment.Method.ELECTRONIC)],
    )
    bank = forms.CharField(label="收款银行或支付系统")
    receipt_number = forms.CharField(label="缴款凭证号")


class HandoverForm(CaseActForm):
    act = "on_spot_handover"
    late_reason = forms.CharField(label="逾期交付的原因", required=False)
    backdated_reason = forms.CharField(
        label="补录理由", required=False, help_text="办理日期早于今天、且按办理日期才在期限内的，须写明事后登记的原因"
    )


class ReminderForm(CaseActForm):
    act = "reminder_serve"
    intro = "以电话、书面或走访再次告知当事人必须履行的义务及不履行的法律后果，并记录（D3.9b）。"
    method = forms.ChoiceField(
        label="方式",
        choices=Reminder.Method.choices,
        help_text="催告应当以书面形式作出（行政强制法第三十五条）：电话、走访记录为再次告知，不能代替催告书",
    )
    content = forms.CharField(label="催告内容（义务、期限、方式、金额、后果、陈述申辩权）", widget=TEXT)
    record = forms.CharField(label="记录（通话记录、送达回证或走访记录）", widget=TEXT)
    performance_due_on = forms.DateField(label="催告的履行期限")


class CompelForm(CaseActForm):
    act = "compulsory_execute"
    measures = forms.CharField(label="强制执行方式", widget=TEXT)
    document_number = forms.CharField(label="强制执行决定书文号", required=False)


class CourtForm(CaseActForm):
    act = "court_apply"
    intro = "强制执行申请书由机关负责人签名、加盖机关印章并注明日期（行政强制法第五十五条）；机关负责人自己申请的，不填签发人。"
    court = forms.CharField(label="人民法院")
    measures = forms.CharField(label="申请执行的事项", widget=TEXT)
    approved_by = forms.ModelChoiceField(label="签发申请书的机关负责人", queryset=User.objects.none(), required=False)
    approved_on = forms.DateField(label="签发日期", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.case is not None:
            self.fields["approved_by"].queryset = User.objects.filter(
                agency_id=self.case.agency_id, role=Role.HEAD, is_active=True
            ).order_by("pk")


class EnforcementResultForm(CaseActForm):
    act = "enforcement_result"
    result = forms.CharField(label="执行结果", widget=TEXT)
    completed = forms.BooleanField(label="执行终结", required=False)
    recovered_amount = forms.DecimalField(
        label="划缴金额（元）", required=False, min_value=Decimal("0.01"), decimal_places=2, max_digits=14
    )
    receipt_number = forms.CharField(label="缴库凭证号", required=False)


class ExecutionCompleteForm(CaseActForm):
    act = "execution_complete"
    note = forms.CharField(label="履行情况", widget=TEXT)
