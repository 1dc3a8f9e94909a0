"""Pages of the legal-basis registry, violation items and cleanups; and the public pages
(D3.2a: bases in force; D3.2b: repeals and published cleanup results)."""

from __future__ import annotations

from django.urls import reverse
from django.views.generic import TemplateView

from zhifa.accounts.access import can_manage_agency, government_ids, has_role
from zhifa.accounts.models import Role
from zhifa.core import clock
from zhifa.core.web import ActPage, DetailPage, ListPage, PublicDetailPage, PublicListPage, StaffPage
from zhifa.law import filters, forms, selectors, services
from zhifa.law.models import Cleanup, LegalBasis
from zhifa.org.models import Agency, Government

MAINTAINERS = (Role.ADMIN, Role.LEGAL_OFFICE, Role.HEAD)


# --- legal bases ------------------------------------------------------------------------


class BasisList(ListPage):
    title = "执法依据"
    headers = ["名称", "效力层级", "制定机关", "文号", "施行日期", "状态", "条文"]
    row_template = "law/rows/basis.html"
    filterset_class = filters.LegalBasisFilter
    create_label = "登记执法依据"

    def get_queryset(self):
        return selectors.basis_list()

    def get_create_url(self):
        return reverse("law:basis_create") if has_role(self.request.user, *MAINTAINERS) else None

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["today"] = clock.today()
        return ctx


class BasisDetail(DetailPage):
    template_name = "law/basis_detail.html"

    def get_object(self):
        return selectors.basis_get(self.kwargs["pk"])

    def get_breadcrumbs(self):
        return [("执法依据", reverse("law:basis_list")), (str(self.object), None)] if hasattr(self, "object") else []

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        basis = self.object
        ctx.update(
            articles=basis.articles.order_by("number"),
            can_maintain=services.can_maintain(self.request.user, basis),
            in_force=basis.in_force(clock.today()),
            repeal_entries=basis.cleanup_entries.select_related("cleanup").filter(outcome="repeal"),
        )
        return ctx


class BasisCreate(ActPage):
    title = "登记执法依据"
    form_class = forms.LegalBasisForm
    success_message = "执法依据已登记。"
    intro = "法律、法规和规章由系统管理员或政府法制机构登记；机关负责人登记本机关制定的规范性文件。规范性文件不得作为执法依据（《决定》三（十））。"

    def get_initial(self):
        user = self.request.user
        if user.is_authenticated and user.role == Role.HEAD:
            return {
                "level": LegalBasis.Level.NORMATIVE_DOCUMENT,
                "issuing_agency": user.agency_id,
                "issuer": str(user.agency),
            }
        return {}

    def perform(self, form):
        return services.legal_basis_create(actor=self.request.user, **form.cleaned_data)


class BasisEdit(ActPage):
    title = "修改执法依据"
    form_class = forms.LegalBasisForm
    success_message = "已保存修改。"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = selectors.basis_get(self.kwargs["pk"])
        return kwargs

    def perform(self, form):
        basis = selectors.basis_get(self.kwargs["pk"])
        return services.legal_basis_update(actor=self.request.user, basis=basis, **form.cleaned_data)


class BasisRepeal(ActPage):
    title = "登记废止"
    form_class = forms.RepealForm
    submit_label = "登记废止"
    success_message = "已登记废止，自废止之日起不再作为执法依据，并在公开平台公示。"
    intro = "规范性文件的废止一般在清理中作出结论；法律、法规、规章的废止按制定机关的公布登记。"

    def perform(self, form):
        basis = selectors.basis_get(self.kwargs["pk"])
        return services.legal_basis_repeal(actor=self.request.user, basis=basis, **form.cleaned_data)


class ArticleCreate(ActPage):
    title = "登记条文"
    form_class = forms.ArticleForm
    success_message = "条文已登记。"

    def perform(self, form):
        basis = selectors.basis_get(self.kwargs["pk"])
        return services.article_create(actor=self.request.user, basis=basis, **form.cleaned_data).basis


class ArticleEdit(ActPage):
    title = "修改条文"
    form_class = forms.ArticleForm
    success_message = "条文已修改。"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = selectors.article_get(self.kwargs["pk"])
        return kwargs

    def perform(self, form):
        article = selectors.article_get(self.kwargs["pk"])
        return services.article_update(actor=self.request.user, article=article, **form.cleaned_data).basis


# --- violation items --------------------------------------------------------------------


class ItemList(ListPage):
    title = "违法行为事项"
    headers = ["编码", "违法行为", "执法领域", "违反的条文", "处罚依据", "生命健康、金融安全"]
    row_template = "law/rows/item.html"
    filterset_class = filters.ViolationItemFilter
    create_label = "登记违法行为事项"

    def get_queryset(self):
        return selectors.item_list()

    def get_create_url(self):
        return reverse("law:item_create") if has_role(self.request.user, Role.LEGAL_OFFICE) else None


class ItemDetail(DetailPage):
    template_name = "law/item_detail.html"

    def get_object(self):
        return selectors.item_get(self.kwargs["pk"])

    def get_breadcrumbs(self):
        return [("违法行为事项", reverse("law:item_list")), (str(self.object), None)] if hasattr(self, "object") else []


class ItemCreate(ActPage):
    title = "登记违法行为事项"
    form_class = forms.ViolationItemForm
    success_message = "违法行为事项已登记。"

    def perform(self, form):
        return services.violation_item_create(actor=self.request.user, **form.cleaned_data)


class ItemEdit(ActPage):
    title = "修改违法行为事项"
    form_class = forms.ViolationItemForm
    success_message = "已保存修改。"

    def get_initial(self):
        return forms.ViolationItemForm.initial_for(selectors.item_get(self.kwargs["pk"]))

    def perform(self, form):
        item = selectors.item_get(self.kwargs["pk"])
        return services.violation_item_update(actor=self.request.user, item=item, **form.cleaned_data)


# --- cleanups ---------------------------------------------------------------------------


class CleanupList(ListPage):
    title = "规范性文件清理"
    headers = ["名称", "组织清理", "范围", "开始日期", "结论数", "状态"]
    row_template = "law/rows/cleanup.html"
    filterset_class = filters.CleanupFilter
    create_label = "组织清理"

    def get_queryset(self):
        return selectors.cleanup_list(self.request.user)

    def get_create_url(self):
        return reverse("law:cleanup_create") if has_role(self.request.user, Role.HEAD, Role.LEGAL_OFFICE) else None

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["reminders"] = selectors.cleanup_reminders(self.request.user, clock.today())
        return ctx

    template_name = "law/cleanup_list.html"


class CleanupDetail(DetailPage):
    template_name = "law/cleanup_detail.html"

    def get_object(self):
        return selectors.cleanup_get(self.request.user, self.kwargs["pk"])

    def get_breadcrumbs(self):
        return (
            [("规范性文件清理", reverse("law:cleanup_list")), (str(self.object), None)]
            if hasattr(self, "object")
            else []
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        cleanup = self.object
        user = self.request.user
        if cleanup.agency_id:
            may_act = can_manage_agency(user, cleanup.agency_id)
        else:
            may_act = has_role(user, Role.LEGAL_OFFICE) and (
                user.role == Role.ADMIN or user.government_id == cleanup.government_id
            )
        ctx.update(
            entries=selectors.cleanup_entries(cleanup), pending=selectors.documents_pending(cleanup), may_act=may_act
        )
        return ctx


def _organiser_choices(user):
    if user.role == Role.ADMIN:
        return Agency.objects.all(), Government.objects.all()
    if user.role == Role.HEAD:
        return Agency.objects.filter(pk=user.agency_id), Government.objects.none()
    if user.role == Role.LEGAL_OFFICE:
        return Agency.objects.filter(government_id__in=government_ids(user)), Government.objects.filter(
            pk=user.government_id
        )
    return Agency.objects.none(), Government.objects.none()


class CleanupCreate(ActPage):
    title = "组织清理"
    form_class = forms.CleanupForm
    success_message = "清理已开始。请对每一件文件作出确认、修改或者废止的结论。"
    intro = "执法机关定期清理本机关制定的规范性文件；政府每届任期内至少全面清理一次本级政府的规章和规范性文件（《决定》三（二））。"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.request.user.is_authenticated:
            kwargs["agencies"], kwargs["governments"] = _organiser_choices(self.request.user)
        return kwargs

    def get_initial(self):
        user = self.request.user
        initial = {"started_on": clock.today()}
        if user.is_authenticated and user.role == Role.HEAD:
            initial.update(agency=user.agency_id, scope=Cleanup.Scope.PERIODIC)
        elif user.is_authenticated and user.role == Role.LEGAL_OFFICE:
            initial.update(government=user.government_id, scope=Cleanup.Scope.FULL)
        return initial

    def perform(self, form):
        return services.cleanup_open(actor=self.request.user, **form.cleaned_data)


class _CleanupAct(ActPage):
    def get_cleanup(self):
        return selectors.cleanup_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        cleanup = self.get_cleanup()
        ctx["breadcrumbs"] = [
            ("规范性文件清理", reverse("law:cleanup_list")),
            (cleanup.title, cleanup.get_absolute_url()),
            (self.title, None),
        ]
        ctx["cancel_url"] = cleanup.get_absolute_url()
        return ctx


class CleanupEntryCreate(_CleanupAct):
    title = "登记清理结论"
    form_class = forms.CleanupEntryForm
    success_message = "清理结论已登记。"
    intro = (
        "结论为“废止”的文件，自决定之日起立即停止执行，不得再作为执法依据，并在公开平台公示废止（《决定》三（二））。"
    )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["documents"] = selectors.documents_of(self.get_cleanup()).filter(repealed_on__isnull=True)
        return kwargs

    def get_initial(self):
        return {"decided_on": clock.today()}

    def perform(self, form):
        services.cleanup_entry_record(actor=self.request.user, cleanup=self.get_cleanup(), **form.cleaned_data)
        return self.get_cleanup()


class CleanupComplete(_CleanupAct):
    title = "完成清理"
    form_class = forms.CleanupCompleteForm
    submit_label = "完成清理"
    success_message = "清理已完成，请及时公布清理结果。"

    def get_initial(self):
        return {"completed_on": clock.today()}

    def perform(self, form):
        return services.cleanup_complete(actor=self.request.user, cleanup=self.get_cleanup(), **form.cleaned_data)


class CleanupPublish(_CleanupAct):
    title = "公布清理结果"
    form_class = forms.CleanupPublishForm
    submit_label = "公布"
    success_message = "清理结果已在公开平台公布。"

    def get_initial(self):
        return {"published_on": clock.today()}

    def perform(self, form):
        return services.cleanup_publish(actor=self.request.user, cleanup=self.get_cleanup(), **form.cleaned_data)


class CleanupReminders(StaffPage, TemplateView):
    """政府任期届满而未完成全面清理的提醒（《决定》三（二））。"""

    template_name = "law/reminders.html"
    title = "全面清理提醒"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        form = forms.RemindersForm(self.request.GET or None)
        on = form.cleaned_data.get("on") if form.is_valid() else None
        on = on or clock.today()
        ctx.update(form=form, on=on, reminders=selectors.cleanup_reminders(self.request.user, on))
        return ctx


# --- public pages (no login) ------------------------------------------------------------


class PublicBasisList(PublicListPage):
    title = "现行执法依据"
    headers = ["名称", "效力层级", "制定机关", "文号", "施行日期"]
    row_template = "law/rows/public_basis.html"
    filterset_class = filters.LegalBasisFilter
    template_name = "law/public_basis_list.html"

    def get_queryset(self):
        # In force today unless the reader asks for another date through the filter.
        if self.request.GET.get("in_force_on"):
            return selectors.basis_list()
        return selectors.bases_in_force(clock.today())


class PublicBasisDetail(PublicDetailPage):
    template_name = "law/public_basis_detail.html"

    def get_object(self):
        return selectors.public_basis_get(self.kwargs["pk"], clock.today())

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["articles"] = self.object.articles.order_by("number")
        ctx["breadcrumbs"] = [("现行执法依据", reverse("law:public_basis_list")), (str(self.object), None)]
        return ctx


class PublicRepealList(PublicListPage):
    title = "废止公告"
    headers = ["名称", "效力层级", "制定机关", "文号", "废止日期", "废止理由"]
    row_template = "law/rows/public_repeal.html"
    empty_text = "暂无废止的执法依据。"

    def get_queryset(self):
        return selectors.repeals()


class PublicCleanupList(PublicListPage):
    title = "清理结果公告"
    headers = ["名称", "组织清理", "范围", "完成日期", "公布日期", "结论数"]
    row_template = "law/rows/public_cleanup.html"
    empty_text = "暂无公布的清理结果。"

    def get_queryset(self):
        return selectors.published_cleanups()


class PublicCleanupDetail(PublicDetailPage):
    template_name = "law/public_cleanup_detail.html"

    def get_object(self):
        return selectors.published_cleanup_get(self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["entries"] = selectors.cleanup_entries(self.object)
        ctx["breadcrumbs"] = [("清理结果公告", reverse("law:public_cleanup_list")), (str(self.object), None)]
        return ctx
