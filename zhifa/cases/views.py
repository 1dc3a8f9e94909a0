"""Case pages: the workbenches (officer, head, legal reviewer), the case list, the case
page with its timeline, and one form page per act. A page parses input and calls one
service or selector; every rule lives in the services."""

from __future__ import annotations

import inspect

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, Http404
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from zhifa.accounts.access import has_role, require_role
from zhifa.accounts.models import Role
from zhifa.cases import checklist, evidence_store, filters, forms, selectors, services
from zhifa.cases.facts import current_notice, latest_report
from zhifa.cases.obligations import obligation
from zhifa.cases.transitions import TRANSITIONS, available, require_legal_actor
from zhifa.cases.waiting import wrong_state
from zhifa.core import clock
from zhifa.core.web import ActPage, DetailPage, ListPage, StaffPage


class Workbench(StaffPage, TemplateView):
    """我的工作台：我的案件、下一步、期限（黄色将到期，红色已逾期）和提醒（D1.4）。"""

    template_name = "cases/workbench.html"
    title = "我的工作台"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["board"] = selectors.workbench(self.request.user)
        user = self.request.user
        ctx["can_register"] = has_role(user, Role.OFFICER, Role.HEAD)
        ctx["can_simple"] = has_role(user, Role.OFFICER)
        return ctx


class Approvals(StaffPage, TemplateView):
    template_name = "cases/queue.html"
    title = "待我审批"
    empty = "没有待审批的事项。"

    def rows(self):
        require_role(self.request.user, Role.HEAD, action="审批案件")
        return selectors.approval_rows(self.request.user, clock.today())

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(rows=self.rows(), empty=self.empty)
        return ctx


class Reviews(Approvals):
    title = "法制审核"
    empty = "没有待法制审核的案件。"

    def rows(self):
        require_role(self.request.user, Role.REVIEWER, action="法制审核")
        return selectors.review_rows(self.request.user, clock.today())


class CaseList(ListPage):
    title = "案件"
    headers = ["案号", "当事人", "违法行为", "状态", "期限"]
    row_template = "cases/rows/case.html"
    filterset_class = filters.CaseFilter
    create_label = "登记线索"

    def get_queryset(self):
        return selectors.for_rows(selectors.case_list(self.request.user))

    def get_create_url(self):
        return reverse("cases:clue_create") if has_role(self.request.user, Role.OFFICER, Role.HEAD) else None

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        on = clock.today()
        ctx["rows"] = [selectors.Row(c, selectors.next_of(c), selectors.deadline_of(c, on)) for c in ctx["rows"]]
        return ctx


class BackdatedList(ListPage):
    """补录事项: acts entered after the day they are dated, for the legal affairs office (D1.4)."""

    title = "补录事项"
    headers = ["案件", "事项", "办理日期", "登记时间", "登记人", "期限", "补录理由"]
    row_template = "cases/rows/backdated.html"
    filterset_class = filters.BackdatedFilter
    empty_text = "没有事后补录的事项。"

    def get_queryset(self):
        require_role(self.request.user, Role.LEGAL_OFFICE, Role.SUPERVISOR, Role.HEAD, action="查看补录事项")
        return selectors.backdated_acts(self.request.user)


class CaseDetail(DetailPage):
    template_name = "cases/case_detail.html"

    def get_object(self):
        return selectors.case_get(self.request.user, self.kwargs["pk"])

    def get_breadcrumbs(self):
        return [("案件", reverse("cases:case_list")), (str(self.object), None)] if hasattr(self, "object") else []

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        case, user, on = self.object, self.request.user, clock.today()
        ctx.update(
            title=f"{case.number}",
            case=case,
            deadline=selectors.deadline_of(case, on),
            next=selectors.next_of(case),
            warnings=selectors.warnings_of(case, on),
            acts=available(case.status, user.role),
            checklist=checklist.items(case),
            timeline=selectors.timeline(case),
            report=latest_report(case),
            notice=current_notice(case),
            decision=getattr(case, "decision", None),
            obligation=obligation(case, on) if getattr(case, "decision", None) and case.decision.money_total else None,
            transfer_out=getattr(case, "transfer_out", None),
            transfer_in=getattr(case, "transfer_in", None),
            case_file=getattr(case, "file", None),
        )
        return ctx


class ClueCreate(ActPage):
    title = "登记违法线索"
    form_class = forms.ClueForm
    success_message = "线索已登记，请在十五个工作日内决定是否立案。"
    submit_label = "登记"

    def perform(self, form):
        return services.clue_register(actor=self.request.user, **form.cleaned_data)


class SimpleCreate(ActPage):
    title = "当场行政处罚（简易程序）"
    form_class = forms.SimplePenaltyForm
    success_message = "当场处罚决定已作出，请当场交付决定书。"
    submit_label = "作出当场处罚决定"
    intro = (
        "违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的，可以当场作出决定"
        "（行政处罚法第五十一条）；当场收缴罚款仅限法定情形，并在二日内交至机关（第六十八条、第七十一条）。"
    )

    def perform(self, form):
        return services.simple_penalty(actor=self.request.user, **form.service_kwargs())


class CaseAct(ActPage):
    """The form of one act on one case (``name`` from the transitions table)."""

    template_name = "cases/act.html"
    success_message = "已办理。"
    submit_label = "办理"

    def dispatch(self, request, *args, **kwargs):
        self.transition = TRANSITIONS.get(kwargs["name"])
        self.form_class = forms.FORMS.get(kwargs["name"])
        if self.transition is None or self.form_class is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    @property
    def case(self):
        if not hasattr(self, "_case"):
            self._case = selectors.case_get(self.request.user, self.kwargs["pk"])
        return self._case

    def get(self, request, *args, **kwargs):
        t, case = self.transition, self.case
        require_legal_actor(request.user, t)
        require_role(request.user, *t.roles, action=t.label)
        if case.status not in t.sources:
            raise wrong_state(t, case, clock.today())
        return super().get(request, *args, **kwargs)

    def get_title(self):
        return self.transition.label

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(case=self.case, user=self.request.user)
        return kwargs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        on = clock.today()
        ctx.update(
            case=self.case,
            intro=self.form_class.intro,
            submit_label=self.transition.label,
            deadline=selectors.deadline_of(self.case, on),
            cancel_url=self.case.get_absolute_url(),
            version=self.case.version,
            breadcrumbs=[
                ("案件", reverse("cases:case_list")),
                (self.case.number, self.case.get_absolute_url()),
                (self.transition.label, None),
            ],
        )
        return ctx

    def perform(self, form):
        kwargs = form.service_kwargs()
        version = self.request.POST.get("expected_version")
        service = getattr(services, form.act)
        if form.act == "custody_record":
            return service(actor=self.request.user, **kwargs)
        if version and version.isdigit() and "expected_version" in inspect.signature(service).parameters:
            kwargs["expected_version"] = int(version)
        return service(actor=self.request.user, case=self.case, **kwargs)

    def get_success_url(self):
        return reverse("cases:case_detail", args=[self.case.pk])


class EvidenceContent(LoginRequiredMixin, View):
    """The evidence file, after checking it still has the SHA-256 it was filed under."""

    def get(self, request, pk):
        evidence = selectors.verified_evidence(request.user, pk)
        return FileResponse(
            evidence_store.open_content(evidence.sha256),
            as_attachment=True,
            filename=evidence.filename,
            content_type=evidence.content_type or "application/octet-stream",
        )
