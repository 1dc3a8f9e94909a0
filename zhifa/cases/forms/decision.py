"""Forms of the acts towards and at the decision, and its service (services/decision.py)."""

from __future__ import annotations

from django import forms

from zhifa.cases import facts
from zhifa.cases.forms.base import LONG, TEXT, ArticleChoice, CaseActForm, ReasonForm, ServeForm, TermsMixin, articles
from zhifa.cases.models import Outcome


class SubmitForm(CaseActForm):
    act = "decision_submit"
    intro = "提交后，须法制审核的送法制审核人员，其余送机关负责人决定。陈述申辩期限须已届满（或当事人书面放弃），每项陈述申辩须已复核。"


class LegalReviewForm(CaseActForm):
    act = "legal_review"
    passed = forms.TypedChoiceField(
        label="审核意见",
        choices=[("1", "通过"), ("0", "退回补充调查或修改")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    opinion = forms.CharField(label="审核意见书", widget=LONG)


class DiscussionForm(CaseActForm):
    act = "collective_discussion"
    participants = forms.CharField(label="参加讨论的负责人")
    minutes = forms.CharField(label="讨论记录", widget=LONG)
    conclusion = forms.CharField(label="讨论结论", widget=TEXT)


class ExtensionForm(CaseActForm):
    act = "extension_approve"
    days = forms.IntegerField(label="延长天数", min_value=1, max_value=365)
    reason = forms.CharField(label="延长理由", widget=TEXT)


class DecideForm(TermsMixin, CaseActForm):
    act = "decide"
    intro = "决定应当答复当事人提出的每一项陈述申辩，不得重于事先告知的处罚（D5.2a），依据须是行为时有效的法律、法规或者规章（D3.10a）。"
    outcome = forms.ChoiceField(label="决定", choices=[c for c in Outcome.choices if c[0] != "transfer_judiciary"])
    facts = forms.CharField(label="违法事实和证据", widget=LONG)
    reasons = forms.CharField(label="理由（含裁量说明）", widget=TEXT)
    backdated_reason = forms.CharField(
        label="补录理由", required=False, help_text="办理日期早于今天、且按办理日期才在期限内的，须写明事后登记的原因"
    )
    basis_articles = ArticleChoice(label="依据条文", queryset=None, required=False)
    public_summary = forms.CharField(
        label="公开摘要",
        widget=TEXT,
        required=False,
        help_text="依法公开时使用；不得含当事人亲属信息和自然人身份证号码（D5.6）",
    )
    lenient_new_law = forms.BooleanField(label="适用处罚较轻的新规定", required=False)
    lenient_reason = forms.CharField(label="适用新规定的理由", required=False)
    departure_reasons = forms.CharField(
        label="偏离裁量基准的理由",
        widget=TEXT,
        required=False,
        help_text="决定偏离裁量基准建议档次的，须书面说明理由并已经法制审核（D3.6）",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["basis_articles"].queryset = articles()
        report = facts.latest_report(self.case)
        self.add_terms(report.terms() if report else None)
        if report:
            self.fields["outcome"].initial = report.outcome
            self.fields["facts"].initial = report.facts
            self.fields["reasons"].initial = report.reasons
            self.fields["basis_articles"].initial = list(report.basis_articles.values_list("pk", flat=True))
            self.fields["lenient_new_law"].initial = report.lenient_new_law
            self.fields["lenient_reason"].initial = report.lenient_reason
            self.fields["departure_reasons"].initial = report.departure_reasons
        self.order_fields([f for f in self.fields if f != "on"] + ["on"])

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["terms"] = self.pop_terms(data)
        return data


class JudiciaryForm(ReasonForm):
    act = "judiciary_transfer"
    intro = "写明涉嫌犯罪的事实和接收移送的司法机关。"


class TerminateForm(ReasonForm):
    act = "terminate"


class DecisionServeForm(ServeForm):
    act = "decision_serve"
    intro = "决定书应当在决定后七个工作日内送达；自送达之日起十五日内缴纳罚没款。"
    late_reason = forms.CharField(label="逾期送达的原因", required=False)
    backdated_reason = forms.CharField(
        label="补录理由", required=False, help_text="办理日期早于今天、且按办理日期才在期限内的，须写明事后登记的原因"
    )
