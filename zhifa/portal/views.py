"""Public pages (no login) and the agencies' publication pages."""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from zhifa.accounts.models import Role
from zhifa.core import clock
from zhifa.core.web import ActPage, DetailPage, ListPage, PublicDetailPage, PublicListPage, PublicPage
from zhifa.portal import deadlines, filters, forms, opendata, selectors, services
from zhifa.portal.models import Publication


class HomeView(PublicPage, TemplateView):
    template_name = "portal/home.html"
    title = "行政执法公开"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["latest_publications"] = selectors.published_list().select_related("agency")[:5]
        return ctx


# --- published decisions (public) -------------------------------------------------------


class PublicationList(PublicListPage):
    title = "行政处罚决定公开"
    headers = ["索引号", "发文字号", "当事人", "违法行为", "处罚内容", "主题分类", "成文日期", "发布日期"]
    row_template = "portal/rows/publication.html"
    filterset_class = filters.PublicationFilter
    template_name = "portal/publication_list.html"
    empty_text = "暂无公开的执法决定。"

    def get_queryset(self):
        return selectors.published_list()


class PublicationDetail(PublicDetailPage):
    template_name = "portal/publication_detail.html"

    def get_object(self):
        return selectors.public_get(self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["title"] = self.object.title or self.object.document_number
        ctx["replaced_by"] = selectors.public_republication(self.object)
        ctx["replaces"] = self.object.previous
        ctx["breadcrumbs"] = [
            ("行政处罚决定公开", reverse("portal:publication_list")),
            (self.object.document_number, None),
        ]
        return ctx


class WithdrawalList(PublicListPage):
    title = "撤回公告"
    headers = ["索引号", "发文字号", "作出决定的机关", "撤回日期", "撤回理由"]
    row_template = "portal/rows/withdrawal.html"
    empty_text = "暂无撤回的公开信息。"

    def get_queryset(self):
        return selectors.withdrawn_list()


class OpenData(PublicPage, TemplateView):
    template_name = "portal/open_data.html"
    title = "开放数据：公开的执法决定"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["fields"] = opendata.FIELDS
        return ctx


class ExportCsv(View):
    def get(self, request):
        response = HttpResponse(opendata.as_csv(selectors.published_list()), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="publications.csv"'
        return response


class ExportJson(View):
    def get(self, request):
        body = json.dumps(opendata.as_json(selectors.published_list()), ensure_ascii=False, indent=1)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="publications.json"'
        return response


# --- the agencies' pages ------------------------------------------------------------------


class ManagedList(ListPage):
    title = "执法决定公开管理"
    headers = ["索引号", "发文字号", "当事人", "状态", "应公开期限", "发布日期", "撤回期限"]
    row_template = "portal/rows/managed.html"
    filterset_class = filters.ManagedPublicationFilter
    create_label = "登记公开"

    def get_create_url(self):
        return reverse("portal:publication_prepare")

    def get_queryset(self):
        return selectors.publication_list(self.request.user)


class LateList(ListPage):
    title = "逾期公开、逾期撤回"
    headers = ["索引号", "发文字号", "机关", "状态", "逾期情况"]
    row_template = "portal/rows/late.html"
    empty_text = "没有逾期公开或逾期撤回的信息。"
    template_name = "portal/late_list.html"

    def get_queryset(self):
        return selectors.late_publications(self.request.user)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        today = clock.today()
        ctx["rows"] = [(p, deadlines.late_reasons(p, today)) for p in ctx["rows"]]
        return ctx


class ManagedDetail(DetailPage):
    template_name = "portal/managed_detail.html"

    def get_object(self):
        return selectors.publication_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        pub = self.object
        ctx["late_reasons"] = deadlines.late_reasons(pub, clock.today())
        ctx["breadcrumbs"] = [("执法决定公开管理", reverse("portal:publication_manage")), (str(pub), None)]
        user = self.request.user
        staff = user.role in (Role.OFFICER, Role.HEAD, Role.ADMIN)
        ctx["can_publish"] = (
            staff and pub.status == "pending" and pub.change_kind in ("", *Publication.REPUBLISHED_AFTER)
        )
        ctx["can_change"] = user.role in services.CHANGE_RECORDERS + (Role.ADMIN,) and not pub.change_kind
        ctx["can_withdraw"] = staff and pub.status == "published"
        republication = getattr(pub, "republication", None)
        ctx["republication"] = republication
        ctx["can_republish"] = (
            staff
            and pub.status == "withdrawn"
            and pub.change_kind in Publication.REPUBLISHED_AFTER
            and republication is None
        )
        return ctx


class _PublicationAct(ActPage):
    def get_publication(self):
        if not hasattr(self, "_pub"):
            self._pub = selectors.publication_get(self.request.user, self.kwargs["pk"])
        return self._pub

    def get_initial(self):
        return {"on": clock.today()}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        pub = self.get_publication()
        ctx["breadcrumbs"] = [
            ("执法决定公开管理", reverse("portal:publication_manage")),
            (str(pub), reverse("portal:publication_manage_detail", args=[pub.pk])),
            (self.title, None),
        ]
        ctx["cancel_url"] = reverse("portal:publication_manage_detail", args=[pub.pk])
        return ctx

    def get_success_url(self):
        return reverse("portal:publication_manage_detail", args=[self.result.pk])


class Publish(_PublicationAct):
    title = "公开决定信息"
    form_class = forms.PublishForm
    submit_label = "公开"
    success_message = "已向社会公开（已脱敏）。"
    intro = "公开的内容经脱敏：不含自然人的身份证号码、住址、电话和当事人亲属的信息（《决定》五（六））。"

    def perform(self, form):
        return services.publication_publish(
            actor=self.request.user, publication=self.get_publication(), **form.cleaned_data
        )


class Republish(_PublicationAct):
    title = "重新公开变更后的决定"
    form_class = forms.PublishForm
    submit_label = "重新公开"
    success_message = "已公开变更后的决定，并与原公开信息关联。"
    intro = "依法变更或更正的决定，撤下原公开信息后公开变更后的决定（已脱敏），并说明变更情况；公示期自原公开之日起计算。系统每日定时任务也会自动办理。"

    def perform(self, form):
        return services.publication_republish(
            actor=self.request.user, publication=self.get_publication(), **form.cleaned_data
        )


class Change(_PublicationAct):
    title = "登记决定的变更、撤销"
    form_class = forms.ChangeForm
    success_message = "已登记。已公开的信息应在三个工作日内撤回。"
    intro = "公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效的，应当在三个工作日内撤回并公开说明理由（行政处罚法第四十八条）。"

    def perform(self, form):
        return services.decision_change_record(
            actor=self.request.user, publication=self.get_publication(), **form.cleaned_data
        )


class Withdraw(_PublicationAct):
    title = "撤回公开信息"
    form_class = forms.WithdrawForm
    submit_label = "撤回"
    success_message = "已撤回，并在撤回公告中说明理由。"

    def perform(self, form):
        return services.publication_withdraw(
            actor=self.request.user, publication=self.get_publication(), **form.cleaned_data
        )


class Prepare(ActPage):
    title = "登记执法决定公开"
    form_class = forms.PrepareForm
    success_message = "已登记，决定书送达后公开。"
    intro = "普通程序作出的行政处罚决定（仅警告的除外）由系统每日自动登记；其他决定具有一定社会影响的，在此登记公开。"

    def get_initial(self):
        return {"on": clock.today()}

    def perform(self, form):
        data = form.cleaned_data
        decision = selectors.decision_to_publish(self.request.user, data["number"])
        return services.publication_prepare(
            actor=self.request.user,
            decision=decision,
            social_impact=data["social_impact"],
            social_impact_reason=data["social_impact_reason"],
            on=data["on"],
        )

    def get_success_url(self):
        return reverse("portal:publication_manage_detail", args=[self.result.pk])
