"""Pages of supervision: the alert board and the cases behind each alert, discretion
consistency, 督办 and the parties' ratings. Each view calls one selector or service."""

from __future__ import annotations

from django.urls import reverse
from django.views.generic import TemplateView

from zhifa.accounts.access import has_role, scope
from zhifa.accounts.models import Role
from zhifa.cases import selectors as case_selectors
from zhifa.core import clock
from zhifa.core.web import ActPage, DetailPage, ListPage, StaffPage
from zhifa.org.models import Agency
from zhifa.oversight import alerts, filters, forms, selectors, services


class AlertBoard(StaffPage, TemplateView):
    title = "监督预警"
    template_name = "oversight/alerts.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        counts = selectors.alert_counts(self.request.user)
        ctx["groups"] = [(g, [c for c in counts if c.kind.group == g]) for g in alerts.GROUPS]
        ctx["total"] = sum(c.count for c in counts)
        ctx["today"] = clock.today()
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


class _NoticeAct(ActPage):
    def get_notice(self):
        if not hasattr(self, "_notice"):
            self._notice = selectors.notice_get(self.request.user, self.kwargs["pk"])
        return self._notice

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["breadcrumbs"] = [
            ("督办", reverse("oversight:notice_list")),
            (str(self.get_notice()), self.get_notice().get_absolute_url()),
            (self.title, None),
        ]
        return ctx

    def get(self, request, *args, **kwargs):
        self.get_notice()
        return super().get(request, *args, **kwargs)


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
