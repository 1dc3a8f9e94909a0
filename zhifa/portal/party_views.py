"""The party's own pages (no staff login: the party's session holds its access code) and the
agencies' pages that receive what parties and stakeholders submit."""

from __future__ import annotations

import io

import segno
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.generic import FormView, TemplateView

from zhifa.cases.selectors import case_get
from zhifa.core import clock
from zhifa.core.errors import DomainError
from zhifa.core.forms import show_error
from zhifa.core.web import ActPage, DetailPage, ListPage, PublicPage
from zhifa.documents.views import issued_file_response
from zhifa.portal import forms, selectors, services
from zhifa.portal.models import Submission
from zhifa.portal.party_auth import SESSION_KEY


class PartyLogin(PublicPage, FormView):
    template_name = "portal/party_login.html"
    form_class = forms.PartyLoginForm
    title = "当事人登录"

    def form_valid(self, form):
        try:
            access = services.party_login(**form.cleaned_data)
        except DomainError as error:
            show_error(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=error.status)
        self.request.session.cycle_key()
        self.request.session[SESSION_KEY] = access.pk
        target = self.request.GET.get("next", "")
        if target and url_has_allowed_host_and_scheme(target, allowed_hosts={self.request.get_host()}):
            return redirect(target)
        return redirect("portal:party_home")


class PartyLoginQr(View):
    """The QR code of the party login address, printed on the access-code slip."""

    def get(self, request):
        url = request.build_absolute_uri(reverse("portal:party_login"))
        out = io.BytesIO()
        segno.make(url, error="m").save(out, kind="svg", scale=5, border=2, title="当事人登录")
        return HttpResponse(out.getvalue(), content_type="image/svg+xml; charset=utf-8")


class PartyLogout(PublicPage, TemplateView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        request.session.pop(SESSION_KEY, None)
        return redirect("portal:party_login")


class PartyPage(PublicPage):
    """A page of the logged-in party; without a live access code, the party login."""

    def dispatch(self, request, *args, **kwargs):
        self.access = selectors.party_access_get(request.session.get(SESSION_KEY))
        if self.access is None:
            return redirect("portal:party_login")
        self.party = self.access.party
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["party"] = self.party
        return ctx


class PartyHome(PartyPage, TemplateView):
    template_name = "portal/party_home.html"
    title = "我的案件"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["cases"] = selectors.party_cases(self.party)
        ctx["consent"] = selectors.live_consent(self.party)
        return ctx


class PartyCase(PartyPage, TemplateView):
    template_name = "portal/party_case.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        case = selectors.party_case_get(self.party, self.kwargs["pk"])
        ctx.update(selectors.party_case_view(case, clock.today()))
        ctx.update(
            case=case,
            title=f"案件 {case.number}",
            breadcrumbs=[("我的案件", reverse("portal:party_home")), (case.number, None)],
        )
        return ctx


class PartyDocument(PartyPage, View):
    """A document the party holds, as it was issued (the signed PDF, or the HTML when rendering
    was deferred), from the party's own case only."""

    def get(self, request, *args, **kwargs):
        doc = selectors.party_document_get(self.party, kwargs["pk"], kwargs["doc"])
        return issued_file_response(doc, download=bool(request.GET.get("download")))


class _PartyAct(PartyPage, FormView):
    template_name = "core/form.html"
    submit_label = "提交"
    success_message = "已提交，机关将依法办理。"
    intro = ""

    def get_case(self):
        return selectors.party_case_get(self.party, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        case = self.get_case()
        url = reverse("portal:party_case", args=[case.pk])
        ctx.update(
            submit_label=self.submit_label,
            intro=self.intro,
            cancel_url=url,
            breadcrumbs=[("我的案件", reverse("portal:party_home")), (case.number, url), (self.title, None)],
        )
        return ctx

    def perform(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.perform(form)
        except DomainError as error:
            if error.code == "not_found":
                raise
            show_error(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=error.status)
        messages.success(self.request, self.success_message)
        return redirect("portal:party_case", pk=self.kwargs["pk"])

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PartyDefence(_PartyAct):
    title = "在线陈述、申辩"
    form_class = forms.DefenceForm
    intro = "您有权进行陈述和申辩。机关必须充分听取您的意见，对您提出的事实、理由和证据逐项记录并复核；不会因您申辩而加重处罚（行政处罚法第四十五条）。"

    def perform(self, form):
        services.submission_make(
            party=self.party, case=self.get_case(), kind=Submission.Kind.DEFENCE, **form.cleaned_data
        )


class PartyHearing(_PartyAct):
    title = "要求听证"
    form_class = forms.HearingForm
    intro = "拟作出较大数额罚款、责令停产停业、吊销许可证件等处罚的，您可以在告知书送达后五个工作日内要求听证（行政处罚法第六十三条、第六十四条）。"

    def perform(self, form):
        services.submission_make(party=self.party, case=self.get_case(), kind=Submission.Kind.HEARING)


class PartyPaymentPlan(_PartyAct):
    title = "申请暂缓或分期缴纳罚款"
    form_class = forms.PaymentPlanForm
    intro = "确有经济困难，需要延期或者分期缴纳罚款的，可以申请，经机关批准后按批准的安排缴纳（行政处罚法第六十六条）。"

    def perform(self, form):
        services.submission_make(
            party=self.party, case=self.get_case(), kind=Submission.Kind.PAYMENT_PLAN, **form.cleaned_data
        )


class PartySurvey(_PartyAct):
    title = "回访问卷"
    form_class = forms.SurveyForm
    intro = "请告诉我们您履行决定的情况和遇到的问题和困难，能解决的机关帮助解决，暂时不能解决的做好解释（《决定》五（四））。"

    def perform(self, form):
        services.submission_make(
            party=self.party, case=self.get_case(), kind=Submission.Kind.SURVEY, **form.cleaned_data
        )


class PartyCredit(PartyPage, TemplateView):
    template_name = "portal/party_credit.html"
    title = "我的信用评价"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(selectors.party_credit(self.party, clock.today()))
        ctx["breadcrumbs"] = [("我的案件", reverse("portal:party_home")), (self.title, None)]
        return ctx


class PartyObjection(PartyPage, FormView):
    template_name = "core/form.html"
    form_class = forms.PartyObjectionForm
    title = "对信用评价提出异议"

    def get_form_kwargs(self):
        lines = selectors.party_credit(self.party, clock.today())["rating"].lines
        kwargs = {**super().get_form_kwargs(), "lines": lines}
        if self.request.method == "GET" and self.request.GET.get("line"):
            kwargs["initial"] = {"line_key": self.request.GET["line"]}
        return kwargs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            submit_label="提出异议",
            cancel_url=reverse("portal:party_credit"),
            intro="您认为信用评价中的某一项有误的，可以提出异议，由作出该项的机关答复；异议成立的，该项不计入信用评价（《决定》五（七））。",
            breadcrumbs=[
                ("我的案件", reverse("portal:party_home")),
                ("我的信用评价", reverse("portal:party_credit")),
                (self.title, None),
            ],
        )
        return ctx

    def form_valid(self, form):
        try:
            services.credit_objection_make(party=self.party, **form.cleaned_data)
        except DomainError as error:
            show_error(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=error.status)
        messages.success(self.request, "异议已提出，作出该项的机关将答复您。")
        return redirect("portal:party_credit")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PartyConsent(PartyPage, FormView):
    template_name = "core/form.html"
    form_class = forms.ConsentForm
    title = "同意电子送达"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            submit_label="确认",
            cancel_url=reverse("portal:party_home"),
            intro="您同意并确认后，机关可以通过您确认的电子邮件或手机号码送达执法文书（行政处罚法第六十一条）。可随时撤回同意。",
            breadcrumbs=[("我的案件", reverse("portal:party_home")), (self.title, None)],
        )
        return ctx

    def form_valid(self, form):
        try:
            services.service_consent_give(party=self.party, **form.cleaned_data)
        except DomainError as error:
            show_error(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=error.status)
        messages.success(self.request, "已确认电子送达地址。")
        return redirect("portal:party_home")


class PartyConsentWithdraw(PartyPage, TemplateView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        try:
            services.service_consent_withdraw(party=self.party)
            messages.success(request, "已撤回电子送达的同意。")
        except DomainError as error:
            messages.error(request, error.message)
        return redirect("portal:party_home")


# --- stakeholders and victims (public) -------------------------------------------------------


class OpinionSubmit(PublicPage, FormView):
    template_name = "core/form.html"
    form_class = forms.OpinionForm
    title = "对整改情况提出意见"

    def get_publication(self):
        return selectors.public_get(self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        pub = self.get_publication()
        ctx.update(
            submit_label="提交意见",
            cancel_url=pub.get_absolute_url(),
            intro=f"您是本决定（{pub.document_number}）所涉违法行为的受害人或利害关系人的，可以对整改情况提出意见，机关将答复您（《决定》五（五））。您的联系方式不公开。",
            breadcrumbs=[
                ("行政处罚决定公开", reverse("portal:publication_list")),
                (pub.document_number, pub.get_absolute_url()),
                (self.title, None),
            ],
        )
        return ctx

    def form_valid(self, form):
        try:
            services.stakeholder_opinion_submit(publication=self.get_publication(), **form.cleaned_data)
        except DomainError as error:
            if error.code == "not_found":
                raise
            show_error(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=error.status)
        messages.success(self.request, "意见已提交，机关将答复您。")
        return redirect(self.get_publication().get_absolute_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


# --- the agencies' pages ---------------------------------------------------------------------


class SubmissionList(ListPage):
    title = "当事人在线提交"
    headers = ["提交日期", "事项", "当事人", "案件", "状态"]
    row_template = "portal/rows/submission.html"
    empty_text = "没有当事人在线提交的事项。"

    def get_queryset(self):
        return selectors.submission_list(self.request.user)


class SubmissionDetail(DetailPage):
    template_name = "portal/submission_detail.html"

    def get_object(self):
        return selectors.submission_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["breadcrumbs"] = [("当事人在线提交", reverse("portal:submission_list")), (str(self.object), None)]
        return ctx


class _SubmissionAct(ActPage):
    def get_submission(self):
        return selectors.submission_get(self.request.user, self.kwargs["pk"])

    def get_initial(self):
        return {"on": clock.today()}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        sub = self.get_submission()  # "not found" outside the user's scope, before the form is shown
        ctx["cancel_url"] = reverse("portal:submission_detail", args=[sub.pk])
        return ctx

    def get_success_url(self):
        return reverse("portal:submission_detail", args=[self.result.pk])


class SubmissionReceive(_SubmissionAct):
    title = "接收并登记"
    form_class = forms.ReceiveForm
    success_message = "已按案件程序登记。"
    intro = "陈述申辩登记为案件的陈述申辩（逐项复核），听证要求登记为案件的听证要求（以当事人提交日期为要求日期），回访问卷登记为回访。"

    def perform(self, form):
        return services.submission_receive(
            actor=self.request.user, submission=self.get_submission(), **form.cleaned_data
        )


class SubmissionDecide(_SubmissionAct):
    title = "决定暂缓或分期缴纳申请"
    form_class = forms.DecideForm
    success_message = "已决定。"
    intro = "批准的，按当事人申请的安排确定缴纳计划（行政处罚法第六十六条）；不予批准的，说明理由。"

    def perform(self, form):
        return services.submission_decide(
            actor=self.request.user, submission=self.get_submission(), **form.cleaned_data
        )


class OpinionList(ListPage):
    title = "利害关系人、受害人意见"
    headers = ["提出日期", "身份", "决定书", "意见", "答复"]
    row_template = "portal/rows/opinion.html"
    empty_text = "没有利害关系人、受害人的意见。"

    def get_queryset(self):
        return selectors.opinion_list(self.request.user)


class OpinionAnswer(ActPage):
    title = "答复意见"
    form_class = forms.AnswerForm
    success_message = "已答复。"

    def get_opinion(self):
        return selectors.opinion_get(self.request.user, self.kwargs["pk"])

    def get_initial(self):
        return {"on": clock.today()}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        opinion = self.get_opinion()
        ctx["intro"] = f"{opinion.get_relation_display()}{opinion.name}（{opinion.contact}）的意见：{opinion.opinion}"
        ctx["cancel_url"] = reverse("portal:opinion_list")
        return ctx

    def perform(self, form):
        return services.stakeholder_opinion_answer(
            actor=self.request.user, opinion=self.get_opinion(), **form.cleaned_data
        )

    def get_success_url(self):
        return reverse("portal:opinion_list")


class AccessCodeIssue(ActPage):
    """发放访问码：提交后只显示这一次，随告知书送达当事人。"""

    title = "发放当事人访问码"
    form_class = forms.IssueCodeForm
    submit_label = "生成访问码"
    intro = "访问码随事先告知书送达当事人，当事人凭统一社会信用代码或身份证号码和访问码登录，在线查看案件、陈述申辩、要求听证。访问码只显示这一次；重新生成后原访问码作废。"
    template_name = "portal/access_code.html"

    def get_case(self):
        return case_get(self.request.user, self.kwargs["pk"])

    def get_initial(self):
        return {"on": clock.today()}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        case = self.get_case()
        ctx.update(
            case=case,
            cancel_url=case.get_absolute_url(),
            live=selectors.case_access(case)["live"],
            login_url=self.request.build_absolute_uri(reverse("portal:party_login")),
        )
        return ctx

    def form_valid(self, form):
        try:
            record, code = services.access_code_issue(
                actor=self.request.user, case=self.get_case(), **form.cleaned_data
            )
        except DomainError as error:
            if error.code in ("not_found", "not_authenticated"):
                raise
            show_error(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=error.status)
        return self.render_to_response(self.get_context_data(form=form, code=code, record=record))
