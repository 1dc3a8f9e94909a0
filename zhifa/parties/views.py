from django.urls import reverse

from zhifa.accounts.access import has_role
from zhifa.core.web import ActPage, DetailPage, ListPage
from zhifa.parties import filters, forms, selectors, services


class PartyList(ListPage):
    title = "当事人"
    headers = ["姓名或名称", "类别", "身份证号码或统一社会信用代码", "法定代表人或负责人", "所在区县"]
    row_template = "parties/rows/party.html"
    filterset_class = filters.PartyFilter
    create_label = "登记当事人"

    def get_queryset(self):
        return selectors.party_list(self.request.user)

    def get_create_url(self):
        return reverse("parties:party_create") if has_role(self.request.user, *services.WRITERS) else None


class PartyDetail(DetailPage):
    template_name = "parties/party_detail.html"

    def get_object(self):
        return selectors.party_get(self.request.user, self.kwargs["pk"])

    def get_breadcrumbs(self):
        return [("当事人", reverse("parties:party_list")), (str(self.object), None)] if hasattr(self, "object") else []

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["may_edit"] = has_role(self.request.user, *services.WRITERS)
        return ctx


class PartyCreate(ActPage):
    title = "登记当事人"
    form_class = forms.PartyForm
    success_message = "当事人已登记。"
    intro = "当事人是各执法机关共用的记录：登记前请先查询是否已经登记。"

    def perform(self, form):
        return services.party_register(actor=self.request.user, **form.cleaned_data)


class PartyEdit(ActPage):
    title = "更正当事人信息"
    form_class = forms.PartyForm
    success_message = "已保存更正。"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = selectors.party_get(self.request.user, self.kwargs["pk"])
        return kwargs

    def perform(self, form):
        party = selectors.party_get(self.request.user, self.kwargs["pk"])
        return services.party_update(actor=self.request.user, party=party, **form.cleaned_data)
