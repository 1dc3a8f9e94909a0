"""Forms of the investigation: inspections, evidence, custody, relatives, the report (services/investigation.py)."""

from __future__ import annotations

from django import forms

from zhifa.accounts.models import Role, User
from zhifa.cases.forms.base import LONG, TEXT, ArticleChoice, CaseActForm, ReasonForm, TermsMixin, articles, officers_of
from zhifa.cases.models import CustodyEvent, Evidence, Inspection, Outcome, Preservation, Relative
from zhifa.core import clock


class InspectionForm(CaseActForm):
    act = "inspection_record"
    intro = "执法人员不得少于两人，均须持有效执法证件，并向当事人或者有关人员出示（D3.8）。"
    kind = forms.ChoiceField(label="类别", choices=Inspection.Kind.choices)
    place = forms.CharField(label="地点")
    subject = forms.CharField(label="被检查人或被询问人")
    officers = forms.ModelMultipleChoiceField(label="执法人员", queryset=None, widget=forms.CheckboxSelectMultiple)
    certificates_shown = forms.BooleanField(label="已出示执法证件", required=False)
    record = forms.CharField(label="笔录内容", widget=LONG)
    signed_by_subject = forms.BooleanField(label="被检查人或被询问人已签字", required=False, initial=True)
    refusal_note = forms.CharField(label="拒绝签字的说明", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officers"].queryset = officers_of(self.case)
        self.fields["officers"].initial = [co.officer_id for co in self.case.officers.filter(ended_on__isnull=True)]


class EvidenceForm(CaseActForm):
    act = "evidence_add"
    intro = "证据文件按其 SHA-256 存放，登记后不得修改或删除。"
    kind = forms.ChoiceField(label="证据种类", choices=Evidence.Kind.choices)
    title = forms.CharField(label="名称")
    content = forms.FileField(label="证据文件")
    source = forms.CharField(label="来源（提供人或取得方式）")
    collected_on = forms.DateField(label="取得日期")
    description = forms.CharField(label="证明内容", widget=TEXT, required=False)
    inspection = forms.ModelChoiceField(label="取得时的检查或询问", queryset=None, required=False)
    holder = forms.CharField(label="保管人或保管地点", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["inspection"].queryset = self.case.inspections.all()
        self.fields["collected_on"].initial = clock.today()

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        upload = data["content"]
        data.update(filename=upload.name, content_type=getattr(upload, "content_type", "") or "")
        return data


class CustodyForm(CaseActForm):
    act = "custody_record"
    evidence = forms.ModelChoiceField(label="证据", queryset=None)
    action = forms.ChoiceField(
        label="事项", choices=[c for c in CustodyEvent.Action.choices if c[0] not in ("collected", "archived")]
    )
    holder = forms.CharField(label="保管人或保管地点")
    note = forms.CharField(label="说明", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].queryset = self.case.evidence.all()


class PreservationForm(CaseActForm):
    act = "preservation_register"
    intro = (
        "证据可能灭失或者以后难以取得的，经机关负责人批准，可以先行登记保存，并在七个工作日内作出处理决定；"
        "保存期间当事人或者有关人员不得销毁或者转移证据（行政处罚法第五十六条）。"
    )
    evidence = forms.ModelChoiceField(label="证据", queryset=None)
    reasons = forms.CharField(label="证据可能灭失或者以后难以取得的情况", widget=TEXT)
    holder = forms.CharField(label="保存地点或保管人")
    approved_by = forms.ModelChoiceField(label="批准的机关负责人", queryset=None)
    approved_on = forms.DateField(label="批准日期")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].queryset = self.case.evidence.all()
        self.fields["approved_by"].queryset = User.objects.filter(
            agency_id=self.case.agency_id, role=Role.HEAD, is_active=True
        ).order_by("pk")
        self.fields["approved_on"].initial = clock.today()


class PreservationDecisionForm(CaseActForm):
    act = "preservation_decide"
    intro = "先行登记保存的证据，应当在七个工作日内作出处理决定：作为证据依法处理，或者解除先行登记保存（行政处罚法第五十六条）。"
    preservation = forms.ModelChoiceField(label="先行登记保存的证据", queryset=None)
    decision = forms.ChoiceField(label="处理决定", choices=Preservation.Decision.choices)
    note = forms.CharField(label="说明", widget=TEXT, required=False)
    late_reason = forms.CharField(label="逾期作出处理决定的原因", widget=TEXT, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preservation"].queryset = self.case.preservations.filter(decided_on__isnull=True).select_related(
            "evidence"
        )


class RelativeForm(CaseActForm):
    act = "relative_record"
    intro = "当事人的亲属与当事人区别对待，特别保护老人和未成年子女；亲属信息一律不公开（D5.6）。"
    name = forms.CharField(label="姓名")
    relation = forms.CharField(label="与当事人关系")
    age_group = forms.ChoiceField(label="年龄段", choices=Relative.AgeGroup.choices)
    circumstances = forms.CharField(label="生活状况与需要", widget=TEXT, required=False)
    arrangement = forms.CharField(label="采取的保护措施", widget=TEXT, required=False)


# Circumstances recorded for discretion, named as the discretion engine names its facts.
CIRCUMSTANCES = (
    ("first_offence", "初次违法"),
    ("minor", "违法行为轻微"),
    ("corrected", "及时改正"),
    ("eliminated_harm", "主动消除或者减轻危害后果"),
    ("cooperation", "配合调查、如实陈述"),
    ("coerced", "受他人胁迫或者诱骗"),
    ("intent", "故意违法"),
    ("egregious", "情节恶劣"),
    ("refused_correction", "拒不改正"),
    ("obstruction", "阻碍调查"),
)


HARM = [
    ("", "—"),
    ("none", "没有造成危害后果"),
    ("minor", "危害后果轻微"),
    ("ordinary", "造成一般危害后果"),
    ("serious", "造成严重危害后果"),
    ("especially_serious", "造成特别严重危害后果"),
]


VULNERABLE = [("", "—"), ("disabled", "残疾人"), ("laid_off", "下岗职工"), ("migrant_worker", "进城务工人员")]


class ReportForm(TermsMixin, CaseActForm):
    act = "report_submit"
    intro = "依据须是在违法行为发生时有效的法律、法规或者规章的条文，不得以其他规范性文件为依据（D3.10a）。"
    facts = forms.CharField(label="认定的违法事实", widget=LONG)
    evidence_summary = forms.CharField(label="证据", widget=TEXT)
    outcome = forms.ChoiceField(label="处理意见", choices=Outcome.choices)
    reasons = forms.CharField(label="理由（含裁量说明）", widget=TEXT)
    basis_articles = ArticleChoice(label="依据条文", queryset=None, required=False)
    prior_violations = forms.IntegerField(label="此前同类违法次数", min_value=0, initial=0)
    departure_reasons = forms.CharField(
        label="偏离裁量基准的理由",
        widget=TEXT,
        required=False,
        help_text="处理意见偏离裁量基准建议档次的，须书面说明理由，并送法制审核（D3.6）",
    )
    lenient_new_law = forms.BooleanField(label="适用处罚较轻的新规定（从旧兼从轻）", required=False)
    lenient_reason = forms.CharField(label="适用新规定的理由", required=False)
    major_public_interest = forms.BooleanField(label="涉及重大公共利益", required=False)
    complex_case = forms.BooleanField(label="案情疑难复杂、涉及多个法律关系", required=False)
    law_requires_review = forms.BooleanField(label="法律、法规规定应当法制审核", required=False)
    major_violation = forms.BooleanField(label="情节复杂或者重大违法行为", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["basis_articles"].queryset = articles()
        if self.case.violation_item_id:
            self.fields["basis_articles"].initial = list(
                self.case.violation_item.penalty_articles.values_list("pk", flat=True)
            )
        for name, label in CIRCUMSTANCES:
            self.fields[f"c_{name}"] = forms.BooleanField(label=f"情节：{label}", required=False)
        self.fields["c_harm"] = forms.ChoiceField(label="危害后果", choices=HARM, required=False)
        self.fields["c_vulnerable_status"] = forms.ChoiceField(label="当事人属于", choices=VULNERABLE, required=False)
        self.fields["c_illegal_income"] = forms.DecimalField(
            label="违法所得（元）", required=False, min_value=0, decimal_places=2, max_digits=14
        )
        self.add_terms()
        for name in ("major_public_interest", "complex_case", "law_requires_review", "major_violation"):
            self.fields[name].initial = getattr(self.case, name)
        self.order_fields([f for f in self.fields if f != "on"] + ["on"])

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["terms"] = self.pop_terms(data)
        circumstances = {name: True for name, _ in CIRCUMSTANCES if data.pop(f"c_{name}", False)}
        for name in ("harm", "vulnerable_status", "illegal_income"):
            value = data.pop(f"c_{name}", None)
            if value not in (None, ""):
                circumstances[name] = value
        circumstances["prior_violations"] = data.pop("prior_violations") or 0
        data["circumstances"] = circumstances
        return data


class ReopenForm(ReasonForm):
    act = "investigation_reopen"
