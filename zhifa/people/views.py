"""Pages of the officer registries (scoped to the officer's agency and the offices above
it) and the public certificate register (D3.1c; SCENARIOS §7)."""

from __future__ import annotations

from django.urls import reverse

from zhifa.accounts.access import can_manage_agency, has_role
from zhifa.accounts.models import Role
from zhifa.core import clock
from zhifa.core.web import ActPage, DetailPage, ListPage, PublicDetailPage, PublicListPage
from zhifa.people import filters, forms, selectors, services
from zhifa.people.standing import standing_of


def _may_declare(user, officer) -> bool:
    return (
        has_role(user, Role.ADMIN)
        or (user.role == Role.HEAD and user.agency_id == officer.agency_id)
        or (officer.user_id is not None and officer.user_id == user.pk)
    )


class OfficerActPage(ActPage):
    """An act on one officer named in the URL (found through the scoped selector)."""

    verb = ""

    def get_officer(self):
        if not hasattr(self, "_officer"):
            self._officer = selectors.officer_get(self.request.user, self.kwargs["pk"])
        return self._officer

    def get_title(self):
        return f"{self.verb}：{self.get_officer().name}"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        officer = self.get_officer()
        ctx["breadcrumbs"] = [
            ("执法人员", reverse("people:officer_list")),
            (officer.name, officer.get_absolute_url()),
            (self.verb, None),
        ]
        ctx["cancel_url"] = officer.get_absolute_url()
        return ctx

    def get_success_url(self):
        return self.get_officer().get_absolute_url()


# --- Officers --------------------------------------------------------------------------


class OfficerList(ListPage):
    title = "执法人员"
    headers = ["姓名", "所在机关", "执法岗位", "执法资格", "证件编号", "证件状态", "在岗"]
    row_template = "people/rows/officer.html"
    filterset_class = filters.OfficerFilter

    def get_queryset(self):
        return selectors.officer_list(self.request.user).prefetch_related(
            "qualifications", "certificates__verifications"
        )

    def get_create_url(self):
        return reverse("people:officer_create") if has_role(self.request.user, Role.HEAD, Role.LEGAL_OFFICE) else None

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["today"] = clock.today()
        return ctx


class OfficerDetail(DetailPage):
    template_name = "people/officer_detail.html"

    def get_object(self):
        return selectors.officer_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        officer, user, today = self.object, self.request.user, clock.today()
        ctx.update(
            today=today,
            can_manage=can_manage_agency(user, officer.agency_id),
            is_office=has_role(user, Role.LEGAL_OFFICE),
            can_declare=_may_declare(user, officer),
            penalty_standing=standing_of(officer, "penalty", today),
            breadcrumbs=[("执法人员", reverse("people:officer_list")), (officer.name, None)],
        )
        return ctx


class OfficerCreate(ActPage):
    title = "登记执法人员"
    form_class = forms.OfficerForm
    success_message = "执法人员已登记。"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def get_initial(self):
        initial = super().get_initial()
        if self.request.user.role == Role.HEAD:
            initial["agency"] = self.request.user.agency_id
        return initial

    def perform(self, form):
        return services.officer_create(actor=self.request.user, **form.cleaned_data)


class OfficerEdit(OfficerActPage):
    verb = "修改"
    form_class = forms.OfficerForm
    success_message = "已保存修改。"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        kwargs["instance"] = selectors.officer_get(self.request.user, self.kwargs["pk"])
        return kwargs

    def perform(self, form):
        return services.officer_update(actor=self.request.user, officer=self.get_officer(), **form.cleaned_data)


class OfficerLeave(OfficerActPage):
    verb = "调离执法岗位"
    form_class = forms.LeaveForm
    success_message = "已调离执法岗位。"
    submit_label = "调离"
    intro = "调离之日起，该人员不得从事行政执法活动（《决定》六（三）[D6.3a]）。证件的吊销由政府法制机构办理。"

    def perform(self, form):
        return services.officer_leave_post(actor=self.request.user, officer=self.get_officer(), **form.cleaned_data)


# --- Training --------------------------------------------------------------------------


class TrainingList(ListPage):
    title = "资格培训"
    headers = ["执法人员", "所在机关", "领域", "课程", "学时", "结业日期", "考试"]
    row_template = "people/rows/training.html"
    filterset_class = filters.TrainingFilter

    def get_queryset(self):
        return selectors.training_list(self.request.user)


class TrainingDetail(DetailPage):
    template_name = "people/training_detail.html"

    def get_object(self):
        return selectors.training_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        t = self.object
        ctx.update(
            title=f"{t.officer.name}：{t.course}",
            can_edit=can_manage_agency(self.request.user, t.officer.agency_id),
            breadcrumbs=[
                ("资格培训", reverse("people:training_list")),
                (t.officer.name, t.officer.get_absolute_url()),
                (t.course, None),
            ],
        )
        return ctx


class TrainingCreate(OfficerActPage):
    verb = "登记资格培训"
    form_class = forms.TrainingForm
    success_message = "培训已登记。"

    def perform(self, form):
        return services.training_record(actor=self.request.user, officer=self.get_officer(), **form.cleaned_data)


class TrainingEdit(ActPage):
    title = "修改培训记录"
    form_class = forms.TrainingForm
    success_message = "已保存修改。"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = selectors.training_get(self.request.user, self.kwargs["pk"])
        return kwargs

    def perform(self, form):
        training = selectors.training_get(self.request.user, self.kwargs["pk"])
        return services.training_update(actor=self.request.user, training=training, **form.cleaned_data)


# --- Qualifications --------------------------------------------------------------------


class QualificationList(ListPage):
    title = "执法资格"
    headers = ["执法人员", "所在机关", "领域", "取得日期", "状态"]
    row_template = "people/rows/qualification.html"
    filterset_class = filters.QualificationFilter

    def get_queryset(self):
        return selectors.qualification_list(self.request.user)


class QualificationDetail(DetailPage):
    template_name = "people/qualification_detail.html"

    def get_object(self):
        return selectors.qualification_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        q = self.object
        ctx.update(
            is_office=has_role(self.request.user, Role.LEGAL_OFFICE),
            breadcrumbs=[
                ("执法资格", reverse("people:qualification_list")),
                (q.officer.name, q.officer.get_absolute_url()),
                (q.get_field_display(), None),
            ],
        )
        return ctx


class QualificationGrant(OfficerActPage):
    verb = "授予执法资格"
    form_class = forms.QualificationForm
    success_message = "执法资格已授予。"
    submit_label = "授予"
    intro = "执法资格经该领域的资格培训并考试合格取得（《决定》三（一）[D3.1b]）。"

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["officer"] = self.get_officer()
        return kwargs

    def perform(self, form):
        return services.qualification_grant(actor=self.request.user, officer=self.get_officer(), **form.cleaned_data)


class QualificationRevoke(ActPage):
    form_class = forms.RevokeForm
    success_message = "执法资格已撤销。"
    submit_label = "撤销"

    def get_title(self):
        return f"撤销执法资格：{selectors.qualification_get(self.request.user, self.kwargs['pk'])}"

    def perform(self, form):
        qualification = selectors.qualification_get(self.request.user, self.kwargs["pk"])
        return services.qualification_revoke(actor=self.request.user, qualification=qualification, **form.cleaned_data)


# --- Certificates ----------------------------------------------------------------------


class CertificateList(ListPage):
    title = "执法证件"
    headers = ["证件编号", "姓名", "所在机关", "发证机关", "有效期至", "状态"]
    row_template = "people/rows/certificate.html"
    filterset_class = filters.CertificateFilter

    def get_queryset(self):
        return selectors.certificate_list(self.request.user)


class CertificateDetail(DetailPage):
    template_name = "people/certificate_detail.html"

    def get_object(self):
        return selectors.certificate_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        c, today = self.object, clock.today()
        ctx.update(
            today=today,
            title=f"执法证件 {c.number}",
            is_office=has_role(self.request.user, Role.LEGAL_OFFICE),
            suspended=c.is_suspended(today),
            breadcrumbs=[
                ("执法证件", reverse("people:certificate_list")),
                (c.officer.name, c.officer.get_absolute_url()),
                (c.number, None),
            ],
        )
        return ctx


class CertificateActPage(ActPage):
    verb = ""

    def get_certificate(self):
        if not hasattr(self, "_certificate"):
            self._certificate = selectors.certificate_get(self.request.user, self.kwargs["pk"])
        return self._certificate

    def get_title(self):
        return f"{self.verb}：{self.get_certificate().number}（{self.get_certificate().officer.name}）"

    def get_success_url(self):
        return self.get_certificate().get_absolute_url()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["cancel_url"] = self.get_certificate().get_absolute_url()
        return ctx


class CertificateIssue(OfficerActPage):
    verb = "发放行政执法证件"
    form_class = forms.CertificateForm
    success_message = "执法证件已发放。"
    submit_label = "发证"
    intro = "执法证件由政府法制机构发放给取得执法资格、在执法岗位的人员（《决定》三（一）[D3.1b][D3.1c]）。"

    def perform(self, form):
        return services.certificate_issue(actor=self.request.user, officer=self.get_officer(), **form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()


class CertificateVerify(CertificateActPage):
    verb = "年度审验"
    form_class = forms.VerifyForm
    success_message = "审验结果已登记。"
    intro = "未通过上一年度审验的证件，本年度不得用于执法（《决定》三（一）[D3.1c]）。"

    def perform(self, form):
        return services.certificate_verify(
            actor=self.request.user, certificate=self.get_certificate(), **form.cleaned_data
        )


class CertificateSuspend(CertificateActPage):
    verb = "暂扣证件"
    form_class = forms.SuspendForm
    success_message = "证件已暂扣。"
    submit_label = "暂扣"

    def perform(self, form):
        return services.certificate_suspend(
            actor=self.request.user, certificate=self.get_certificate(), **form.cleaned_data
        )


class CertificateLift(CertificateActPage):
    verb = "解除暂扣"
    form_class = forms.LiftForm
    success_message = "已解除暂扣。"
    submit_label = "解除暂扣"

    def perform(self, form):
        return services.certificate_lift_suspension(
            actor=self.request.user, certificate=self.get_certificate(), **form.cleaned_data
        )


class CertificateRevoke(CertificateActPage):
    verb = "吊销证件"
    form_class = forms.RevokeForm
    success_message = "证件已吊销。"
    submit_label = "吊销"
    intro = "对不适合继续从事执法工作的人员，由政府法制机构吊销行政执法证件，并由所在机关将其调离执法岗位（《决定》六（三）[D6.3a]）。"

    def perform(self, form):
        return services.certificate_revoke(
            actor=self.request.user, certificate=self.get_certificate(), **form.cleaned_data
        )


# --- Conflicts of interest -------------------------------------------------------------


class ConflictList(ListPage):
    title = "利害关系申报"
    headers = ["执法人员", "所在机关", "当事人", "关系", "申报日期", "状态"]
    row_template = "people/rows/conflict.html"
    filterset_class = filters.ConflictFilter

    def get_queryset(self):
        return selectors.conflict_list(self.request.user)


class ConflictDetail(DetailPage):
    template_name = "people/conflict_detail.html"

    def get_object(self):
        return selectors.conflict_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        c = self.object
        ctx.update(
            can_end=_may_declare(self.request.user, c.officer) and not c.ended_on,
            breadcrumbs=[
                ("利害关系申报", reverse("people:conflict_list")),
                (c.officer.name, c.officer.get_absolute_url()),
                (c.party_name, None),
            ],
        )
        return ctx


class ConflictDeclare(OfficerActPage):
    verb = "申报利害关系"
    form_class = forms.ConflictForm
    success_message = "已申报。该人员不会被指派办理此当事人的案件。"
    submit_label = "申报"
    intro = "执法人员与当事人存在直接利害关系或者其他可能影响公正执法的关系的，应当回避（《决定》三（七）[D3.7]，行政处罚法第四十三条）。"

    def perform(self, form):
        return services.conflict_declare(actor=self.request.user, officer=self.get_officer(), **form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()


class ConflictEnd(ActPage):
    form_class = forms.ConflictEndForm
    success_message = "已登记关系终止。"
    submit_label = "登记终止"

    def get_title(self):
        return f"利害关系终止：{selectors.conflict_get(self.request.user, self.kwargs['pk'])}"

    def perform(self, form):
        conflict = selectors.conflict_get(self.request.user, self.kwargs["pk"])
        return services.conflict_end(actor=self.request.user, conflict=conflict, **form.cleaned_data)


# --- Public register (D3.1c) -----------------------------------------------------------


class PublicCertificateList(PublicListPage):
    title = "执法人员及证件查询"
    headers = ["证件编号", "姓名", "所在机关", "发证机关", "有效期至", "状态"]
    row_template = "people/rows/public_certificate.html"
    filterset_class = filters.PublicCertificateFilter
    empty_text = "没有找到符合条件的执法证件。请核对证件编号。"
    template_name = "people/public_certificate_list.html"

    def get_queryset(self):
        return selectors.public_certificate_list()


class PublicCertificateDetail(PublicDetailPage):
    template_name = "people/public_certificate_detail.html"

    def get_object(self):
        return selectors.public_certificate_get(self.kwargs["number"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            title=f"执法证件 {self.object.number}",
            today=clock.today(),
            breadcrumbs=[("执法人员及证件查询", reverse("people:public_certificate_list")), (self.object.number, None)],
        )
        return ctx
