"""Cooperation pages: the competence proposal, transfers (sent and received, with their
status and the overdue answers), the receipt and the pass-on, and the letters sending
suspected crimes to public security. A page parses input and calls one service or
selector; every rule lives in the services."""

from __future__ import annotations

from django.urls import reverse
from django.views.generic import TemplateView

from zhifa.accounts.access import can_see_agency, has_role
from zhifa.accounts.models import Role
from zhifa.cases import selectors as case_selectors
from zhifa.cases.models import Status
from zhifa.cooperation import competence, filters, forms, selectors, services
from zhifa.core import clock
from zhifa.core.web import ActPage, DetailPage, ListPage, StaffPage


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


class CrimeTransferAnswer(ActPage):
    title = "登记公安机关的决定"
    form_class = forms.PoliceAnswerForm
    submit_label = "登记"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.record = selectors.crime_transfer_get(request.user, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["cancel_url"] = self.record.get_absolute_url()
        return ctx

    def perform(self, form):
        return services.crime_transfer_answer(actor=self.request.user, crime_transfer=self.record, **form.cleaned_data)
