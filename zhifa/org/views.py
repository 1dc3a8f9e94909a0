from django.urls import reverse

from zhifa.accounts.access import has_role
from zhifa.accounts.models import Role
from zhifa.core.web import ActPage, DetailPage, ListPage
from zhifa.org import filters, forms, selectors, services


class GovernmentList(ListPage):
    title = "人民政府"
    headers = ["名称", "层级", "上级政府", "行政区划代码"]
    row_template = "org/rows/government.html"
    filterset_class = filters.GovernmentFilter

    def get_queryset(self):
        return selectors.government_list()

    def get_create_url(self):
        return reverse("org:government_create") if has_role(self.request.user, Role.ADMIN) else None


class GovernmentDetail(DetailPage):
    template_name = "org/government_detail.html"

    def get_object(self):
        return selectors.government_get(self.kwargs["pk"])

    def get_breadcrumbs(self):
        return [("人民政府", reverse("org:government_list")), (str(self.object), None)] if hasattr(self, "object") else []


class GovernmentCreate(ActPage):
    title = "登记人民政府"
    form_class = forms.GovernmentForm
    success_message = "人民政府已登记。"

    def perform(self, form):
        return services.government_create(actor=self.request.user, **form.cleaned_data)


class GovernmentEdit(ActPage):
    title = "修改人民政府"
    form_class = forms.GovernmentForm
    success_message = "已保存修改。"

    def get_form_kwargs(self):
        # A copy, so a refused edit leaves the record as it was.
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = selectors.government_get(self.kwargs["pk"])
        return kwargs

    def perform(self, form):
        government = selectors.government_get(self.kwargs["pk"])
        return services.government_update(actor=self.request.user, government=government, **form.cleaned_data)
