from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views import View

from zhifa.accounts.access import has_role
from zhifa.core.errors import DomainError, forbidden
from zhifa.core.web import ActPage, DetailPage, ListPage, StaffPage
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
    """The party: in full for the agencies that hold it, otherwise masked with a look-up form."""

    template_name = "parties/party_detail.html"

    def get_object(self):
        self.view = selectors.party_view(self.request.user, self.kwargs["pk"])
        return self.view.party

    def get_breadcrumbs(self):
        return [("当事人", reverse("parties:party_list")), (str(self.object), None)] if hasattr(self, "object") else []

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["view"] = self.view
        ctx["may_edit"] = self.view.may_correct
        ctx["lookup_form"] = kwargs.get("lookup_form") or forms.LookupForm()
        ctx["corrections"] = selectors.corrections(self.object) if self.view.shown else []
        return ctx


class PartyLookup(StaffPage, View):
    """POST only: record the purpose, then show the party."""

    http_method_names = ["post"]

    def post(self, request, pk):
        party = selectors.party_get(request.user, pk)
        form = forms.LookupForm(request.POST)
        if form.is_valid():
            try:
                services.party_lookup(actor=request.user, party=party, purpose=form.cleaned_data["purpose"])
            except DomainError as error:
                from zhifa.core.forms import show_error

                show_error(form, error)
            else:
                messages.success(request, "已记录查询事由。")
                return redirect(party.get_absolute_url())
        page = PartyDetail()
        page.setup(request, pk=pk)
        return page.render_to_response(page.get_context_data(lookup_form=form), status=400)


class PartyCreate(ActPage):
    title = "登记当事人"
    form_class = forms.PartyForm
    success_message = "当事人已登记。"
    intro = "当事人是各执法机关共用的记录：登记前请先查询是否已经登记。"

    def perform(self, form):
        return services.party_register(actor=self.request.user, **form.cleaned_data)


class PartyEdit(ActPage):
    title = "更正当事人信息"
    form_class = forms.PartyCorrectionForm
    success_message = "已保存更正。"
    intro = "当事人信息由对其立案或登记它的执法机关更正，更正理由记入更正记录和审计日志（D5.6）。"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.party = selectors.party_get(request.user, kwargs["pk"])
            if not selectors.may_correct(request.user, self.party):
                raise forbidden(
                    "只有对该当事人立案或登记该当事人的执法机关可以更正其信息；如发现错误，请告知该机关。",
                    clauses=["D5.6"],
                )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.party
        return kwargs

    def perform(self, form):
        data = dict(form.cleaned_data)
        reason = data.pop("reason")
        return services.party_correct(actor=self.request.user, party=self.party, reason=reason, **data)
