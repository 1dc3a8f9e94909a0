"""Page classes every registry uses: a filtered, paginated list; a detail page; a form
page that calls one service and shows a refusal at its field.

A view parses input, calls one selector or service, and renders: it holds no rule.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView

from zhifa.core.errors import DomainError
from zhifa.core.forms import show_error


class StaffPage(LoginRequiredMixin):
    """A page for logged-in users."""

    title = ""
    breadcrumbs: list[tuple[str, str | None]] = []

    def get_title(self) -> str:
        return self.title

    def get_breadcrumbs(self):
        return self.breadcrumbs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.setdefault("title", self.get_title())
        ctx.setdefault("breadcrumbs", self.get_breadcrumbs())
        return ctx


class PublicPage:
    """A page anyone may read without logging in."""

    title = ""
    breadcrumbs: list[tuple[str, str | None]] = []

    def get_title(self) -> str:
        return self.title

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.setdefault("title", self.get_title())
        ctx.setdefault("breadcrumbs", self.breadcrumbs)
        ctx["public_page"] = True
        return ctx


class ListMixin:
    """A table of records with filters (django-filter) and pagination."""

    template_name = "core/list.html"
    row_template = ""
    headers: list[str] = []
    filterset_class = None
    paginate_by = 20
    create_url = None  # a URL, shown as the "new" button when set
    create_label = "新增"
    empty_text = "没有符合条件的记录。"

    def get_queryset(self):
        raise NotImplementedError

    def get_create_url(self):
        return self.create_url

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        qs = self.get_queryset()
        if self.filterset_class is not None:
            flt = self.filterset_class(self.request.GET or None, queryset=qs, request=self.request)
            qs = flt.qs if flt.is_bound and flt.is_valid() else (qs if not flt.is_bound else qs.none())
            ctx["filter"] = flt
        page = Paginator(qs, self.paginate_by).get_page(self.request.GET.get("page"))
        ctx.update(
            page_obj=page,
            rows=page.object_list,
            headers=self.headers,
            row_template=self.row_template,
            create_url=self.get_create_url(),
            create_label=self.create_label,
            empty_text=self.empty_text,
        )
        return ctx


class ListPage(StaffPage, ListMixin, TemplateView):
    pass


class PublicListPage(PublicPage, ListMixin, TemplateView):
    pass


class DetailMixin:
    """A record found through its selector; "not found" when out of the user's scope."""

    context_object_name = "object"

    def get_object(self):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        self.object = self.get_object()
        ctx[self.context_object_name] = ctx["object"] = self.object
        ctx.setdefault("title", str(self.object))
        return ctx


class DetailPage(StaffPage, DetailMixin, TemplateView):
    def get_title(self) -> str:
        return ""


class PublicDetailPage(PublicPage, DetailMixin, TemplateView):
    def get_title(self) -> str:
        return ""


class ActPage(StaffPage, FormView):
    """A form that performs one act through its service.

    ``perform(form)`` calls the service and returns the record to show next; a
    DomainError is shown at its field and nothing is saved (the service's
    transaction rolled back).
    """

    template_name = "core/form.html"
    success_message = "已保存。"
    submit_label = "保存"
    cancel_url = None
    intro = ""

    def perform(self, form):
        raise NotImplementedError

    def get_success_url(self):
        return self.result.get_absolute_url()

    def form_valid(self, form):
        try:
            self.result = self.perform(form)
        except DomainError as error:
            if error.code in ("not_found", "not_authenticated"):
                raise
            show_error(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=error.status)
        if self.success_message:
            messages.success(self.request, self.success_message)
        return redirect(self.get_success_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(submit_label=self.submit_label, cancel_url=self.cancel_url, intro=self.intro)
        return ctx
