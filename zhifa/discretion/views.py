"""Pages: standards, versions and items (also public, 行政处罚法第三十四条), the diff of two
versions, export (YAML, Excel) and import, the "try the engine" form, departure counts."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views import View
from django.views.generic import FormView, TemplateView

from zhifa.accounts.access import has_role
from zhifa.accounts.models import Role
from zhifa.core import clock
from zhifa.core.errors import DomainError
from zhifa.core.forms import show_error
from zhifa.core.web import DetailPage, ListPage, PublicDetailPage, PublicListPage, PublicPage, StaffPage
from zhifa.discretion import filters, forms, selectors, services, versions


class Urls:
    """URL names for the staff pages or their public twins."""

    public = False

    def url(self, name, *args):
        return reverse(f"discretion:{'public_' if self.public else ''}{name}", args=args)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["urls_public"] = self.public
        ctx["p"] = "discretion:public_" if self.public else "discretion:"
        ctx["can_import"] = has_role(self.request.user, Role.LEGAL_OFFICE)
        return ctx


class StandardListMixin(Urls):
    title = "行政处罚裁量基准"
    headers = ["名称", "制定机关", "执法领域", "版本", "现行版本施行日期"]
    row_template = "discretion/rows/standard.html"
    filterset_class = filters.StandardFilter
    template_name = "discretion/standard_list.html"

    def get_queryset(self):
        return selectors.standard_list()


class StandardList(StandardListMixin, ListPage):
    pass


class PublicStandardList(StandardListMixin, PublicListPage):
    public = True
    title = "行政处罚裁量基准（公开）"


class StandardDetailMixin(Urls):
    template_name = "discretion/standard_detail.html"

    def get_object(self):
        return selectors.standard_get(self.kwargs["code"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["versions"] = selectors.version_list().filter(standard=self.object)
        ctx["breadcrumbs"] = [("裁量基准", self.url("standard_list")), (str(self.object), None)]
        return ctx


class StandardDetail(StandardDetailMixin, DetailPage):
    pass


class PublicStandardDetail(StandardDetailMixin, PublicDetailPage):
    public = True


class VersionDetailMixin(Urls):
    template_name = "discretion/version_detail.html"

    def get_object(self):
        return selectors.version_get(self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        v = self.object
        ctx["items"] = v.items.select_related("violation_item").all()
        ctx["others"] = selectors.version_list().filter(standard=v.standard).exclude(pk=v.pk)
        ctx["breadcrumbs"] = [
            ("裁量基准", self.url("standard_list")),
            (str(v.standard), self.url("standard_detail", v.standard.code)),
            (f"{v.label}版", None),
        ]
        return ctx


class VersionDetail(VersionDetailMixin, DetailPage):
    pass


class PublicVersionDetail(VersionDetailMixin, PublicDetailPage):
    public = True


class ItemListMixin(Urls):
    title = "裁量事项"
    headers = ["编码", "违法行为", "处罚依据", "裁量基准", "分档来源"]
    row_template = "discretion/rows/item.html"
    filterset_class = filters.ItemFilter

    def get_queryset(self):
        return selectors.item_list()


class ItemList(ItemListMixin, ListPage):
    pass


class PublicItemList(ItemListMixin, PublicListPage):
    public = True
    title = "裁量事项（公开）"


class ItemDetailMixin(Urls):
    template_name = "discretion/item_detail.html"

    def get_object(self):
        return selectors.item_get(self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        item = self.object
        parsed = versions.parsed(item.version.content, item.version.digest)
        ctx["tiers"] = [r for r in services.tier_rows(parsed) if r[0] == item.code]
        ctx["spec"] = parsed.items[item.code]
        ctx["spec_others"] = parsed.items[item.code].others
        ctx["breadcrumbs"] = [
            ("裁量基准", self.url("standard_list")),
            (str(item.version), self.url("version_detail", item.version.pk)),
            (item.code, None),
        ]
        return ctx


class ItemDetail(ItemDetailMixin, DetailPage):
    pass


class PublicItemDetail(ItemDetailMixin, PublicDetailPage):
    public = True


class DiffMixin(Urls):
    template_name = "discretion/diff.html"
    title = "裁量基准版本比较"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        versions = selectors.version_list().order_by("standard__code", "effective_from")
        form = forms.DiffForm(self.request.GET or None, versions=versions)
        ctx["form"] = form
        if form.is_bound and form.is_valid():
            ctx["diff"] = services.diff_versions(form.cleaned_data["old"], form.cleaned_data["new"])
        return ctx


class Diff(DiffMixin, StaffPage, TemplateView):
    pass


class PublicDiff(DiffMixin, PublicPage, TemplateView):
    public = True


class ExportYaml(View):
    """Anyone may download a published standard (行政处罚法第三十四条)."""

    def get(self, request, pk):
        v = selectors.version_get(pk)
        resp = HttpResponse(services.export_yaml(v), content_type="application/x-yaml; charset=utf-8")
        resp["Content-Disposition"] = f'attachment; filename="{v.standard.code}-{v.label}.yaml"'
        return resp


class ExportXlsx(View):
    def get(self, request, pk):
        v = selectors.version_get(pk)
        resp = HttpResponse(
            services.export_xlsx(v), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        resp["Content-Disposition"] = f'attachment; filename="{v.standard.code}-{v.label}.xlsx"'
        return resp


class Import(StaffPage, FormView):
    title = "导入裁量基准"
    template_name = "core/form.html"
    form_class = forms.ImportForm

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            submit_label="导入",
            cancel_url=reverse("discretion:standard_list"),
            intro="上传一个裁量基准版本的 YAML 文件（可先导出现有版本作为模板）。每个事项须注明违反的条文、处罚依据和法定幅度；"
            "只给出法定幅度的事项按通用划分分档（从轻为下限至30%，一般为30%至70%，从重为70%至上限）。",
        )
        return ctx

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            report = services.standards_import(
                actor=self.request.user, documents=[(upload.name, upload.read().decode("utf-8", "replace"))]
            )
        except DomainError as error:
            if error.code in ("not_authenticated",):
                raise
            show_error(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=error.status)
        messages.success(self.request, f"导入完成：{report}。")
        return redirect("discretion:standard_list")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class Evaluate(StaffPage, FormView):
    """“试算”：录入情节，查看引擎的建议、过程与说理。"""

    title = "裁量试算"
    template_name = "discretion/evaluate.html"
    form_class = forms.EvaluateForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.request.method == "GET" and self.request.GET.get("item_code"):
            kwargs["data"] = self.request.GET
        kwargs["item_choices"] = sorted({(i.code, f"{i.code} {i.violation}") for i in selectors.item_list()})
        return kwargs

    def get_initial(self):
        today = clock.today()
        return {"act_date": today, "decision_date": today, "item_code": self.request.GET.get("item")}

    def get(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_bound:
            return self.form_valid(form) if form.is_valid() else self.form_invalid(form)
        return self.render_to_response(self.get_context_data(form=form))

    def form_valid(self, form):
        d = form.cleaned_data
        try:
            proposal = services.propose(
                item_code=d["item_code"],
                act_date=d["act_date"],
                decision_date=d["decision_date"],
                facts=form.facts(),
                prior_violations=d["prior_violations"] or 0,
            )
        except DomainError as error:
            show_error(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=error.status)
        return self.render_to_response(self.get_context_data(form=form, proposal=proposal))

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class DepartureCounts(StaffPage, TemplateView):
    title = "偏离裁量基准统计"
    template_name = "discretion/departures.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        since = _date(self.request.GET.get("since"))
        until = _date(self.request.GET.get("until"))
        ctx["counts"] = selectors.departure_counts(self.request.user, since=since, until=until)
        ctx["recent"] = selectors.departure_list(self.request.user)[:20]
        ctx["since"], ctx["until"] = since, until
        return ctx


def _date(value):
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
