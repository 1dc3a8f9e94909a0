"""Forms of the prior notice, statements and defences, and hearings (services/notice.py)."""

from __future__ import annotations

from django import forms

from zhifa.cases import facts, rules
from zhifa.cases.forms.base import (
    LONG,
    TEXT,
    ArticleChoice,
    CaseActForm,
    ServeForm,
    TermsMixin,
    articles,
    lines,
    officers_of,
)
from zhifa.cases.models import Defence, DefencePoint, Hearing
from zhifa.core import clock
from zhifa.core.forms import DateTimeInput


class NoticeForm(TermsMixin, CaseActForm):
    act = "notice_issue"
    intro = (
        "告知拟作出的处罚内容及事实、理由、依据，陈述申辩的权利；属于听证范围的，告知要求听证的权利（D3.9a、D5.3a）。"
    )
    facts = forms.CharField(label="违法事实", widget=LONG)
    reasons = forms.CharField(label="理由", widget=TEXT)
    basis_articles = ArticleChoice(label="依据条文", queryset=None, required=False)
    states_defence_right = forms.BooleanField(label="告知陈述、申辩的权利", required=False, initial=True)
    states_hearing_right = forms.BooleanField(label="告知要求听证的权利", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["basis_articles"].queryset = articles()
        report = facts.latest_report(self.case)
        self.add_terms(report.terms() if report else None)
        if report:
            self.fields["facts"].initial = report.facts
            self.fields["reasons"].initial = report.reasons
            self.fields["basis_articles"].initial = list(report.basis_articles.values_list("pk", flat=True))
            grounds = rules.hearing_grounds(report, self.case.party.is_person, clock.today())
            self.fields["states_hearing_right"].initial = bool(grounds)
            if grounds:
                self.fields["states_hearing_right"].help_text = "应当告知：" + "、".join(grounds)
        self.order_fields([f for f in self.fields if f != "on"] + ["on"])

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["terms"] = self.pop_terms(data)
        return data


class NoticeServeForm(ServeForm):
    act = "notice_serve"
    intro = "自送达之日起计算陈述、申辩和要求听证的期限。"


class WaiverForm(CaseActForm):
    act = "waiver_record"
    statement = forms.CharField(label="当事人放弃声明的内容", widget=TEXT)
    in_writing = forms.BooleanField(label="当事人以书面形式作出并签章", required=False)
    waives_defence = forms.BooleanField(label="放弃陈述、申辩", required=False, initial=True)
    waives_hearing = forms.BooleanField(label="放弃要求听证", required=False)


class DefenceForm(CaseActForm):
    act = "defence_record"
    intro = "逐项记录当事人提出的事实、理由和证据，每行一项（D5.2a）。"
    made_by = forms.CharField(label="陈述申辩人")
    form = forms.ChoiceField(label="形式", choices=[c for c in Defence.Form.choices if c[0] != "hearing"])
    points = forms.CharField(label="提出的事实、理由和证据（每行一项）", widget=LONG)

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["points"] = lines(data["points"])
        return data


class DefenceReviewForm(CaseActForm):
    act = "defence_review"
    point = forms.ModelChoiceField(label="待复核的事项", queryset=None)
    adopted = forms.TypedChoiceField(
        label="复核结论",
        choices=[("1", "采纳"), ("0", "不予采纳")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label="理由", widget=TEXT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["point"].queryset = DefencePoint.objects.filter(defence__case=self.case, adopted__isnull=True)


class HearingRequestForm(CaseActForm):
    act = "hearing_request"
    requested_on = forms.DateField(label="当事人要求听证的日期")
    form = forms.ChoiceField(label="要求方式", choices=Hearing.RequestForm.choices)


class HearingScheduleForm(CaseActForm):
    act = "hearing_schedule"
    intro = "听证由非本案调查人员主持，在举行听证的七个工作日前通知当事人（D5.3a）。"
    chair = forms.ModelChoiceField(label="主持人", queryset=None)
    scheduled_at = forms.DateTimeField(label="举行时间", widget=DateTimeInput())
    place = forms.CharField(label="地点")
    notified_on = forms.DateField(label="通知当事人日期")
    public = forms.BooleanField(label="公开举行", required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = officers_of(self.case).exclude(case_roles__case=self.case).distinct()
        self.fields["notified_on"].initial = clock.today()


class HearingRecordForm(CaseActForm):
    act = "hearing_record"
    transcript = forms.CharField(label="听证笔录", widget=LONG)
    party_attended = forms.BooleanField(label="当事人出席", required=False, initial=True)
    points = forms.CharField(label="当事人在听证中提出的事实、理由和证据（每行一项）", widget=TEXT, required=False)
    on = forms.DateField(label="举行日期")

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["points"] = lines(data["points"])
        return data


class HearingWithdrawForm(CaseActForm):
    act = "hearing_withdraw"
    statement = forms.CharField(label="撤回听证要求的书面声明", widget=TEXT)
