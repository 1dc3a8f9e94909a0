"""Pages of the body registries: lists with filters, details, and forms that call one
service each; and the public pages on enforcement bodies, their powers and standing
(D3.1c)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse

from zhifa.accounts.access import can_manage_agency, can_see_agency, has_role
from zhifa.accounts.models import Role
from zhifa.core import clock
from zhifa.core.web import ActPage, DetailPage, ListPage, PublicDetailPage, PublicListPage
from zhifa.org import filters, forms, selectors, services
from zhifa.org.authority import may_oversee


def _pick(data: dict, *names) -> dict:
    return {k: data[k] for k in names if k in data}


class UserFormMixin:
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs


# --- Governments ----------------------------------------------------------------------


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
        return (
            [("人民政府", reverse("org:government_list")), (str(self.object), None)] if hasattr(self, "object") else []
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        gov = self.object
        ctx["agencies"] = selectors.agency_list().filter(government=gov)
        ctx["terms"] = selectors.government_term_list().filter(government=gov)
        ctx["breadcrumbs"] = [("人民政府", reverse("org:government_list")), (str(gov), None)]
        return ctx


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


# --- Legal affairs offices and supervisory organs -------------------------------------
# One set of pages for both registries, told which one by ``kind`` (see urls.py).


@dataclass(frozen=True)
class BodyPages:
    """What differs between the pages of the two registries of government bodies."""

    service: services.BodyKind
    title: str
    government_header: str
    phone_header: str
    url_prefix: str  # org:<prefix>_list, _create, _detail, _edit
    form_class: type
    get_one: Callable[[int], object]
    get_all: Callable[[], object]
    shows_agencies: bool  # the office's page lists the agencies it oversees


OFFICE_PAGES = BodyPages(
    services.OFFICE,
    "政府法制机构",
    "所属政府",
    "电话",
    "office",
    forms.OfficeForm,
    selectors.legal_affairs_office_get,
    selectors.legal_affairs_office_list,
    shows_agencies=True,
)
ORGAN_PAGES = BodyPages(
    services.ORGAN,
    "监察机关",
    "同级政府",
    "举报电话",
    "organ",
    forms.OrganForm,
    selectors.supervisory_organ_get,
    selectors.supervisory_organ_list,
    shows_agencies=False,
)


class BodyList(ListPage):
    kind: BodyPages = OFFICE_PAGES
    row_template = "org/rows/body.html"
    filterset_class = filters.BodyFilter

    def get_title(self) -> str:
        return self.kind.title

    def get_context_data(self, **kwargs):
        self.headers = ["名称", self.kind.government_header, "地址", self.kind.phone_header]
        return super().get_context_data(**kwargs)

    def get_queryset(self):
        return self.kind.get_all()

    def get_create_url(self):
        admin = has_role(self.request.user, Role.ADMIN)
        return reverse(f"org:{self.kind.url_prefix}_create") if admin else None


class BodyDetail(DetailPage):
    kind: BodyPages = OFFICE_PAGES
    template_name = "org/body_detail.html"

    def get_object(self):
        return self.kind.get_one(self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        body, kind = self.object, self.kind
        admin = has_role(self.request.user, Role.ADMIN)
        ctx.update(
            kind_label=kind.title,
            edit_url=reverse(f"org:{kind.url_prefix}_edit", args=[body.pk]) if admin else None,
            breadcrumbs=[(kind.title, reverse(f"org:{kind.url_prefix}_list")), (str(body), None)],
        )
        if kind.shows_agencies:
            ctx["agencies"] = selectors.agency_list().filter(government_id__in=body.government.subtree_ids())
        return ctx


class BodyCreate(ActPage):
    kind: BodyPages = OFFICE_PAGES

    def get_title(self) -> str:
        return f"登记{self.kind.title}"

    @property
    def success_message(self) -> str:
        return f"{self.kind.title}已登记。"

    def get_form_class(self):
        return self.kind.form_class

    def perform(self, form):
        return services.body_create(self.kind.service, actor=self.request.user, **form.cleaned_data)


class BodyEdit(ActPage):
    kind: BodyPages = OFFICE_PAGES
    success_message = "已保存修改。"

    def get_title(self) -> str:
        return f"修改{self.kind.title}"

    def get_form_class(self):
        return self.kind.form_class

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.kind.get_one(self.kwargs["pk"])
        return kwargs

    def perform(self, form):
        body = self.kind.get_one(self.kwargs["pk"])
        return services.body_update(self.kind.service, actor=self.request.user, body=body, **form.cleaned_data)


# --- Government terms -----------------------------------------------------------------


class TermList(ListPage):
    title = "政府任期"
    headers = ["政府", "届次", "任期开始", "任期结束"]
    row_template = "org/rows/term.html"
    filterset_class = filters.TermFilter

    def get_queryset(self):
        return selectors.government_term_list()

    def get_create_url(self):
        return reverse("org:term_create") if has_role(self.request.user, Role.LEGAL_OFFICE) else None


class TermDetail(DetailPage):
    template_name = "org/term_detail.html"

    def get_object(self):
        return selectors.government_term_get(self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        term = self.object
        ctx.update(
            can_edit=may_oversee(self.request.user, term.government),
            today=clock.today(),
            breadcrumbs=[("政府任期", reverse("org:term_list")), (str(term), None)],
        )
        return ctx


class TermCreate(UserFormMixin, ActPage):
    title = "登记政府任期"
    form_class = forms.TermForm
    success_message = "政府任期已登记。"

    def perform(self, form):
        return services.government_term_create(actor=self.request.user, **form.cleaned_data)


class TermEdit(UserFormMixin, ActPage):
    title = "修改政府任期"
    form_class = forms.TermForm
    success_message = "已保存修改。"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = selectors.government_term_get(self.kwargs["pk"])
        return kwargs

    def perform(self, form):
        term = selectors.government_term_get(self.kwargs["pk"])
        data = _pick(form.cleaned_data, "number", "starts_on", "ends_on")
        return services.government_term_update(actor=self.request.user, term=term, **data)


# --- Agencies -------------------------------------------------------------------------


class AgencyList(ListPage):
    title = "执法主体"
    headers = ["名称", "类别", "执法领域", "所属政府", "主体资格", "执法事项"]
    row_template = "org/rows/agency.html"
    filterset_class = filters.AgencyFilter

    def get_queryset(self):
        return selectors.agency_list()

    def get_create_url(self):
        return reverse("org:agency_create") if has_role(self.request.user, Role.LEGAL_OFFICE) else None


class AgencyDetail(DetailPage):
    template_name = "org/agency_detail.html"

    def get_object(self):
        return selectors.agency_get(self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        agency, user, today = self.object, self.request.user, clock.today()
        sees = can_see_agency(user, agency.pk)
        ctx.update(
            today=today,
            can_oversee=may_oversee(user, agency.government),
            can_manage=can_manage_agency(user, agency.pk),
            sees_internal=sees,
            powers=selectors.powers_of(agency),
            decisions=selectors.standing_decisions(agency)[:10],
            delegations=selectors.delegation_list(user).filter(Q(recipient=agency) | Q(delegator=agency)),
            posts=selectors.post_list(user).filter(agency=agency) if sees else None,
            breadcrumbs=[("执法主体", reverse("org:agency_list")), (str(agency), None)],
        )
        return ctx


class AgencyCreate(UserFormMixin, ActPage):
    title = "登记执法主体"
    form_class = forms.AgencyForm
    success_message = "执法主体已登记，主体资格待政府法制机构确认。"

    def perform(self, form):
        return services.agency_create(actor=self.request.user, **form.cleaned_data)


class AgencyEdit(UserFormMixin, ActPage):
    title = "修改执法主体"
    form_class = forms.AgencyForm
    success_message = "已保存修改。"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = selectors.agency_get(self.kwargs["pk"])
        return kwargs

    def perform(self, form):
        agency = selectors.agency_get(self.kwargs["pk"])
        return services.agency_update(actor=self.request.user, agency=agency, **form.cleaned_data)


class AgencyStanding(ActPage):
    form_class = forms.StandingForm
    success_message = "主体资格决定已作出并公告。"
    submit_label = "作出决定"
    intro = "政府法制机构定期清理、确认执法主体资格，并向社会公告（《决定》三（一）[D3.1c]）。暂停或撤销后，该主体不得实施行政执法。"

    def get_title(self):
        return f"主体资格：{selectors.agency_get(self.kwargs['pk'])}"

    def perform(self, form):
        agency = selectors.agency_get(self.kwargs["pk"])
        services.agency_decide_standing(actor=self.request.user, agency=agency, **form.cleaned_data)
        return agency


# --- Powers ----------------------------------------------------------------------------


class PowerList(ListPage):
    title = "执法事项目录"
    headers = ["编码", "事项名称", "执法主体", "类别", "设定依据", "覆盖的违法行为"]
    row_template = "org/rows/power.html"
    filterset_class = filters.PowerFilter

    def get_queryset(self):
        return selectors.power_list()

    def get_create_url(self):
        return reverse("org:power_create") if has_role(self.request.user, Role.LEGAL_OFFICE) else None


class PowerDetail(DetailPage):
    template_name = "org/power_detail.html"

    def get_object(self):
        return selectors.power_get(self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        power, user = self.object, self.request.user
        ctx.update(
            can_edit=may_oversee(user, power.agency.government),
            delegations=selectors.delegation_list(user).filter(powers=power),
            posts=selectors.post_list(user).filter(powers=power),
            today=clock.today(),
            breadcrumbs=[("执法事项目录", reverse("org:power_list")), (power.name, None)],
        )
        return ctx


class PowerCreate(UserFormMixin, ActPage):
    title = "列入执法事项"
    form_class = forms.PowerForm
    success_message = "执法事项已列入目录。"

    def get_initial(self):
        initial = super().get_initial()
        if self.request.GET.get("agency"):
            initial["agency"] = self.request.GET["agency"]
        initial.setdefault("valid_from", clock.today())
        return initial

    def perform(self, form):
        return services.power_create(actor=self.request.user, **form.cleaned_data)


class PowerEdit(UserFormMixin, ActPage):
    title = "修改执法事项"
    form_class = forms.PowerForm
    success_message = "已保存修改。"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = selectors.power_get(self.kwargs["pk"])
        return kwargs

    def perform(self, form):
        power = selectors.power_get(self.kwargs["pk"])
        data = _pick(
            form.cleaned_data, "code", "name", "category", "valid_from", "valid_to", "basis_articles", "violation_items"
        )
        return services.power_update(actor=self.request.user, power=power, **data)


# --- Delegations -----------------------------------------------------------------------


class DelegationList(ListPage):
    title = "授权与委托"
    headers = ["方式", "委托机关", "被授权或受委托组织", "事项", "期限", "状态"]
    row_template = "org/rows/delegation.html"
    filterset_class = filters.DelegationFilter

    def get_queryset(self):
        return selectors.delegation_list(self.request.user)

    def get_create_url(self):
        user = self.request.user
        return reverse("org:delegation_create") if has_role(user, Role.LEGAL_OFFICE, Role.HEAD) else None

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["today"] = clock.today()
        return ctx


class DelegationDetail(DetailPage):
    template_name = "org/delegation_detail.html"

    def get_object(self):
        return selectors.delegation_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        d, user = self.object, self.request.user
        if d.kind == d.Kind.ENTRUSTMENT and d.delegator_id:
            can_edit = can_manage_agency(user, d.delegator_id)
        else:
            can_edit = may_oversee(user, d.recipient.government)
        code, label = d.status_on(clock.today())
        ctx.update(
            can_edit=can_edit and not d.revoked_on,
            status_code=code,
            status_label=label,
            status_colour={"in_force": "green", "pending": "blue", "expired": "grey", "revoked": "red"}[code],
            title=f"{d.get_kind_display()}：{d.recipient}",
            breadcrumbs=[("授权与委托", reverse("org:delegation_list")), (str(d.recipient), None)],
        )
        return ctx


class DelegationCreate(UserFormMixin, ActPage):
    title = "登记授权或委托"
    form_class = forms.DelegationForm
    success_message = "授权或委托已登记。"
    intro = (
        "委托须书面作出，委托书载明委托的具体事项、权限、期限，并向社会公布；只能委托本机关的法定职权（行政处罚法第二十条）。"
        "法律法规授权须写明授权的法律或者法规条文（行政处罚法第十九条）。"
    )

    def get_initial(self):
        initial = super().get_initial()
        user = self.request.user
        if user.role == Role.HEAD:
            initial.update(kind="entrustment", delegator=user.agency_id)
        return initial

    def perform(self, form):
        return services.delegation_create(actor=self.request.user, **form.cleaned_data)


class DelegationEdit(UserFormMixin, ActPage):
    title = "修改授权或委托"
    form_class = forms.DelegationForm
    success_message = "已保存修改。"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = selectors.delegation_get(self.request.user, self.kwargs["pk"])
        return kwargs

    def perform(self, form):
        delegation = selectors.delegation_get(self.request.user, self.kwargs["pk"])
        data = _pick(
            form.cleaned_data, "powers", "basis_article", "document_number", "scope_note", "valid_from", "valid_to"
        )
        return services.delegation_update(actor=self.request.user, delegation=delegation, **data)


class DelegationRevoke(ActPage):
    form_class = forms.RevokeForm
    success_message = "已撤回。"
    submit_label = "撤回"
    intro = "撤回之日起，受托组织不得再以此实施行政执法。"

    def get_title(self):
        return f"撤回：{selectors.delegation_get(self.request.user, self.kwargs['pk'])}"

    def perform(self, form):
        delegation = selectors.delegation_get(self.request.user, self.kwargs["pk"])
        return services.delegation_revoke(actor=self.request.user, delegation=delegation, **form.cleaned_data)


# --- Posts -----------------------------------------------------------------------------


class PostList(ListPage):
    title = "执法岗位"
    headers = ["岗位名称", "执法主体", "岗位职责", "承担事项", "在岗人员"]
    row_template = "org/rows/post.html"
    filterset_class = filters.PostFilter

    def get_queryset(self):
        return selectors.post_list(self.request.user).prefetch_related("powers")

    def get_create_url(self):
        return reverse("org:post_create") if has_role(self.request.user, Role.HEAD, Role.LEGAL_OFFICE) else None


class PostDetail(DetailPage):
    template_name = "org/post_detail.html"

    def get_object(self):
        return selectors.post_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        post = self.object
        ctx.update(
            can_edit=can_manage_agency(self.request.user, post.agency_id),
            officers=post.officers.all(),
            title=post.name,
            breadcrumbs=[
                ("执法岗位", reverse("org:post_list")),
                (str(post.agency), reverse("org:agency_detail", args=[post.agency_id])),
                (post.name, None),
            ],
        )
        return ctx


class PostCreate(UserFormMixin, ActPage):
    title = "设定执法岗位"
    form_class = forms.PostForm
    success_message = "执法岗位已设定。"

    def get_initial(self):
        initial = super().get_initial()
        if self.request.user.role == Role.HEAD:
            initial["agency"] = self.request.user.agency_id
        elif self.request.GET.get("agency"):
            initial["agency"] = self.request.GET["agency"]
        return initial

    def perform(self, form):
        return services.post_create(actor=self.request.user, **form.cleaned_data)


class PostEdit(UserFormMixin, ActPage):
    title = "修改执法岗位"
    form_class = forms.PostForm
    success_message = "已保存修改。"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = selectors.post_get(self.request.user, self.kwargs["pk"])
        return kwargs

    def perform(self, form):
        post = selectors.post_get(self.request.user, self.kwargs["pk"])
        data = _pick(form.cleaned_data, "name", "responsibilities", "liability", "powers")
        return services.post_update(actor=self.request.user, post=post, **data)


# --- Public pages (D3.1c) --------------------------------------------------------------


class PublicAgencyList(PublicListPage):
    title = "执法主体公示"
    headers = ["名称", "类别", "执法领域", "所属政府", "主体资格", "执法事项"]
    row_template = "org/rows/public_agency.html"
    template_name = "org/public_agency_list.html"
    filterset_class = filters.AgencyFilter
    empty_text = "没有符合条件的执法主体。"

    def get_queryset(self):
        return selectors.agency_list()


class PublicAgencyDetail(PublicDetailPage):
    template_name = "org/public_agency_detail.html"

    def get_object(self):
        return selectors.agency_get(self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        agency, today = self.object, clock.today()
        ctx.update(
            today=today,
            powers=selectors.powers_of(agency, today),
            decisions=selectors.standing_decisions(agency)[:10],
            delegations=(published := list(selectors.delegations_published(agency, today))),
            has_entrustment=any(d.kind == d.Kind.ENTRUSTMENT for d in published),
            breadcrumbs=[("执法主体公示", reverse("org:public_agency_list")), (str(agency), None)],
        )
        return ctx
