"""Cooperation pages: the competence proposal, transfers (sent and received, with their
status and the overdue answers), the receipt and the pass-on, and the letters sending
suspected crimes to public security. A page parses input and calls one service or
selector; every rule lives in the services."""

from __future__ import annotations

from django.http import HttpResponse
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from zhifa.accounts.access import can_see_agency, has_role
from zhifa.accounts.models import Role
from zhifa.cases import selectors as case_selectors
from zhifa.cases.models import Status
from zhifa.cooperation import competence, filters, forms, packages, periods, presenters, selectors, services
from zhifa.cooperation.models import CasePackage
from zhifa.core import clock
from zhifa.core.errors import DomainError
from zhifa.core.forms import show_error
from zhifa.core.web import ActPage, DetailPage, ListPage, StaffPage
from zhifa.parties import selectors as party_selectors

SENDERS = (Role.OFFICER, Role.HEAD)


class CompetencePage(StaffPage, TemplateView):
    """管辖建议：按职权目录、违法行为发生地和层级建议有管辖权的机关，并说明理由。"""

    template_name = "cooperation/competence.html"
    title = "管辖建议"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        form = forms.CompetenceForm(self.request.GET or None)
        ctx["form"] = form
        if form.is_bound and form.is_valid():
            d = form.cleaned_data
            ctx["proposal"] = competence.propose(d["violation_item"], d["place"], d["on"] or clock.today())
        return ctx


class TransferList(ListPage):
    title = "案件移送"
    headers = ["移送函文号", "移送机关", "接收机关", "移送日期", "函告期限", "办理情况"]
    row_template = "cooperation/rows/transfer.html"
    filterset_class = filters.TransferFilter
    empty_text = "没有发出或收到的移送函。"

    def get_queryset(self):
        return selectors.transfer_list(self.request.user)


class OverdueAnswers(StaffPage, TemplateView):
    """逾期未书面函告处理结果的移送（D3.4）：移送机关和接收机关都能看到。"""

    template_name = "cooperation/overdue.html"
    title = "逾期未函告的移送"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["rows"] = selectors.overdue_transfer_answers(self.request.user)
        return ctx


class TransferDetail(DetailPage):
    template_name = "cooperation/transfer_detail.html"

    def get_object(self):
        return selectors.transfer_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        t, user = self.object, self.request.user
        receipt = selectors.receipt_of(t)
        receiving = user.agency_id == t.to_agency_id
        ctx.update(
            title=f"移送函 {t.letter_number}",
            status=selectors.transfer_status(t),
            receipt=receipt,
            can_receive=receiving and receipt is None and has_role(user, Role.OFFICER, Role.HEAD),
            can_pass_on=receiving and receipt is None and has_role(user, Role.HEAD),
            can_answer=receiving and not t.answered_on and t.received_case_id is not None,
            sees_sender_case=can_see_agency(user, t.case.agency_id),
            package=CasePackage.objects.filter(transfer=t).first(),
            can_seal=user.agency_id == t.case.agency_id and has_role(user, *SENDERS),
            breadcrumbs=[("案件移送", reverse("cooperation:transfer_list")), (t.letter_number, None)],
        )
        return ctx


class _TransferAct(ActPage):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.transfer = selectors.transfer_get(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["cancel_url"] = reverse("cooperation:transfer_detail", args=[self.transfer.pk])
        ctx["breadcrumbs"] = [
            ("案件移送", reverse("cooperation:transfer_list")),
            (self.transfer.letter_number, ctx["cancel_url"]),
            (self.title, None),
        ]
        return ctx


class TransferReceive(_TransferAct):
    title = "签收移送函"
    form_class = forms.ReceiptForm
    submit_label = "签收并接收办理"
    success_message = "已签收，线索已在本机关待处理。"
    intro = "接收机关不得以任何理由拒绝接受移送的线索或案件（D3.4）。确无管辖权的，请由机关负责人说明理由转送。"

    def perform(self, form):
        return services.transfer_receive(actor=self.request.user, transfer=self.transfer, on=form.cleaned_data["on"])


class TransferPassOn(_TransferAct):
    title = "说明理由转送"
    form_class = forms.PassOnForm
    submit_label = "转送并书面函告移送机关"
    success_message = "已转送有管辖权的机关，并书面函告原移送机关。"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        case = self.transfer.case
        proposal = competence.propose(case.violation_item, case.place, clock.today())
        self.proposal = proposal
        kwargs["candidates"] = [c.agency for c in proposal.candidates]
        return kwargs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["intro"] = f"只能转送职权目录载明有管辖权的机关（D3.4）。{self.proposal.summary()}"
        return ctx

    def perform(self, form):
        d = form.cleaned_data
        return services.transfer_pass_on(
            actor=self.request.user, transfer=self.transfer, to_agency=d["to_agency"], reasons=d["reasons"], on=d["on"]
        )


class CrimeTransferList(ListPage):
    title = "涉嫌犯罪案件移送"
    headers = ["移送书文号", "移送机关", "公安机关", "涉嫌罪名", "移送日期", "公安机关决定"]
    row_template = "cooperation/rows/crime_transfer.html"
    empty_text = "没有涉嫌犯罪案件移送书。"

    def get_queryset(self):
        return selectors.crime_transfer_list(self.request.user)


class CrimeTransferDetail(DetailPage):
    template_name = "cooperation/crime_transfer_detail.html"

    def get_object(self):
        return selectors.crime_transfer_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ctx["title"] = f"涉嫌犯罪案件移送书 {self.object.number}"
        ctx["can_answer"] = not self.object.police_answered_on and has_role(user, Role.OFFICER, Role.HEAD)
        ctx["breadcrumbs"] = [
            ("涉嫌犯罪案件移送", reverse("cooperation:crime_transfer_list")),
            (self.object.number, None),
        ]
        return ctx


class CrimeTransferCreate(ActPage):
    title = "制作涉嫌犯罪案件移送书"
    form_class = forms.CrimeTransferForm
    submit_label = "移送公安机关"
    success_message = "已移送公安机关，并抄送人民检察院。"
    intro = (
        "违法行为涉嫌犯罪的，应当及时将案件移送司法机关（行政处罚法第二十七条）。案件须已由机关负责人决定移送司法机关。"
    )

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.case = case_selectors.case_get(request.user, kwargs["case_pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["cancel_url"] = self.case.get_absolute_url()
        if self.case.status != Status.TRANSFERRED_JUDICIARY:
            ctx["intro"] = self.intro + "本案尚未作出移送司法机关的决定。"
        return ctx

    def perform(self, form):
        return services.crime_transfer_send(actor=self.request.user, case=self.case, **form.cleaned_data)


class _RecordAct(ActPage):
    """An act on the record the path names: found through ``getter`` (its selector: "not found"
    outside the user's scope), with the way back to it."""

    getter = None

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.record = type(self).getter(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["cancel_url"] = self.record.get_absolute_url()
        return ctx


class CrimeTransferAnswer(_RecordAct):
    title = "登记公安机关的决定"
    form_class = forms.PoliceAnswerForm
    submit_label = "登记"
    getter = staticmethod(selectors.crime_transfer_get)

    def perform(self, form):
        return services.crime_transfer_answer(actor=self.request.user, crime_transfer=self.record, **form.cleaned_data)


# --- Requests between agencies (D4.4, D4.5a) ------------------------------------------------


class AssistanceList(ListPage):
    title = "协助请求"
    headers = ["文号", "请求机关", "被请求机关", "事项", "答复期限", "结果"]
    row_template = "cooperation/rows/request.html"
    empty_text = "没有发出或收到的协助请求。"
    create_label = "发出协助请求"

    def get_queryset(self):
        return selectors.assistance_list(self.request.user)

    def get_create_url(self):
        return reverse("cooperation:assistance_create") if has_role(self.request.user, *SENDERS) else None


class InformationList(AssistanceList):
    title = "信息查询请求"
    empty_text = "没有发出或收到的信息查询请求。"
    create_label = "发出信息查询请求"

    def get_queryset(self):
        return selectors.information_list(self.request.user)

    def get_create_url(self):
        return reverse("cooperation:information_create") if has_role(self.request.user, *SENDERS) else None


class _RequestDetail(DetailPage):
    template_name = "cooperation/request_detail.html"
    kind_title = ""
    answer_url = ""
    list_url = ""

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        r, user = self.object, self.request.user
        ctx.update(
            title=f"{self.kind_title} {r.number}",
            overdue=selectors.request_overdue(r),
            can_answer=not r.answered_on and user.agency_id == r.requested_agency_id and has_role(user, *SENDERS),
            answer_url=reverse(self.answer_url, args=[r.pk]),
            breadcrumbs=[(self.kind_title, reverse(self.list_url)), (r.number, None)],
        )
        return ctx


class AssistanceDetail(_RequestDetail):
    kind_title, answer_url, list_url = "协助请求", "cooperation:assistance_answer", "cooperation:assistance_list"

    def get_object(self):
        return selectors.assistance_get(self.request.user, self.kwargs["pk"])


class InformationDetail(_RequestDetail):
    kind_title, answer_url, list_url = "信息查询请求", "cooperation:information_answer", "cooperation:information_list"

    def get_object(self):
        return selectors.information_get(self.request.user, self.kwargs["pk"])


class AssistanceCreate(ActPage):
    title = "发出协助请求"
    form_class = forms.AssistanceForm
    submit_label = "发出"
    intro = "手续完备、程序合法的协助请求，被请求机关应当及时无条件予以配合（D4.4b）。"

    def perform(self, form):
        d = dict(form.cleaned_data)
        return services.assistance_request(actor=self.request.user, **d)


class InformationCreate(ActPage):
    title = "发出信息查询请求"
    form_class = forms.InformationForm
    submit_label = "发出"
    intro = "被请求的机关应当及时、无偿提供有关信息、资料、数据（D4.5a）。"

    def perform(self, form):
        return services.information_request(actor=self.request.user, **form.cleaned_data)


class AssistanceAnswer(_RecordAct):
    title = "答复协助请求"
    form_class = forms.AssistanceAnswerForm
    submit_label = "答复"
    getter = staticmethod(selectors.assistance_get)

    def perform(self, form):
        return services.assistance_answer(actor=self.request.user, request=self.record, **form.cleaned_data)


class InformationAnswer(AssistanceAnswer):
    title = "答复信息查询请求"
    form_class = forms.InformationAnswerForm
    getter = staticmethod(selectors.information_get)

    def perform(self, form):
        return services.information_answer(actor=self.request.user, request=self.record, **form.cleaned_data)


# --- The information exchange (D4.5b–c) ----------------------------------------------------


class HistoryLookupPage(ActPage):
    """跨机关查询当事人的执法记录：先写明用途和事由（记录在案），再显示结果。"""

    title = "查询当事人的执法记录"
    form_class = forms.LookupForm
    submit_label = "查询（将记录查询人、用途和事由）"
    template_name = "cooperation/lookup.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.party = party_selectors.party_get(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(user=self.request.user, party=self.party)
        return kwargs

    def form_valid(self, form):
        try:
            lookup, history = services.history_lookup(actor=self.request.user, party=self.party, **form.cleaned_data)
        except DomainError as error:
            if error.code in ("not_found", "not_authenticated"):
                raise
            show_error(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=error.status)
        return self.render_to_response(self.get_context_data(form=form, lookup=lookup, history=history))

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["party"] = self.party
        ctx["title"] = f"查询{self.party.name}的执法记录"
        return ctx


class PartyLookups(StaffPage, TemplateView):
    """当事人被各机关查询执法记录的情况（应当事人申请告知，D4.5b）。"""

    template_name = "cooperation/party_lookups.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        party = party_selectors.party_get(self.request.user, self.kwargs["pk"])
        ctx.update(party=party, rows=selectors.lookups_of_party(self.request.user, party))
        ctx["title"] = f"{party.name}被查询执法记录的情况"
        return ctx


class LiaisonList(ListPage):
    title = "执法协作联络员"
    headers = ["机关", "姓名", "职务", "联系电话", "确定日期"]
    row_template = "cooperation/rows/liaison.html"
    empty_text = "尚未确定联络员。"
    create_label = "确定本机关联络员"

    def get_queryset(self):
        return selectors.liaison_list(self.request.user).order_by("agency__name", "name")

    def get_create_url(self):
        return reverse("cooperation:liaison_create") if has_role(self.request.user, Role.HEAD) else None


class LiaisonCreate(ActPage):
    title = "确定本机关联络员"
    form_class = forms.LiaisonForm

    def perform(self, form):
        services.liaison_appoint(actor=self.request.user, agency=self.request.user.agency, **form.cleaned_data)
        return None

    def get_success_url(self):
        return reverse("cooperation:liaison_list")


class AgreementList(ListPage):
    title = "合作协议"
    headers = ["协议名称", "签订机关", "签订日期", "有效期至"]
    row_template = "cooperation/rows/agreement.html"
    empty_text = "尚未登记合作协议。"
    create_label = "登记合作协议"

    def get_queryset(self):
        return selectors.agreement_list(self.request.user)

    def get_create_url(self):
        return (
            reverse("cooperation:agreement_create")
            if has_role(self.request.user, Role.HEAD, Role.LEGAL_OFFICE)
            else None
        )


class AgreementDetail(DetailPage):
    template_name = "cooperation/agreement_detail.html"

    def get_object(self):
        return selectors.agreement_get(self.request.user, self.kwargs["pk"])


class AgreementCreate(ActPage):
    title = "登记合作协议"
    form_class = forms.AgreementForm

    def perform(self, form):
        return services.agreement_record(actor=self.request.user, **form.cleaned_data)


# --- Disputes (D4.6) ---------------------------------------------------------------------------


class DisputeList(ListPage):
    title = "执法争议"
    headers = ["争议事项", "争议各方", "所处阶段", "本阶段期限", "提出日期"]
    row_template = "cooperation/rows/dispute.html"
    empty_text = "没有执法争议。"
    create_label = "提出执法争议"

    def get_queryset(self):
        return selectors.dispute_list(self.request.user)

    def get_create_url(self):
        return reverse("cooperation:dispute_create") if has_role(self.request.user, Role.HEAD) else None


class DisputeDetail(DetailPage):
    template_name = "cooperation/dispute_detail.html"

    def get_object(self):
        return selectors.dispute_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        d = self.object
        ctx.update(
            overdue=selectors.dispute_overdue(d),
            can_step=d.stage != "resolved" and has_role(self.request.user, Role.HEAD, Role.LEGAL_OFFICE),
            breadcrumbs=[("执法争议", reverse("cooperation:dispute_list")), (d.title, None)],
        )
        return ctx


class DisputeCreate(ActPage):
    title = "提出执法争议"
    form_class = forms.DisputeForm
    intro = "执法争议首先由机关互相协商；协商不成，由同级政府法制机构协调；协调不成，报共同上一级行政机关裁决（D4.6）。"

    def perform(self, form):
        return services.dispute_raise(actor=self.request.user, **form.cleaned_data)


class DisputeStep(ActPage):
    title = "登记协商、协调或裁决"
    form_class = forms.DisputeStepForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.dispute = selectors.dispute_get(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"step": self.dispute.stage}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["cancel_url"] = self.dispute.get_absolute_url()
        return ctx

    def perform(self, form):
        return services.dispute_step(actor=self.request.user, dispute=self.dispute, **form.cleaned_data)


# --- Meetings, campaigns, linkage and their tasks (D4.1–D4.3) -----------------------------------


class MeetingList(ListPage):
    title = "联席会议"
    headers = ["会议名称", "召集机关", "召开日期", "参会机关", "议定事项"]
    row_template = "cooperation/rows/meeting.html"
    empty_text = "没有联席会议。"
    create_label = "登记联席会议"

    def get_queryset(self):
        return selectors.meeting_list(self.request.user)

    def get_create_url(self):
        return reverse("cooperation:meeting_create") if has_role(self.request.user, Role.HEAD) else None


class MeetingDetail(DetailPage):
    template_name = "cooperation/meeting_detail.html"

    def get_object(self):
        return selectors.meeting_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["can_assign"] = self.request.user.agency_id == self.object.convened_by_id and has_role(
            self.request.user, Role.HEAD
        )
        ctx["breadcrumbs"] = [("联席会议", reverse("cooperation:meeting_list")), (self.object.title, None)]
        return ctx


class MeetingCreate(ActPage):
    title = "登记联席会议"
    form_class = forms.MeetingForm
    intro = "会议议定事项以会议纪要形式送执法机关执行，各机关定期报送落实情况（D4.1）。登记后逐项交办议定事项。"

    def perform(self, form):
        return services.meeting_record(actor=self.request.user, **form.cleaned_data)


class _ParentAct(_RecordAct):
    """An act adding to the record named in the path (a meeting, a campaign, a plan, a joint
    inspection), which it shows next."""

    @property
    def parent(self):
        return self.record

    def get_success_url(self):
        return self.parent.get_absolute_url()


class ResolutionCreate(_ParentAct):
    title = "交办会议议定事项"
    form_class = forms.TaskForm
    getter = staticmethod(selectors.meeting_get)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["agencies"] = self.parent.attendees.order_by("name")
        return kwargs

    def perform(self, form):
        return services.meeting_resolution_add(actor=self.request.user, meeting=self.parent, **form.cleaned_data)


class CampaignList(ListPage):
    title = "联合执法"
    headers = ["专项整治名称", "牵头机关", "领域", "期间", "参加机关"]
    row_template = "cooperation/rows/campaign.html"
    empty_text = "没有联合执法。"
    create_label = "组织联合执法"

    def get_queryset(self):
        return selectors.campaign_list(self.request.user)

    def get_create_url(self):
        return reverse("cooperation:campaign_create") if has_role(self.request.user, Role.HEAD) else None


class CampaignDetail(DetailPage):
    template_name = "cooperation/campaign_detail.html"

    def get_object(self):
        return selectors.campaign_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["can_assign"] = self.request.user.agency_id == self.object.lead_id and has_role(
            self.request.user, Role.HEAD
        )
        ctx["breadcrumbs"] = [("联合执法", reverse("cooperation:campaign_list")), (self.object.title, None)]
        return ctx


class CampaignCreate(ActPage):
    title = "组织联合执法"
    form_class = forms.CampaignForm
    intro = "联合执法由同层级的执法机关实施；牵头机关组织协调，有关机关积极配合，不得互相推诿（D4.2a–b）。"

    def perform(self, form):
        return services.campaign_launch(actor=self.request.user, **form.cleaned_data)


class CampaignTaskCreate(_ParentAct):
    title = "分配联合执法任务"
    form_class = forms.TaskForm
    getter = staticmethod(selectors.campaign_get)

    def perform(self, form):
        return services.campaign_task_assign(actor=self.request.user, campaign=self.parent, **form.cleaned_data)


class CampaignFlags(StaffPage, TemplateView):
    """拒绝或逾期未答复的联合执法分工、逾期未报送的落实情况：报牵头机关和政府法制机构（D4.2b）。"""

    template_name = "cooperation/flags.html"
    title = "联合执法中的拒绝和推诿"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["rows"] = selectors.campaign_flags(self.request.user)
        return ctx


class TaskList(ListPage):
    title = "交办任务"
    headers = ["任务", "类别", "交办机关", "承办机关", "期限", "情况"]
    row_template = "cooperation/rows/task.html"
    empty_text = "没有交办或承办的任务。"
    create_label = "交办上下联动任务"

    def get_queryset(self):
        return selectors.task_list(self.request.user)

    def get_create_url(self):
        user = self.request.user
        city = user.agency_id and user.agency.government.level == "city"
        return reverse("cooperation:linkage_create") if city and has_role(user, Role.HEAD) else None


class TaskDetail(DetailPage):
    template_name = "cooperation/task_detail.html"

    def get_object(self):
        return selectors.task_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        t, user = self.object, self.request.user
        mine = user.agency_id == t.assigned_to_id
        ctx.update(
            title=str(t),
            flag=selectors.task_flag(t),
            can_respond=mine and t.kind == "campaign" and not t.responded_on and has_role(user, Role.HEAD),
            can_report=mine and not t.reported_on and has_role(user, *SENDERS),
            breadcrumbs=[("交办任务", reverse("cooperation:task_list")), (str(t), None)],
        )
        return ctx


class _TaskAct(_RecordAct):
    getter = staticmethod(selectors.task_get)


class TaskRespond(_TaskAct):
    title = "答复联合执法分工"
    form_class = forms.RespondForm

    def perform(self, form):
        return services.task_respond(actor=self.request.user, task=self.record, **form.cleaned_data)


class TaskReport(_TaskAct):
    title = "报送落实情况"
    form_class = forms.ReportForm

    def perform(self, form):
        return services.task_report(actor=self.request.user, task=self.record, **form.cleaned_data)


class LinkageCreate(ActPage):
    title = "交办上下联动任务"
    form_class = forms.LinkageForm
    intro = "市级执法机关向所辖区县同领域的执法机关交办任务并督办，依法界定双方权责（D4.3）。"

    def perform(self, form):
        return services.linkage_assign(actor=self.request.user, **form.cleaned_data)


# --- Signed case packages (D3.4) ---------------------------------------------------------------


class PackageDetail(DetailPage):
    template_name = "cooperation/package_detail.html"

    def get_object(self):
        return selectors.package_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        p, user = self.object, self.request.user
        ctx.update(
            title=f"案件材料包 {p.letter_number}",
            view=presenters.package(p),
            can_countersign=not p.countersigned_on
            and user.agency_id == p.receiver_agency_id
            and has_role(user, *SENDERS),
        )
        return ctx


class PackageFile(StaffPage, View):
    def get(self, request, pk):
        package = selectors.package_get(request.user, pk)
        response = HttpResponse(packages.export(package), content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="package-{package.pk}.zip"'
        return response


class PackageSeal(_TransferAct):
    title = "制作并签名案件材料包"
    form_class = forms.DatedForm
    submit_label = "签名"
    intro = "材料包包括移送函、案件记录和全部证据文件，附每件文件的 SHA-256 清单，由本机关签名（D3.4）。"

    def perform(self, form):
        return services.package_seal(actor=self.request.user, transfer=self.transfer, on=form.cleaned_data["on"])


class PackageCountersign(ActPage):
    title = "验证并会签案件材料包"
    form_class = forms.DatedForm
    submit_label = "验证并会签"
    intro = "平台逐件核对 SHA-256、验证移送机关的签名，并核对本机关对该违法行为的职权后会签（D3.4）。"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.package = selectors.package_get(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def perform(self, form):
        return services.package_countersign(actor=self.request.user, package=self.package, on=form.cleaned_data["on"])


class PackageImport(ActPage):
    title = "导入案件材料包"
    form_class = forms.PackageImportForm
    submit_label = "验证并导入"
    intro = "导入其他平台移送本机关的案件材料包：验证每件文件和移送机关的签名后，登记为本机关待处理的线索。"

    def perform(self, form):
        return services.package_import(actor=self.request.user, data=form.cleaned_data["file"].read())


class InspectionsByOthers(StaffPage, TemplateView):
    """一次检查代替多次（D2.1）：安排检查前，看其他机关近期是否已对该当事人现场检查。"""

    template_name = "cooperation/inspections_by_others.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        party = party_selectors.party_get(self.request.user, self.kwargs["pk"])
        ctx.update(
            party=party,
            days=periods.INSPECTION_WINDOW_DAYS,
            rows=selectors.inspections_by_others(self.request.user, party),
            title=f"其他机关近期对{party.name}的检查",
        )
        return ctx


# --- One visit instead of many (D2.1; 国办发〔2024〕54号) -----------------------------------------


class PlanList(ListPage):
    title = "现场检查计划"
    headers = ["检查日期", "被检查企业", "检查机关", "本年度第几次", "综合查一次", "据此办理的案件"]
    row_template = "cooperation/rows/plan.html"
    filterset_class = filters.PlanFilter
    empty_text = "没有计划的现场检查。"
    create_label = "计划现场检查"

    def get_queryset(self):
        return selectors.plan_list(self.request.user)

    def get_create_url(self):
        return reverse("cooperation:plan_create") if has_role(self.request.user, *SENDERS) else None


class PlanCreate(ActPage):
    title = "计划现场检查"
    form_class = forms.InspectionPlanForm
    intro = (
        "同一机关对同一企业的年度现场检查不超过公布的频次上限（国办发〔2024〕54号），超出的须经机关负责人书面批准。"
        "计划后可以查看其他机关近期的检查，转为综合查一次（D2.1）。"
    )

    def get_initial(self):
        return {"party": self.request.GET.get("party")}

    def perform(self, form):
        return services.inspection_plan(actor=self.request.user, **form.cleaned_data)


class PlanDetail(DetailPage):
    template_name = "cooperation/plan_detail.html"

    def get_object(self):
        return selectors.plan_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        p, user = self.object, self.request.user
        mine = user.agency_id == p.agency_id and has_role(user, *SENDERS)
        ctx.update(
            title=str(p),
            cap=periods.annual_inspection_cap(p.on),
            others=selectors.inspections_by_others(user, p.party, on=p.on),
            days=periods.INSPECTION_WINDOW_DAYS,
            can_join_up=mine and not p.joint_id and not p.recorded_on and not p.inspection_id,
            can_link=mine,
            breadcrumbs=[("现场检查计划", reverse("cooperation:plan_list")), (str(p), None)],
        )
        return ctx


class _PlanAct(_ParentAct):
    getter = staticmethod(selectors.plan_get)


class JointCreate(_PlanAct):
    title = "转为综合查一次"
    form_class = forms.JointInspectionForm
    submit_label = "发起综合查一次"
    intro = "邀请其他机关同日同地对该企业联合检查，形成一份共同记录；各机关由本机关的执法人员检查并记录本机关的事项（D2.1）。"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "own_agency_id": self.parent.agency_id}

    def perform(self, form):
        return services.joint_inspection_create(actor=self.request.user, plan=self.parent, **form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()


class PlanLink(_PlanAct):
    title = "链接本机关的案件"
    form_class = forms.PlanLinkForm
    intro = "检查后本机关据此立案或办理的，把检查链接到该案件（及其中的现场检查笔录），共同记录即指向本机关的案件。"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "plan": self.parent}

    def perform(self, form):
        return services.inspection_plan_link(actor=self.request.user, plan=self.parent, **form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()


class JointList(ListPage):
    title = "综合查一次"
    headers = ["检查日期", "被检查企业", "牵头机关", "参加机关", "地点"]
    row_template = "cooperation/rows/joint.html"
    filterset_class = filters.JointFilter
    empty_text = "没有综合查一次。"

    def get_queryset(self):
        return selectors.joint_list(self.request.user)


class JointDetail(DetailPage):
    template_name = "cooperation/joint_detail.html"

    def get_object(self):
        return selectors.joint_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        j, user = self.object, self.request.user
        parts = list(j.parts.all())
        joined = {p.agency_id for p in parts}
        own = next((p for p in parts if p.agency_id == user.agency_id), None)
        acts = has_role(user, *SENDERS)
        ctx.update(
            title=str(j),
            parts=parts,
            waiting=[a for a in j.invited.all() if a.pk not in joined],
            can_join=acts and user.agency_id in {a.pk for a in j.invited.all()} and own is None,
            can_record=acts and own is not None and not own.recorded_on,
            own=own,
            breadcrumbs=[("综合查一次", reverse("cooperation:joint_list")), (str(j), None)],
        )
        return ctx


class _JointAct(_ParentAct):
    getter = staticmethod(selectors.joint_get)


class JointJoin(_JointAct):
    title = "加入综合查一次"
    form_class = forms.JoinForm
    submit_label = "加入"
    intro = "本机关加入后，这次检查计入本机关本年度对该企业的检查次数（国办发〔2024〕54号）。"

    def perform(self, form):
        return services.joint_inspection_join(actor=self.request.user, joint=self.parent, **form.cleaned_data)


class JointRecord(_JointAct):
    title = "记录本机关的检查情况"
    form_class = forms.JointRecordForm
    intro = "在共同记录中记录本机关的检查：本机关不少于两名持证执法人员，并出示执法证件（D3.8）。"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "agency_id": self.request.user.agency_id}

    def perform(self, form):
        return services.joint_part_record(actor=self.request.user, joint=self.parent, **form.cleaned_data)


class CapApprovalList(ListPage):
    title = "超出年度频次上限检查的书面批准"
    headers = ["批准日期", "被检查企业", "年度", "批准理由", "审批文书编号", "批准人", "使用情况"]
    row_template = "cooperation/rows/cap_approval.html"
    filterset_class = filters.CapApprovalFilter
    empty_text = "没有超频次检查的书面批准。"
    create_label = "书面批准"

    def get_queryset(self):
        return selectors.cap_approval_list(self.request.user)

    def get_create_url(self):
        return reverse("cooperation:cap_approval_create") if has_role(self.request.user, Role.HEAD) else None


class CapApprovalCreate(ActPage):
    title = "书面批准超出年度频次上限的检查"
    form_class = forms.CapApprovalForm
    intro = "本机关本年度对该企业的现场检查已达公布的频次上限的，再检查一次须经机关负责人书面批准并写明理由（D2.1，国办发〔2024〕54号）。一份批准用于一次检查。"

    def get_initial(self):
        return {"party": self.request.GET.get("party"), "year": clock.today().year}

    def perform(self, form):
        return services.inspection_cap_approve(actor=self.request.user, **form.cleaned_data)


class BeyondCap(StaffPage, TemplateView):
    """超出年度频次上限而没有书面批准的现场检查（D2.1）：报本机关和其上的政府法制机构。"""

    template_name = "cooperation/beyond_cap.html"
    title = "超出年度检查频次上限的检查"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        year = self.request.GET.get("year", "")
        year = int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else clock.today().year
        ctx.update(year=year, rows=selectors.inspections_beyond_cap(self.request.user, year))
        return ctx
