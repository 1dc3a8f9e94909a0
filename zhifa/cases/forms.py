"""One form per act of the case procedure. A form parses what the person typed (lines into
points, "日期 金额" lines into instalments, penalty fields into terms) and names its
service; the service checks every rule. Field names are the ones the rules report, so a
refusal shows beside the field it is about."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms

from zhifa.cases import facts
from zhifa.cases.models import (
    CustodyEvent,
    Defence,
    DefencePoint,
    Evidence,
    Inspection,
    Outcome,
    PaymentPlan,
    PenaltyTerms,
    Recusal,
    Relative,
    Reminder,
    ServiceMethod,
    Source,
)
from zhifa.core import clock
from zhifa.core.forms import DateTimeInput, ZhifaForm

YES_NO = [("1", "是"), ("0", "否")]
TEXT = forms.Textarea(attrs={"rows": 3})
LONG = forms.Textarea(attrs={"rows": 6})


def _officers(case):
    from zhifa.people.models import Officer

    return Officer.objects.filter(agency_id=case.agency_id, active=True).order_by("name")


def _articles():
    from zhifa.law.models import Article

    return Article.objects.select_related("basis").order_by("basis__title", "number")


def _parties():
    from zhifa.parties.models import Party

    return Party.objects.order_by("name")


def _items():
    from zhifa.law.models import ViolationItem

    return ViolationItem.objects.order_by("code")


def _places():
    from zhifa.org.models import Government

    return Government.objects.order_by("division_code")


class ArticleChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        level = "（规范性文件）" if not obj.basis.may_ground else ""
        return f"{obj}{level}"


class CaseActForm(ZhifaForm):
    """A form for one act on ``case`` by ``user``. ``act`` names the service."""

    act = ""
    intro = ""
    on = forms.DateField(label="办理日期", help_text="实际办理的日期，不得晚于今天")

    def __init__(self, *args, case=None, user=None, **kwargs):
        self.case, self.user = case, user
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = clock.today()
        # "on" goes last: the date is the least interesting field of an act.
        self.order_fields([f for f in self.fields if f != "on"] + ["on"])

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class TermsMixin:
    """The penalty fields (行政处罚法第九条), grouped as ``terms`` for the service."""

    TERM_FIELDS = PenaltyTerms.TERM_FIELDS

    def add_terms(self, initial: dict | None = None):
        initial = initial or {}
        self.fields["warning"] = forms.BooleanField(label="警告", required=False)
        self.fields["fine"] = forms.DecimalField(
            label="罚款（元）", required=False, min_value=0, decimal_places=2, max_digits=14
        )
        self.fields["confiscation"] = forms.DecimalField(
            label="没收违法所得、非法财物（元）", required=False, min_value=0, decimal_places=2, max_digits=14
        )
        for name, label in (
            ("qualification_downgrade", "降低资质等级"),
            ("licence_revocation", "吊销许可证件"),
            ("suspension", "责令停产停业"),
            ("closure", "责令关闭"),
            ("practice_restriction", "限制从业"),
        ):
            self.fields[name] = forms.BooleanField(label=label, required=False)
        for name in self.TERM_FIELDS:
            if initial.get(name) is not None:
                self.fields[name].initial = initial[name]

    def pop_terms(self, data: dict) -> dict:
        return {name: data.pop(name) for name in self.TERM_FIELDS if name in data}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


# --- creating a case --------------------------------------------------------------------


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
        self.fields["party"].queryset = _parties()
        self.fields["violation_item"].queryset = _items()
        self.fields["place"].queryset = _places()
        self.fields["received_on"].initial = clock.today()


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
        self.fields["party"].queryset = _parties()
        self.fields["violation_item"].queryset = _items()
        self.fields["place"].queryset = _places()
        self.fields["basis_articles"].queryset = _articles()
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


# --- clue and filing --------------------------------------------------------------------


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
        self.fields["party"].queryset = _parties()
        self.fields["violation_item"].queryset = _items()
        self.fields["place"].queryset = _places()
        self.fields["investigators"].queryset = _officers(c)
        self.fields["lead_officer"].queryset = _officers(c)
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


class RefuseForm(CaseActForm):
    act = "filing_refuse"
    reason = forms.CharField(label="不予立案的理由", widget=TEXT)
    late_reason = forms.CharField(label="逾期决定的原因", required=False)


class TransferForm(CaseActForm):
    act = "transfer_out"
    intro = "对无管辖权的线索或案件，以书面移送函移送有管辖权的机关；接收机关不得拒绝，并书面函告处理结果（D3.4）。"
    to_agency = forms.ModelChoiceField(label="接收机关", queryset=None)
    reasons = forms.CharField(label="移送理由", widget=TEXT)
    materials = forms.CharField(label="移送材料清单", widget=TEXT)

    def __init__(self, *args, **kwargs):
        from zhifa.org import competence
        from zhifa.org.models import Agency

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


class AssignForm(CaseActForm):
    act = "officer_assign"
    officer = forms.ModelChoiceField(label="执法人员", queryset=None)
    lead = forms.BooleanField(label="担任主办人", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = _officers(self.case)


class RecusalApplyForm(CaseActForm):
    act = "recusal_apply"
    officer = forms.ModelChoiceField(label="申请回避的执法人员", queryset=None)
    applicant = forms.ChoiceField(label="申请方式", choices=Recusal.Applicant.choices)
    grounds = forms.CharField(label="回避理由", widget=TEXT)

    def __init__(self, *args, **kwargs):
        from zhifa.people.models import Officer

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


# --- investigation ---------------------------------------------------------------------


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
        self.fields["officers"].queryset = _officers(self.case)
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
        self.fields["basis_articles"].queryset = _articles()
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


class ReasonForm(CaseActForm):
    reason = forms.CharField(label="理由", widget=TEXT)


class ReopenForm(ReasonForm):
    act = "investigation_reopen"


class TerminateForm(ReasonForm):
    act = "terminate"


class JudiciaryForm(ReasonForm):
    act = "judiciary_transfer"
    intro = "写明涉嫌犯罪的事实和接收移送的司法机关。"


# --- notice, defences, hearings --------------------------------------------------------


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
        from zhifa.cases import rules

        super().__init__(*args, **kwargs)
        self.fields["basis_articles"].queryset = _articles()
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


class ServeForm(CaseActForm):
    method = forms.ChoiceField(label="送达方式", choices=ServiceMethod.choices)
    served_to = forms.CharField(label="受送达人")


class NoticeServeForm(ServeForm):
    act = "notice_serve"
    intro = "自送达之日起计算陈述、申辩和要求听证的期限。"


class DecisionServeForm(ServeForm):
    act = "decision_serve"
    intro = "决定书应当在决定后七个工作日内送达；自送达之日起十五日内缴纳罚没款。"
    late_reason = forms.CharField(label="逾期送达的原因", required=False)


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
        data["points"] = _lines(data["points"])
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
    form = forms.ChoiceField(label="要求方式", choices=[("written", "书面"), ("oral", "口头")])


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
        self.fields["chair"].queryset = _officers(self.case).exclude(case_roles__case=self.case).distinct()
        self.fields["notified_on"].initial = clock.today()


class HearingRecordForm(CaseActForm):
    act = "hearing_record"
    transcript = forms.CharField(label="听证笔录", widget=LONG)
    party_attended = forms.BooleanField(label="当事人出席", required=False, initial=True)
    points = forms.CharField(label="当事人在听证中提出的事实、理由和证据（每行一项）", widget=TEXT, required=False)
    on = forms.DateField(label="举行日期")

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["points"] = _lines(data["points"])
        return data


class HearingWithdrawForm(CaseActForm):
    act = "hearing_withdraw"
    statement = forms.CharField(label="撤回听证要求的书面声明", widget=TEXT)


# --- decision ----------------------------------------------------------------------------


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
        self.fields["basis_articles"].queryset = _articles()
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


# --- execution ---------------------------------------------------------------------------


class PaymentPlanForm(CaseActForm):
    act = "payment_plan"
    intro = "当事人确有经济困难的，经申请和批准，可以暂缓或者分期缴纳（行政处罚法第六十六条）。"
    kind = forms.ChoiceField(label="方式", choices=[c for c in PaymentPlan.Kind.choices if c[0] != "standard"])
    applied_on = forms.DateField(label="当事人申请日期")
    reason = forms.CharField(label="经济困难的情况", widget=TEXT)
    instalments = forms.CharField(label="各期期限和金额（每行“2026-12-31 1000”）", widget=TEXT)

    def clean_instalments(self):
        rows = []
        for line in _lines(self.cleaned_data["instalments"]):
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
        label="方式", choices=[("bank", "到指定银行缴纳"), ("electronic", "通过电子支付系统缴纳")]
    )
    bank = forms.CharField(label="收款银行或支付系统")
    receipt_number = forms.CharField(label="缴款凭证号")


class HandoverForm(CaseActForm):
    act = "on_spot_handover"
    late_reason = forms.CharField(label="逾期交付的原因", required=False)


class ReminderForm(CaseActForm):
    act = "reminder_serve"
    intro = "以电话、书面或走访再次告知当事人必须履行的义务及不履行的法律后果，并记录（D3.9b）。"
    method = forms.ChoiceField(label="方式", choices=Reminder.Method.choices)
    content = forms.CharField(label="催告内容（义务、期限、方式、金额、后果、陈述申辩权）", widget=TEXT)
    record = forms.CharField(label="记录（通话记录、送达回证或走访记录）", widget=TEXT)
    performance_due_on = forms.DateField(label="催告的履行期限")


class CompelForm(CaseActForm):
    act = "compulsory_execute"
    measures = forms.CharField(label="强制执行方式", widget=TEXT)
    document_number = forms.CharField(label="强制执行决定书文号", required=False)


class CourtForm(CaseActForm):
    act = "court_apply"
    court = forms.CharField(label="人民法院")
    measures = forms.CharField(label="申请执行的事项", widget=TEXT)


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


class FollowUpForm(CaseActForm):
    act = "followup_record"
    method = forms.ChoiceField(
        label="方式", choices=[("visit", "上门回访"), ("phone", "电话回访"), ("letter", "书面回访")]
    )
    findings = forms.CharField(label="履行和整改情况", widget=TEXT)
    problems = forms.CharField(label="当事人反映的问题和困难", widget=TEXT, required=False)
    response = forms.CharField(label="解决或解释情况", widget=TEXT, required=False)


class CloseForm(CaseActForm):
    act = "close"
    intro = "卷内材料齐全方可结案（D6.2a）。"


class ArchiveForm(CaseActForm):
    act = "archive"
    retention = forms.ChoiceField(label="保管期限", choices=[("长期", "长期"), ("永久", "永久"), ("30年", "30年")])


FORMS = {
    cls.act: cls
    for cls in [
        FilingProposeForm,
        ApproveForm,
        RefuseForm,
        TransferForm,
        TransferAnswerForm,
        AssignForm,
        RecusalApplyForm,
        RecusalDecideForm,
        InspectionForm,
        EvidenceForm,
        CustodyForm,
        RelativeForm,
        ReportForm,
        ReopenForm,
        NoticeForm,
        NoticeServeForm,
        WaiverForm,
        DefenceForm,
        DefenceReviewForm,
        HearingRequestForm,
        HearingScheduleForm,
        HearingRecordForm,
        HearingWithdrawForm,
        SubmitForm,
        LegalReviewForm,
        DiscussionForm,
        ExtensionForm,
        DecideForm,
        JudiciaryForm,
        TerminateForm,
        DecisionServeForm,
        PaymentPlanForm,
        PaymentForm,
        HandoverForm,
        ReminderForm,
        CompelForm,
        CourtForm,
        EnforcementResultForm,
        ExecutionCompleteForm,
        FollowUpForm,
        CloseForm,
        ArchiveForm,
    ]
}
