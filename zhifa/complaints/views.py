"""Pages of complaints (D6.7a) and media exposures (D6.7b): the office's and the agency's
queues, the complaint with its history and acts, Open311 clients; and the public pages
to complain, to follow a complaint by its tracking number, and to read published media
results."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.generic import FormView

from zhifa.accounts.access import has_role, require_role
from zhifa.accounts.models import Role
from zhifa.complaints import filters, forms, periods, selectors, services
from zhifa.complaints.models import Channel, Kind, Status
from zhifa.core import clock
from zhifa.core.errors import DomainError
from zhifa.core.forms import show_error
from zhifa.core.web import ActPage, DetailPage, ListPage, PublicDetailPage, PublicListPage, PublicPage


def _breadcrumbs(complaint=None):
    crumbs = [("举报投诉", reverse("complaints:complaint_list"))]
    if complaint is not None:
        crumbs.append((complaint.tracking_number, complaint.get_absolute_url()))
    return crumbs


# --- the queues and the complaint --------------------------------------------------------


class ComplaintList(ListPage):
    title = "举报投诉"
    headers = ["查询码", "类别", "内容", "受理", "承办机关", "收到日期", "答复期限", "状态"]
    template_name = "complaints/list.html"
    row_template = "complaints/rows/complaint.html"
    filterset_class = filters.ComplaintFilter
    create_label = "登记来信来电"

    def get_queryset(self):
        return selectors.complaint_list(self.request.user)

    def get_create_url(self):
        if has_role(self.request.user, Role.LEGAL_OFFICE, Role.SUPERVISOR):
            return reverse("complaints:complaint_create")
        return None

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["today"] = clock.today()
        return ctx


class Queue(ComplaintList):
    title = "待办举报投诉"
    empty_text = "没有待办的举报投诉。"

    def get_queryset(self):
        return selectors.queue(self.request.user)


class ComplaintDetail(DetailPage):
    template_name = "complaints/complaint_detail.html"

    def get_object(self):
        return selectors.complaint_get(self.request.user, self.kwargs["pk"])

    def get_title(self):
        return ""

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        c, user = self.object, self.request.user
        office = has_role(user, Role.LEGAL_OFFICE)
        agency_staff = user.role in (Role.OFFICER, Role.HEAD) or user.role == Role.ADMIN
        acts = []
        if c.status in (Status.RECEIVED, Status.ROUTED) and office and c.kind == Kind.VIOLATION:
            acts.append(("complaints:complaint_route", "转交执法机关" if c.status == Status.RECEIVED else "改派"))
        if c.status == Status.ROUTED and agency_staff:
            if c.kind == Kind.VIOLATION:
                acts.append(("complaints:complaint_take_up", "登记为违法线索"))
            acts.append(("complaints:complaint_return", "退回法制机构"))
        if c.status == Status.RECEIVED and has_role(user, Role.LEGAL_OFFICE, Role.SUPERVISOR):
            acts.append(("complaints:complaint_answer", "答复"))
        if c.status in (Status.ROUTED, Status.HANDLING) and agency_staff:
            acts.append(("complaints:complaint_answer", "答复"))
        ctx.update(
            title=f"{c.get_kind_display()} {c.tracking_number}",
            breadcrumbs=_breadcrumbs(),
            history=selectors.history(c),
            acts=[(reverse(name, args=[c.pk]), label) for name, label in acts],
            overdue=selectors.is_overdue(c),
            period=periods.answer_basis(c.kind, c.received_on),
        )
        return ctx


class ComplaintCreate(ActPage):
    title = "登记来信来电来访"
    form_class = forms.ComplaintForm
    success_message = "已登记，查询码已生成。"
    intro = "登记以信件、电话、来访方式收到的举报投诉（《决定》六（七））。"

    def perform(self, form):
        return services.complaint_submit(actor=self.request.user, channel=Channel.STAFF, **_submitted(form))


def _submitted(form) -> dict:
    data = dict(form.cleaned_data)
    data["field"] = data.get("field") or ""
    return data


class _ComplaintAct(ActPage):
    def complaint(self):
        return selectors.complaint_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        c = self.complaint()
        ctx["breadcrumbs"] = _breadcrumbs(c)
        ctx["cancel_url"] = c.get_absolute_url()
        return ctx


class ComplaintRoute(_ComplaintAct):
    title = "转交执法机关办理"
    form_class = forms.RouteForm
    submit_label = "转交"
    success_message = "已转交。"
    intro = "按权责清单转交对举报的违法行为有管辖权的执法机关（发生地管辖）；对执法行为的投诉由本机构答复（《决定》三（四）、六（七））。"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def perform(self, form):
        return services.complaint_route(actor=self.request.user, complaint=self.complaint(), **form.cleaned_data)


class ComplaintReturn(_ComplaintAct):
    title = "退回政府法制机构"
    form_class = forms.ReturnForm
    submit_label = "退回"
    success_message = "已退回，由政府法制机构重新分办。"
    intro = "本机关对举报的违法行为没有管辖权的，退回重新分办；有管辖权的不得拒绝（《决定》三（四））。"

    def get_success_url(self):
        return reverse("complaints:queue")

    def perform(self, form):
        return services.complaint_return(actor=self.request.user, complaint=self.complaint(), **form.cleaned_data)


class ComplaintTakeUp(_ComplaintAct):
    title = "登记为违法线索"
    form_class = forms.TakeUpForm
    submit_label = "登记为违法线索"
    success_message = "已登记为违法线索，自登记之日起十五个工作日内决定是否立案。"
    intro = "举报的内容、违法行为、发生地和举报人登记为本机关的违法线索（来源：举报投诉，来源编号为查询码）。"

    def perform(self, form):
        return services.complaint_take_up(actor=self.request.user, complaint=self.complaint())


class ComplaintAnswer(_ComplaintAct):
    title = "答复举报投诉人"
    form_class = forms.AnswerForm
    submit_label = "答复"
    success_message = "已答复，举报投诉人凭查询码可以查看。"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        c = self.complaint()
        ctx["intro"] = f"答复期限：{c.due_on:%Y年%m月%d日}（{periods.answer_basis(c.kind, c.received_on)}）。"
        return ctx

    def perform(self, form):
        data = form.cleaned_data
        return services.complaint_answer(
            actor=self.request.user,
            complaint=self.complaint(),
            answer=data["answer"],
            late_reason=data.get("late_reason") or "",
            on=data.get("on"),
        )


# --- Open311 clients ---------------------------------------------------------------------


class _OfficeOnly:
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            require_role(request.user, Role.LEGAL_OFFICE, action="管理接入系统")
        return super().dispatch(request, *args, **kwargs)


class ClientList(_OfficeOnly, ListPage):
    title = "Open311 接入系统"
    headers = ["名称", "管理的政府", "密钥前缀", "发放日期", "状态", ""]
    row_template = "complaints/rows/client.html"
    create_label = "发放密钥"

    def get_queryset(self):
        return selectors.client_list(self.request.user)

    def get_create_url(self):
        return reverse("complaints:client_create")


class ClientCreate(_OfficeOnly, ActPage):
    title = "发放接入系统密钥"
    form_class = forms.ClientForm
    submit_label = "发放"
    intro = "12345热线等系统以此密钥（api_key）通过 Open311 接口提交举报投诉。密钥只显示这一次，平台只保存其摘要。"

    def form_valid(self, form):
        try:
            client, raw = services.client_issue(actor=self.request.user, name=form.cleaned_data["name"])
        except DomainError as error:
            show_error(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=error.status)
        return render(
            self.request,
            "complaints/client_key.html",
            {
                "title": "密钥已发放",
                "client": client,
                "key": raw,
                "breadcrumbs": [("Open311 接入系统", reverse("complaints:client_list"))],
            },
            status=201,
        )


class ClientRevoke(_OfficeOnly, ActPage):
    title = "停用接入系统密钥"
    form_class = forms.ConfirmForm
    submit_label = "停用"
    success_message = "密钥已停用。"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        client = selectors.client_get(self.request.user, self.kwargs["pk"])
        ctx["intro"] = f"停用“{client.name}”（{client.key_prefix}…）的密钥后，以该密钥提交的请求将被拒绝。"
        return ctx

    def get_success_url(self):
        return reverse("complaints:client_list")

    def perform(self, form):
        client = selectors.client_get(self.request.user, self.kwargs["pk"])
        return services.client_revoke(actor=self.request.user, client=client)


# --- media exposures ---------------------------------------------------------------------


class MediaList(ListPage):
    title = "新闻媒体曝光"
    headers = ["报道", "媒体", "被曝光的机关", "报道日期", "状态"]
    row_template = "complaints/rows/media.html"
    filterset_class = filters.MediaFilter
    create_label = "登记曝光案件"

    def get_queryset(self):
        return selectors.media_list(self.request.user)

    def get_create_url(self):
        return (
            reverse("complaints:media_create")
            if has_role(self.request.user, Role.LEGAL_OFFICE, Role.SUPERVISOR)
            else None
        )


class MediaDetail(DetailPage):
    template_name = "complaints/media_detail.html"

    def get_object(self):
        return selectors.media_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["breadcrumbs"] = [("新闻媒体曝光", reverse("complaints:media_list"))]
        ctx["may_conclude"] = self.object.published_on is None and has_role(
            self.request.user, Role.LEGAL_OFFICE, Role.SUPERVISOR
        )
        return ctx


class MediaCreate(ActPage):
    title = "登记新闻媒体曝光"
    form_class = forms.MediaForm
    submit_label = "登记"
    success_message = "已登记，开始追查。"
    intro = "新闻媒体曝光的执法违法行为，由政府法制机构、监察机关追查并发布查处结果（《决定》六（七））。"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def perform(self, form):
        return services.media_register(actor=self.request.user, **form.cleaned_data)


class MediaConclude(ActPage):
    title = "发布查处结果"
    form_class = forms.MediaConcludeForm
    submit_label = "作出结论并发布"
    success_message = "查处结果已向社会发布。"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        exposure = selectors.media_get(self.request.user, self.kwargs["pk"])
        ctx["breadcrumbs"] = [
            ("新闻媒体曝光", reverse("complaints:media_list")),
            (exposure.title, exposure.get_absolute_url()),
        ]
        ctx["cancel_url"] = exposure.get_absolute_url()
        return ctx

    def perform(self, form):
        exposure = selectors.media_get(self.request.user, self.kwargs["pk"])
        return services.media_conclude(actor=self.request.user, exposure=exposure, **form.cleaned_data)


# --- public pages ------------------------------------------------------------------------


class PublicSubmit(PublicPage, FormView):
    """The public's complaint, without login (the portal links here)."""

    title = "举报投诉"
    template_name = "complaints/public_submit.html"
    form_class = forms.ComplaintForm

    def form_valid(self, form):
        try:
            complaint = services.complaint_submit(channel=Channel.PORTAL, **_submitted(form))
        except DomainError as error:
            show_error(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=error.status)
        messages.success(
            self.request, f"已受理。您的查询码是 {complaint.tracking_number}，请妥善保存，凭此查询办理进展和答复。"
        )
        return redirect(f"{reverse('complaints:public_track')}?number={complaint.tracking_number}")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PublicTrack(PublicPage, FormView):
    """Follow a complaint by its tracking number: status, the notes of each step, the answer."""

    title = "查询办理进展"
    template_name = "complaints/public_track.html"
    form_class = forms.TrackForm

    def get(self, request, *args, **kwargs):
        number = request.GET.get("number")
        if not number:
            return super().get(request, *args, **kwargs)
        form = forms.TrackForm({"number": number})
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            complaint = selectors.complaint_by_tracking(form.cleaned_data["number"])
        except DomainError:
            form.add_error("number", "没有这个查询码，请核对后重试。")
            return self.render_to_response(self.get_context_data(form=form), status=404)
        return self.render_to_response(
            self.get_context_data(
                form=form,
                complaint=complaint,
                history=selectors.history(complaint),
                overdue=selectors.is_overdue(complaint),
            )
        )

    def post(self, request, *args, **kwargs):
        return redirect(f"{reverse('complaints:public_track')}?number={request.POST.get('number', '')[:24]}")


class PublicMediaList(PublicListPage):
    title = "媒体曝光案件查处结果"
    headers = ["报道", "媒体", "被曝光的机关", "报道日期", "结果发布日期"]
    row_template = "complaints/rows/public_media.html"

    def get_queryset(self):
        return selectors.media_published()


class PublicMediaDetail(PublicDetailPage):
    template_name = "complaints/public_media_detail.html"

    def get_object(self):
        return selectors.media_public_get(self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["breadcrumbs"] = [("媒体曝光案件查处结果", reverse("complaints:public_media_list"))]
        return ctx
