"""Pages of supervision: the alert board and the cases behind each alert, discretion
consistency, 督办 and the parties' ratings. Each view calls one selector or service."""

from __future__ import annotations

from django.urls import reverse
from django.views.generic import TemplateView

from zhifa.accounts.access import has_role, scope
from zhifa.accounts.models import Role, User
from zhifa.cases import selectors as case_selectors
from zhifa.core import clock
from zhifa.core.errors import DomainError, invalid
from zhifa.core.web import ActPage, DetailPage, ListPage, PublicDetailPage, PublicListPage, StaffPage
from zhifa.law.models import Cleanup
from zhifa.org.models import Agency, Government
from zhifa.oversight import alerts, dashboard, export, filters, forms, implementation, selectors, services
from zhifa.oversight.models import CORRECTING, Dimension, Lawsuit
from zhifa.oversight.review import prefilled_scores as review_prefill
from zhifa.people.models import Officer


class RecordAct(ActPage):
    """A form acting on one record, found through its scoped ``getter`` (selector) on
    the path's ``pk``: "not found" before the form shows when the record is out of scope."""

    getter = None

    def record(self):
        if not hasattr(self, "_record"):
            self._record = type(self).getter(self.request.user, self.kwargs["pk"])
        return self._record

    def get(self, request, *args, **kwargs):
        self.record()
        return super().get(request, *args, **kwargs)


class AlertBoard(StaffPage, TemplateView):
    title = "监督预警"
    template_name = "oversight/alerts.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        counts = selectors.alert_counts(self.request.user)
        ctx["groups"] = [(g, [c for c in counts if c.kind.group == g]) for g in alerts.GROUPS]
        ctx["total"] = sum(c.count for c in counts)
        ctx["today"] = clock.today()
        ctx["agency_alerts"] = [
            (implementation.OVERDUE_ALERT, len(implementation.overdue(self.request.user, ctx["today"])))
        ]
        return ctx


class AlertCases(ListPage):
    headers = ["案号", "办案机关", "当事人", "违法行为", "状态", "期限", ""]
    row_template = "oversight/rows/alert_case.html"
    template_name = "oversight/alert_cases.html"
    empty_text = "没有触发该预警的案件。"

    def dispatch(self, request, *args, **kwargs):
        self.kind = selectors.alert_kind(kwargs["code"])
        return super().dispatch(request, *args, **kwargs)

    def get_title(self) -> str:
        return self.kind.label

    def get_breadcrumbs(self):
        return [("监督预警", reverse("oversight:alerts")), (self.kind.label, None)]

    def get_queryset(self):
        return selectors.alert_cases(self.request.user, self.kind.code).prefetch_related(
            "payments", "payment_plans__instalments"
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        on = clock.today()
        ctx["rows"] = [
            case_selectors.Row(c, case_selectors.next_of(c), case_selectors.deadline_of(c, on)) for c in ctx["rows"]
        ]
        ctx["kind"] = self.kind
        ctx["may_supervise"] = has_role(self.request.user, Role.LEGAL_OFFICE)
        return ctx


class Consistency(StaffPage, TemplateView):
    title = "裁量一致性：同一违法行为的罚款"
    template_name = "oversight/consistency.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        by = "officer" if self.request.GET.get("by") == "officer" else "agency"
        ctx.update(
            by=by,
            rows=selectors.fine_spread(self.request.user, by=by),
            ratio=alerts.SPREAD_RATIO,
            window=alerts.SERIES_WINDOW_DAYS,
        )
        return ctx


# --- 督办 -------------------------------------------------------------------------------


class NoticeList(ListPage):
    title = "督办"
    headers = ["督办编号", "被督办机关", "督办事项", "督办日期", "答复期限", "状态"]
    row_template = "oversight/rows/notice.html"
    filterset_class = filters.NoticeFilter
    create_label = "发出督办"

    def get_queryset(self):
        return selectors.notice_list(self.request.user)

    def get_create_url(self):
        return reverse("oversight:notice_create") if has_role(self.request.user, Role.LEGAL_OFFICE) else None

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["today"] = clock.today()
        return ctx


class NoticeDetail(DetailPage):
    template_name = "oversight/notice_detail.html"

    def get_object(self):
        return selectors.notice_get(self.request.user, self.kwargs["pk"])

    def get_breadcrumbs(self):
        return [("督办", reverse("oversight:notice_list")), (str(self.object), None)] if hasattr(self, "object") else []

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        n, user, today = self.object, self.request.user, clock.today()
        ctx.update(
            today=today,
            overdue=n.answered_on is None and today > n.due_on,
            may_answer=n.answered_on is None and has_role(user, Role.HEAD),
            may_escalate=n.answered_on is None
            and n.escalated_on is None
            and today > n.due_on
            and has_role(user, Role.LEGAL_OFFICE),
            alert=alerts.BY_CODE.get(n.alert_code),
        )
        return ctx


class NoticeCreate(ActPage):
    title = "发出督办"
    form_class = forms.NoticeForm
    success_message = "督办已发出。"
    intro = "政府法制机构对行政执法责任制工作加强统筹协调和监督检查（《决定》六（一））：写明发现的问题、整改要求和答复期限。"

    def _case(self):
        pk = self.request.GET.get("case")
        if not (pk and pk.isdigit()):
            return None
        return case_selectors.case_get(self.request.user, pk)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.request.user.is_authenticated:
            kwargs["agencies"] = scope(Agency.objects.order_by("name"), self.request.user, "pk")
        return kwargs

    def get_initial(self):
        initial = {"due_on": clock.today()}
        case = self._case()
        kind = alerts.BY_CODE.get(self.request.GET.get("alert", ""))
        if case is not None:
            initial.update(agency=case.agency_id, subject=f"{case.number}：{kind.label if kind else '督办'}")
            if kind:
                initial["requirement"] = f"{kind.description}请查明原因、依法办理，并书面答复整改情况。"
        return initial

    def perform(self, form):
        data = form.cleaned_data
        return services.supervision_issue(
            actor=self.request.user,
            agency=data["agency"],
            subject=data["subject"],
            requirement=data["requirement"],
            due_on=data["due_on"],
            case=self._case(),
            alert_code=self.request.GET.get("alert", "") if self.request.GET.get("alert") in alerts.BY_CODE else "",
        )


class _NoticeAct(RecordAct):
    getter = staticmethod(selectors.notice_get)

    def get_notice(self):
        return self.record()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["breadcrumbs"] = [
            ("督办", reverse("oversight:notice_list")),
            (str(self.get_notice()), self.get_notice().get_absolute_url()),
            (self.title, None),
        ]
        return ctx


class NoticeAnswer(_NoticeAct):
    title = "答复督办"
    form_class = forms.AnswerForm
    success_message = "督办已答复。"

    def perform(self, form):
        return services.supervision_answer(
            actor=self.request.user, notice=self.get_notice(), answer=form.cleaned_data["answer"]
        )


class NoticeEscalate(_NoticeAct):
    title = "升级督办"
    form_class = forms.EscalateForm
    success_message = "已升级督办。"

    def perform(self, form):
        return services.supervision_escalate(
            actor=self.request.user, notice=self.get_notice(), note=form.cleaned_data["note"]
        )


# --- ratings ----------------------------------------------------------------------------


class RatingList(ListPage):
    title = "当事人评价"
    headers = ["评价日期", "机关", "案件", "评价对象", "评分", "意见"]
    row_template = "oversight/rows/rating.html"
    template_name = "oversight/rating_list.html"

    def get_queryset(self):
        return selectors.rating_list(self.request.user)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["summary"] = selectors.rating_summary(self.request.user)
        return ctx


# --- case-file review -------------------------------------------------------------------


class RoundList(ListPage):
    title = "案卷评查"
    headers = ["评查", "年度", "方式", "随机种子", "案卷总数", "抽取", "已评查", "平均分"]
    row_template = "oversight/rows/round.html"
    create_label = "开始评查"

    def get_queryset(self):
        return selectors.round_list(self.request.user)

    def get_create_url(self):
        return reverse("oversight:round_create") if has_role(self.request.user, Role.LEGAL_OFFICE, Role.HEAD) else None


class RoundCreate(ActPage):
    title = "开始案卷评查"
    form_class = forms.RoundForm
    success_message = "评查已开始：抽中的案卷已按记录预填问题，请逐件评查。"
    intro = "执法机关每年评查本机关的案卷，政府法制机构每年抽查（《决定》六（二））。抽查的随机种子随评查公开，任何人可以重现样本。"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        user = self.request.user
        if user.is_authenticated:
            kwargs["agencies"] = scope(Agency.objects.order_by("name"), user, "pk")
            kwargs["kinds"] = (
                ["self"] if user.role == Role.HEAD else ["spot"] if user.role == Role.LEGAL_OFFICE else None
            )
        return kwargs

    def get_initial(self):
        user = self.request.user
        initial = {"year": clock.today().year - 1, "sample_size": 5}
        if user.is_authenticated and user.role == Role.HEAD:
            initial.update(agency=user.agency_id, kind="self", sample_size=None)
        elif user.is_authenticated:
            initial["kind"] = "spot"
        return initial

    def perform(self, form):
        return services.review_round_open(actor=self.request.user, **form.cleaned_data)


class RoundDetail(DetailPage):
    template_name = "oversight/round_detail.html"

    def get_object(self):
        return selectors.round_get(self.request.user, self.kwargs["pk"])

    def get_breadcrumbs(self):
        return (
            [("案卷评查", reverse("oversight:round_list")), (str(self.object), None)] if hasattr(self, "object") else []
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["reviews"] = selectors.round_reviews(self.object)
        return ctx


class ReviewDetail(DetailPage):
    template_name = "oversight/review_detail.html"

    def get_object(self):
        return selectors.review_get(self.request.user, self.kwargs["pk"])

    def get_breadcrumbs(self):
        if not hasattr(self, "object"):
            return []
        rnd = self.object.round
        return [
            ("案卷评查", reverse("oversight:round_list")),
            (str(rnd), rnd.get_absolute_url()),
            (str(self.object.case), None),
        ]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        r, user = self.object, self.request.user
        ctx["dimensions"] = [(label, getattr(r, code)) for code, label in Dimension.choices]
        ctx["may_review"] = r.completed_on is None and has_role(
            user, *((Role.LEGAL_OFFICE,) if r.round.kind == "spot" else (Role.HEAD, Role.REVIEWER))
        )
        ctx["may_open_matter"] = r.completed_on is not None and has_role(user, Role.LEGAL_OFFICE, Role.SUPERVISOR)
        ctx["matters"] = r.matters.all()
        return ctx


class ReviewComplete(ActPage):
    title = "评查案卷"
    form_class = forms.ReviewForm
    success_message = "评查结果已保存。"
    intro = "案件应当做到主体合格、程序合法、事实清楚、证据确凿、适法得当（《决定》六（二））。平台已按记录预填问题，请阅卷确认并补充，逐项评分。"

    def get_review(self):
        if not hasattr(self, "_review"):
            self._review = selectors.review_get(self.request.user, self.kwargs["pk"])
        return self._review

    def get(self, request, *args, **kwargs):
        self.get_review()
        return super().get(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["review"] = self.get_review()
        return kwargs

    def get_initial(self):
        r = self.get_review()
        return {"confirmed": [f["code"] for f in r.prefilled], **review_prefill(r.prefilled)}

    def perform(self, form):
        data = dict(form.cleaned_data)
        return services.case_review_complete(
            actor=self.request.user,
            review=self.get_review(),
            scores={d: data.get(d) for d in Dimension.values},
            confirmed=data["confirmed"],
            added=data["added"],
        )


# --- accountability ---------------------------------------------------------------------


class MatterList(ListPage):
    title = "执法过错责任追究"
    headers = ["编号", "机关", "案件", "问题来源", "责任人员", "立项日期", "状态"]
    row_template = "oversight/rows/matter.html"

    def get_queryset(self):
        return selectors.matter_list(self.request.user).order_by("-opened_on", "-pk")


class MatterCreate(ActPage):
    title = "立项追究执法过错责任"
    form_class = forms.MatterForm
    success_message = "已立项。"
    intro = "对行政违法案件必须查明原因、分清责任、严肃处理（《决定》六（三））。"

    def _review(self):
        pk = self.request.GET.get("review", "")
        return selectors.review_get(self.request.user, pk) if pk.isdigit() else None

    def _case(self):
        review = self._review()
        if review is not None:
            return review.case
        pk = self.request.GET.get("case", "")
        return case_selectors.case_get(self.request.user, pk) if pk.isdigit() else None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        case = self._case() if self.request.user.is_authenticated else None
        if case is not None:
            kwargs["officers"] = Officer.objects.filter(agency_id=case.agency_id).order_by("name")
        return kwargs

    def get_initial(self):
        review = self._review() if self.request.user.is_authenticated else None
        if review is None:
            return {"origin": "review"}
        found = "；".join(f"{f['label']}：{f['detail']}" for f in review.confirmed)
        return {"origin": "review", "fault": f"{review.case}：{found or review.added}"}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if self.request.user.is_authenticated and self._case() is None:
            ctx["intro"] = "请从评查记录或案件页面立项（地址中带 review= 或 case=）。" + self.intro
        return ctx

    def perform(self, form):
        case = self._case()
        if case is None:
            raise invalid("请从评查记录或案件页面立项。", field="origin")
        data = form.cleaned_data
        return services.matter_open(
            actor=self.request.user,
            origin=data["origin"],
            case=case,
            fault=data["fault"],
            officers=list(data["officers"]),
            review=self._review(),
        )


class MatterDetail(DetailPage):
    template_name = "oversight/matter_detail.html"

    def get_object(self):
        return selectors.matter_get(self.request.user, self.kwargs["pk"])

    def get_breadcrumbs(self):
        return (
            [("执法过错责任追究", reverse("oversight:matter_list")), (str(self.object), None)]
            if hasattr(self, "object")
            else []
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        may = has_role(self.request.user, Role.LEGAL_OFFICE, Role.SUPERVISOR)
        ctx["may_decide"] = may and self.object.state == "open"
        ctx["may_publish"] = may and self.object.state == "decided"
        return ctx


class _MatterAct(RecordAct):
    getter = staticmethod(selectors.matter_get)

    def get_matter(self):
        return self.record()


class MatterDecide(_MatterAct):
    title = "作出追责处理"
    form_class = forms.MatterDecideForm
    success_message = "处理结果已登记。"
    intro = "违法行政的执法人员必须过错追究；造成严重后果的对行政首长问责；不适合继续执法的由政府法制机构吊销证件，所在机关调离执法岗位；造成损失的依法赔偿（《决定》六（三））。"

    def perform(self, form):
        return services.matter_decide(actor=self.request.user, matter=self.get_matter(), **form.cleaned_data)


class MatterPublish(_MatterAct):
    title = "公开追责结果"
    form_class = forms.MatterPublishForm
    success_message = "结果已向社会公开。"

    def get_initial(self):
        m = self.get_matter()
        names = "、".join(o.name for o in m.officers.all())
        return {"public_summary": f"{m.agency.name}执法人员{names}：{m.fault}\n处理结果：{m.sanction}"}

    def perform(self, form):
        return services.matter_publish(
            actor=self.request.user, matter=self.get_matter(), public_summary=form.cleaned_data["public_summary"]
        )


class PublicMatterList(PublicListPage):
    title = "执法过错责任追究结果"
    headers = ["编号", "执法机关", "公开日期", "处理结果"]
    row_template = "oversight/rows/public_matter.html"
    empty_text = "尚无公开的追责结果。"

    def get_queryset(self):
        return selectors.published_matters()


class PublicMatterDetail(PublicDetailPage):
    template_name = "oversight/public_matter_detail.html"

    def get_object(self):
        return selectors.published_matter_get(self.kwargs["pk"])


# --- reconsideration and litigation -----------------------------------------------------


def _decided_cases(user):
    return case_selectors.case_list(user).filter(decision__isnull=False)


class RemedyList(ListPage):
    """Reconsiderations or lawsuits, with the agencies whose heads owe an appearance (D6.6)."""

    template_name = "oversight/remedy_list.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["shortfalls"] = selectors.appearance_shortfalls(self.request.user)
        ctx["year"] = clock.today().year
        return ctx

    def get_create_url(self):
        return reverse(self.create_name) if has_role(self.request.user, Role.LEGAL_OFFICE, Role.HEAD) else None


class ReconsiderationList(RemedyList):
    title = "行政复议"
    headers = ["复议案号", "被申请人", "案件", "申请日期", "受理", "决定", "纠正"]
    row_template = "oversight/rows/reconsideration.html"
    create_label = "登记复议申请"
    create_name = "oversight:reconsideration_create"

    def get_queryset(self):
        return selectors.reconsideration_list(self.request.user)


class LawsuitList(RemedyList):
    title = "行政诉讼"
    headers = ["案号", "被告", "案件", "人民法院", "立案日期", "裁判结果", "纠正"]
    row_template = "oversight/rows/lawsuit.html"
    create_label = "登记行政诉讼"
    create_name = "oversight:lawsuit_create"

    def get_queryset(self):
        return selectors.lawsuit_list(self.request.user)


class _RemedyDetail(DetailPage):
    template_name = "oversight/remedy_detail.html"
    list_name = ""
    list_label = ""

    def get_breadcrumbs(self):
        return [(self.list_label, reverse(self.list_name)), (str(self.object), None)] if hasattr(self, "object") else []

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        o, user = self.object, self.request.user
        office, head = has_role(user, Role.LEGAL_OFFICE), has_role(user, Role.HEAD)
        lawsuit = isinstance(o, Lawsuit)
        acts = []
        if lawsuit:
            if o.judged_on is None and (office or head):
                acts.append(("登记裁判结果", "oversight:lawsuit_judge"))
        else:
            if o.accepted is None and office:
                acts.append(("受理或不予受理", "oversight:reconsideration_accept"))
            if o.accepted and o.decided_on is None and office:
                acts.append(("作出复议决定", "oversight:reconsideration_decide"))
        if o.outcome in CORRECTING and o.corrected_on is None and (office or head):
            acts.append(
                ("登记纠正情况", "oversight:lawsuit_correct" if lawsuit else "oversight:reconsideration_correct")
            )
        if office or head:
            acts.append(
                (
                    "登记负责人出庭",
                    "oversight:lawsuit_appearance" if lawsuit else "oversight:reconsideration_appearance",
                )
            )
        ctx.update(acts=acts, lawsuit=lawsuit, appearances=o.appearances.select_related("head"))
        return ctx


class ReconsiderationDetail(_RemedyDetail):
    list_name, list_label = "oversight:reconsideration_list", "行政复议"

    def get_object(self):
        return selectors.reconsideration_get(self.request.user, self.kwargs["pk"])


class LawsuitDetail(_RemedyDetail):
    list_name, list_label = "oversight:lawsuit_list", "行政诉讼"

    def get_object(self):
        return selectors.lawsuit_get(self.request.user, self.kwargs["pk"])


class ReconsiderationCreate(ActPage):
    title = "登记行政复议申请"
    form_class = forms.ReconsiderationForm
    success_message = "复议申请已登记。"
    intro = (
        "自知道该行政行为之日起六十日内申请（行政复议法第二十条）；复议期间加处罚款不予计算（行政处罚法第七十三条）。"
    )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.request.user.is_authenticated:
            kwargs["cases"] = _decided_cases(self.request.user)
        return kwargs

    def perform(self, form):
        return services.reconsideration_record(actor=self.request.user, **form.cleaned_data)


class LawsuitCreate(ReconsiderationCreate):
    title = "登记行政诉讼"
    form_class = forms.LawsuitForm
    success_message = "行政诉讼已登记。"
    intro = "机关被诉的，负责人每年出庭应诉不少于一次（《决定》六（六））。"

    def perform(self, form):
        return services.lawsuit_record(actor=self.request.user, **form.cleaned_data)


class _RemedyAct(RecordAct):
    def get_item(self):
        return self.record()

    def get_initial(self):
        today = clock.today()
        return {"on": today, "decided_on": today, "judged_on": today}


class ReconsiderationAccept(_RemedyAct):
    title, form_class, getter = "受理或不予受理", forms.AcceptForm, staticmethod(selectors.reconsideration_get)

    def perform(self, form):
        return services.reconsideration_accept(actor=self.request.user, item=self.get_item(), **form.cleaned_data)


class ReconsiderationDecide(_RemedyAct):
    title, form_class, getter = "作出复议决定", forms.RemedyDecideForm, staticmethod(selectors.reconsideration_get)

    def perform(self, form):
        return services.reconsideration_decide(actor=self.request.user, item=self.get_item(), **form.cleaned_data)


class ReconsiderationCorrect(_RemedyAct):
    title, form_class, getter = "登记纠正情况", forms.CorrectForm, staticmethod(selectors.reconsideration_get)

    def perform(self, form):
        return services.remedy_correct(actor=self.request.user, item=self.get_item(), **form.cleaned_data)


class LawsuitJudge(_RemedyAct):
    title, form_class, getter = "登记裁判结果", forms.JudgeForm, staticmethod(selectors.lawsuit_get)

    def perform(self, form):
        return services.lawsuit_judge(actor=self.request.user, suit=self.get_item(), **form.cleaned_data)


class LawsuitCorrect(ReconsiderationCorrect):
    getter = staticmethod(selectors.lawsuit_get)


class ReconsiderationAppearance(_RemedyAct):
    title, form_class, getter = "登记负责人出庭", forms.AppearanceForm, staticmethod(selectors.reconsideration_get)
    kind = "reconsideration"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.request.user.is_authenticated:
            kwargs["heads"] = User.objects.filter(role=Role.HEAD, agency_id=self.get_item().agency_id)
        return kwargs

    def perform(self, form):
        services.appearance_record(actor=self.request.user, **form.cleaned_data, **{self.kind: self.get_item()})
        return self.get_item()


class LawsuitAppearance(ReconsiderationAppearance):
    getter = staticmethod(selectors.lawsuit_get)
    kind = "lawsuit"


# --- the dashboard ----------------------------------------------------------------------


class Dashboard(StaffPage, TemplateView):
    title = "执法监督看板"
    template_name = "oversight/dashboard.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "xlsx":
            board = dashboard.charts(request.user, clock.today())
            sheets = [(c.title, ["项目", c.unit], [[b.label, b.count] for b in c.bars]) for c in board]
            sheets.append(
                ("负责人出庭应诉缺项", ["机关"], [[a.name] for a in selectors.appearance_shortfalls(request.user)])
            )
            counts = dashboard.complaint_counts(request.user, clock.today())
            sheets.append(
                (
                    "举报投诉答复用时",
                    ["办理机关", "件数", "已答复", "答复用时中位数（工作日）", "平均（工作日）", "逾期"],
                    [
                        [h.name, h.total, h.answered, h.median_answer_days, h.mean_answer_days, h.overdue]
                        for h in [*counts.by_handler, counts.total]
                    ],
                )
            )
            return export.response("dashboard.xlsx", sheets)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        board = dashboard.charts(self.request.user, clock.today())
        ctx.update(
            charts=board,
            data=dashboard.as_data(board),
            shortfalls=selectors.appearance_shortfalls(self.request.user),
            year=clock.today().year,
            complaint_counts=dashboard.complaint_counts(self.request.user, clock.today()),
            complaint_window=dashboard.COMPLAINT_WINDOW_DAYS,
        )
        return ctx


class DrillDown(ListPage):
    """The rows behind one number of the dashboard: cases, or for the complaint and media
    figures the complaints or media exposures."""

    headers = ["案号", "办案机关", "当事人", "违法行为", "状态", "期限", ""]
    row_template = "oversight/rows/alert_case.html"
    template_name = "oversight/drill.html"

    def get_title(self) -> str:
        return "看板明细"

    def get_breadcrumbs(self):
        return [("执法监督看板", reverse("oversight:dashboard")), ("明细", None)]

    @property
    def metric(self) -> str:
        return self.request.GET.get("metric", "")

    def get_queryset(self):
        g = self.request.GET
        if self.metric in dashboard.COMPLAINT_METRICS:
            return dashboard.complaint_drill(self.request.user, self.metric, g.get("key", ""), clock.today()).order_by(
                "-received_on", "-pk"
            )
        if self.metric in dashboard.MEDIA_METRICS:
            return dashboard.media_drill(self.request.user, self.metric, g.get("key", "")).order_by(
                "-reported_on", "-pk"
            )
        return (
            dashboard.drill(self.request.user, self.metric, g.get("key", ""), clock.today())
            .select_related("agency", "party", "violation_item", "decision")
            .prefetch_related("payments", "payment_plans__instalments")
            .order_by("-received_on", "-pk")
        )

    def _sheet(self):
        if self.metric in dashboard.COMPLAINT_METRICS:
            rows = [
                [
                    c.tracking_number,
                    c.get_kind_display(),
                    c.agency.name if c.agency_id else "政府法制机构",
                    c.get_status_display(),
                    c.received_on,
                    c.due_on,
                    c.answered_on or "",
                ]
                for c in self.get_queryset()
            ]
            return ("举报投诉", ["查询码", "类别", "办理机关", "状态", "收到日期", "答复期限", "答复日期"], rows)
        if self.metric in dashboard.MEDIA_METRICS:
            rows = [
                [m.outlet, m.title, m.agency.name, m.reported_on, m.get_status_display(), m.published_on or ""]
                for m in self.get_queryset()
            ]
            return ("媒体曝光", ["媒体", "报道标题", "被曝光机关", "报道日期", "状态", "结果发布日期"], rows)
        rows = [
            [c.number, c.agency.name, c.party.name if c.party else "", c.get_status_display(), c.received_on]
            for c in self.get_queryset()
        ]
        return ("案件", ["案号", "办案机关", "当事人", "状态", "线索日期"], rows)

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "xlsx":
            return export.response("rows.xlsx", [self._sheet()])
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        on = clock.today()
        if self.metric in dashboard.COMPLAINT_METRICS:
            ctx.update(
                headers=["查询码", "类别", "办理机关", "状态", "收到日期", "答复期限", "答复日期"],
                row_template="oversight/rows/dashboard_complaint.html",
                today=on,
            )
        elif self.metric in dashboard.MEDIA_METRICS:
            ctx.update(
                headers=["媒体", "报道标题", "被曝光机关", "报道日期", "状态"],
                row_template="oversight/rows/dashboard_media.html",
            )
        else:
            ctx["rows"] = [
                case_selectors.Row(c, case_selectors.next_of(c), case_selectors.deadline_of(c, on)) for c in ctx["rows"]
            ]
        ctx["query"] = self.request.GET.urlencode()
        return ctx


# --- evaluation -------------------------------------------------------------------------


class EvaluationList(ListPage):
    title = "考核评议"
    headers = ["年度", "被考核", "得分", "等次", "当事人评价", "纳入年度考核", "考核日期"]
    row_template = "oversight/rows/evaluation.html"
    create_label = "考核评议"

    def get_queryset(self):
        return selectors.evaluation_list(self.request.user)

    def get_create_url(self):
        return (
            reverse("oversight:evaluation_create")
            if has_role(self.request.user, Role.LEGAL_OFFICE, Role.HEAD)
            else None
        )


class EvaluationCreate(ActPage):
    title = "考核评议"
    form_class = forms.EvaluationForm
    success_message = "考核评议结果已登记。"
    intro = (
        "政府考核评议所属执法机关，执法机关考核评议所属执法人员；必须听取行政管理相对人的意见；"
        "结果纳入年度目标考核（《决定》六（四））。平台按记录计算指标（评查得分、被纠正的决定、督办、当事人评价），"
        "罚没款数额从不作为指标（《决定》二（三））。"
    )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        user = self.request.user
        if user.is_authenticated:
            kwargs["agencies"] = scope(Agency.objects.order_by("name"), user, "pk")
            kwargs["officers"] = scope(Officer.objects.order_by("name"), user, "agency")
        return kwargs

    def get_initial(self):
        user = self.request.user
        initial = {"year": clock.today().year - 1, "for_annual_assessment": True}
        if user.is_authenticated and user.agency_id:
            initial["agency"] = user.agency_id
        return initial

    def get_success_url(self):
        return reverse("oversight:evaluation_list")

    def perform(self, form):
        return services.evaluation_record(actor=self.request.user, **form.cleaned_data)


# --- implementation (D3.5, D7, D8) -------------------------------------------------------


def _cn(d) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


class _OwedFilter:
    """The report list's one filter (its rows are derived, not a queryset)."""

    def __init__(self, data):
        self.form = forms.OwedFilterForm(data or None)
        self.state = self.form.cleaned_data["state"] if self.form.is_valid() else ""


class ReportList(ListPage):
    title = "新法实施情况报告"
    headers = ["法律、法规或规章", "施行日期", "报告机关", "应报告日期", "状态", ""]
    row_template = "oversight/rows/owed_report.html"
    empty_text = "没有应当报告的新法实施情况。"

    def get_queryset(self):
        self.flt = _OwedFilter(self.request.GET)
        return implementation.owed(self.request.user, clock.today(), self.flt.state)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["filter"] = self.flt
        ctx["today"] = clock.today()
        ctx["may_report"] = has_role(self.request.user, Role.HEAD)
        return ctx


class ReportCreate(ActPage):
    title = "报告新法实施情况"
    form_class = forms.ImplementationReportForm
    success_message = "实施情况报告已报送本级政府。"
    intro = "行政执法机关必须在新法律、法规和规章实施一年后，向本级政府报告执行情况（《决定》三（五））。"

    def _target(self):
        g = self.request.GET
        b, a = g.get("basis", ""), g.get("agency", "")
        if not (b.isdigit() and a.isdigit()):
            raise invalid("请从应报告的清单中选择一项（地址中带 basis= 和 agency=）。", field="basis")
        owed = {(r.basis.pk, r.agency.pk): r for r in implementation.owed(self.request.user, clock.today())}
        row = owed.get((int(b), int(a)))
        if row is None:
            raise invalid("该机关不负有报告该依据执行情况的义务，或已经报告。", field="basis")
        return row

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        try:
            row = self._target()
            ctx["intro"] = (
                f"{row.agency.name}：{row.basis.title}（{_cn(row.basis.effective_from)}施行，"
                f"应于{_cn(row.due_on)}后报告）。" + self.intro
            )
        except DomainError:  # the form still shows; submitting names the missing choice
            ctx["intro"] = "请从应报告的清单中选择一项。" + self.intro
        return ctx

    def get_success_url(self):
        return reverse("oversight:report_list")

    def perform(self, form):
        row = self._target()
        return services.implementation_report(
            actor=self.request.user, basis=row.basis, agency=row.agency, **form.cleaned_data
        )


class CleanupList(ListPage):
    title = "五项清理"
    headers = ["清理机关", "年度", "清理事项", "报送日期", "状态", "公示日期"]
    row_template = "oversight/rows/cleanup.html"
    filterset_class = filters.CleanupReportFilter
    create_label = "报送清理结果"

    def get_queryset(self):
        return selectors.cleanup_report_list(self.request.user)

    def get_create_url(self):
        return reverse("oversight:cleanup_create") if has_role(self.request.user, Role.HEAD) else None


class CleanupCreate(ActPage):
    title = "报送五项清理结果"
    form_class = forms.CleanupReportForm
    success_message = "清理结果已报送政府法制机构审核。"
    intro = (
        "市级行政执法机关完成本系统执法主体、执法依据、执法权责、执法文书、执法人员的“五项清理”，"
        "报本级政府法制机构审核后向社会公示（《决定》七）。"
    )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        user = self.request.user
        if user.is_authenticated:
            kwargs["agencies"] = scope(Agency.objects.order_by("name"), user, "pk")
            kwargs["cleanups"] = scope(Cleanup.objects.filter(agency__isnull=False).order_by("-started_on"), user)
        return kwargs

    def get_initial(self):
        user = self.request.user
        initial = {"year": clock.today().year}
        if user.is_authenticated and user.agency_id:
            initial["agency"] = user.agency_id
        return initial

    def perform(self, form):
        return services.cleanup_submit(actor=self.request.user, **form.cleaned_data)


class CleanupDetail(DetailPage):
    template_name = "oversight/cleanup_detail.html"

    def get_object(self):
        return selectors.cleanup_report_get(self.request.user, self.kwargs["pk"])

    def get_breadcrumbs(self):
        return [("五项清理", reverse("oversight:cleanup_list")), ("清理结果", None)]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        office = has_role(self.request.user, Role.LEGAL_OFFICE)
        ctx["may_review"] = office and self.object.state == "submitted"
        ctx["may_publish"] = office and self.object.state == "approved"
        return ctx


class _CleanupAct(RecordAct):
    getter = staticmethod(selectors.cleanup_report_get)

    def get_report(self):
        return self.record()


class CleanupReview(_CleanupAct):
    title = "审核清理结果"
    form_class = forms.CleanupReviewForm
    success_message = "审核结论已登记。"

    def perform(self, form):
        return services.cleanup_review(actor=self.request.user, report=self.get_report(), **form.cleaned_data)


class CleanupPublish(_CleanupAct):
    title = "公示清理结果"
    form_class = forms.CleanupPublishForm
    success_message = "清理结果已向社会公示。"

    def get_initial(self):
        r = self.get_report()
        return {"public_summary": f"{r.agency.name}{r.year}年度{r.get_subject_display()}清理结果：\n{r.summary}"}

    def perform(self, form):
        return services.cleanup_publish(
            actor=self.request.user, report=self.get_report(), public_summary=form.cleaned_data["public_summary"]
        )


class PublicCleanupList(PublicListPage):
    title = "“五项清理”结果公示"
    headers = ["清理机关", "年度", "清理事项", "公示日期"]
    row_template = "oversight/rows/public_cleanup.html"
    filterset_class = filters.PublicCleanupFilter
    empty_text = "尚无公示的清理结果。"

    def get_queryset(self):
        return selectors.published_cleanups()


class PublicCleanupDetail(PublicDetailPage):
    template_name = "oversight/public_cleanup_detail.html"

    def get_object(self):
        return selectors.published_cleanup_get(self.kwargs["pk"])


class MeasureList(ListPage):
    title = "实施办法备案"
    headers = ["实施办法", "制定机关", "文号", "印发日期", "报送日期", "状态"]
    row_template = "oversight/rows/measure.html"
    filterset_class = filters.MeasureFilter
    create_label = "报送实施办法"

    def get_queryset(self):
        return selectors.measure_list(self.request.user)

    def get_create_url(self):
        return reverse("oversight:measure_create") if _files_measures(self.request.user) else None


def _files_measures(user) -> bool:
    """A city department's head, or the legal affairs office of a district or county
    government (who files its government's measures): those who file with the city (D8)."""
    if has_role(user, Role.HEAD):
        return bool(user.agency_id) and user.agency.government.level == "city"
    if has_role(user, Role.LEGAL_OFFICE):
        return bool(user.government_id) and user.government.level != "city"
    return False


class MeasureCreate(ActPage):
    title = "报送实施办法备案"
    form_class = forms.MeasureForm
    success_message = "实施办法已报送备案。"
    intro = (
        "各区县（自治县、市）人民政府、市人民政府各部门结合本区域、本部门的实际，"
        "制定贯彻本决定的实施办法，报市人民政府备案（《决定》八）。"
    )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        user = self.request.user
        if has_role(user, Role.LEGAL_OFFICE) and user.role != Role.ADMIN:
            kwargs["governments"] = Government.objects.filter(pk=user.government_id)
        elif user.is_authenticated:
            kwargs["agencies"] = scope(Agency.objects.order_by("name"), user, "pk")
        return kwargs

    def get_initial(self):
        user = self.request.user
        if not user.is_authenticated:
            return {}
        if user.role == Role.LEGAL_OFFICE and user.government_id:
            return {"government": user.government_id}
        return {"agency": user.agency_id} if user.agency_id else {}

    def perform(self, form):
        return services.measure_file(actor=self.request.user, **form.cleaned_data)


class MeasureDetail(DetailPage):
    template_name = "oversight/measure_detail.html"

    def get_object(self):
        return selectors.measure_get(self.request.user, self.kwargs["pk"])

    def get_breadcrumbs(self):
        return [("实施办法备案", reverse("oversight:measure_list")), ("实施办法", None)]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        city_office = has_role(user, Role.LEGAL_OFFICE) and user.government_id and user.government.level == "city"
        ctx["may_review"] = bool(city_office) and self.object.state == "filed"
        return ctx


class MeasureReview(RecordAct):
    title = "审查实施办法"
    form_class = forms.MeasureReviewForm
    success_message = "审查结论已登记。"
    getter = staticmethod(selectors.measure_get)

    def perform(self, form):
        return services.measure_review(actor=self.request.user, measure=self.record(), **form.cleaned_data)


class InspectionList(ListPage):
    title = "年度专项执法检查"
    headers = ["年度", "检查名称", "组织检查的政府", "开始日期", "发现", "执法过错"]
    row_template = "oversight/rows/special_inspection.html"
    filterset_class = filters.SpecialInspectionFilter
    create_label = "组织专项检查"

    def get_queryset(self):
        return selectors.special_inspection_list(self.request.user)

    def get_create_url(self):
        return reverse("oversight:inspection_create") if has_role(self.request.user, Role.LEGAL_OFFICE) else None


class InspectionCreate(ActPage):
    title = "组织年度专项执法检查"
    form_class = forms.SpecialInspectionForm
    success_message = "专项执法检查已开始。"
    intro = "市人民政府按年度对贯彻本决定的情况进行专项执法检查，检查结果纳入年终目标考核（《决定》八）。"

    def get_initial(self):
        return {"year": clock.today().year, "title": "贯彻《决定》情况专项执法检查"}

    def perform(self, form):
        return services.special_inspection_open(actor=self.request.user, **form.cleaned_data)


class InspectionDetail(DetailPage):
    template_name = "oversight/inspection_detail.html"

    def get_object(self):
        return selectors.special_inspection_get(self.request.user, self.kwargs["pk"])

    def get_breadcrumbs(self):
        return [("年度专项执法检查", reverse("oversight:inspection_list")), ("检查", None)]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["findings"] = selectors.inspection_findings(self.request.user, self.object)
        office = has_role(self.request.user, Role.LEGAL_OFFICE)
        ctx["may_find"] = office
        ctx["may_refer"] = office or has_role(self.request.user, Role.SUPERVISOR)
        return ctx


class FindingCreate(RecordAct):
    title = "登记专项检查发现"
    form_class = forms.FindingForm
    success_message = "检查发现已登记。"
    getter = staticmethod(selectors.special_inspection_get)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        user = self.request.user
        if user.is_authenticated:
            kwargs["agencies"] = scope(Agency.objects.order_by("name"), user, "pk")
            kwargs["cases"] = _decided_cases(user)
        return kwargs

    def get_success_url(self):
        return reverse("oversight:inspection_detail", args=[self.kwargs["pk"]])

    def perform(self, form):
        return services.inspection_find(actor=self.request.user, inspection=self.record(), **form.cleaned_data)


class FindingRefer(RecordAct):
    title = "移送责任追究"
    form_class = forms.FindingReferForm
    success_message = "已移送责任追究并立项。"
    intro = "专项检查发现的执法过错，查明原因、分清责任、严肃处理（《决定》六（三）、八）。"
    getter = staticmethod(selectors.finding_get)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.request.user.is_authenticated:
            kwargs["officers"] = Officer.objects.filter(agency_id=self.record().agency_id).order_by("name")
        return kwargs

    def perform(self, form):
        return services.finding_refer(
            actor=self.request.user, finding=self.record(), officers=list(form.cleaned_data["officers"])
        )
