"""Pages of credit (D5.7) and random inspections (双随机、一公开): a party's rating line by
line with its objections; the item list and registers; plans drawn, results entered,
reviewed and published; the public list of published plans and their results."""

from __future__ import annotations

from django.urls import reverse

from zhifa.accounts.access import has_role
from zhifa.accounts.models import Role
from zhifa.core import clock
from zhifa.core.web import ActPage, DetailPage, ListPage, PublicDetailPage, PublicListPage
from zhifa.credit import facts, filters, forms, selectors, services
from zhifa.parties.selectors import party_get


class PartyRating(DetailPage):
    template_name = "credit/rating.html"

    def get_object(self):
        return party_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            title=f"信用评价：{self.object.name}",
            rating=facts.rating(self.object, clock.today()),
            objections=selectors.objections_of(self.object),
            interviews=selectors.interviews_of(self.object),
        )
        return ctx


class ObjectionCreate(ActPage):
    title = "登记信用评价异议"
    form_class = forms.ObjectionForm
    submit_label = "登记异议"
    success_message = "异议已登记，交作出该项的机关答复。"

    def party(self):
        return PartyRating(request=self.request, kwargs=self.kwargs).get_object()

    def get_form_kwargs(self):
        lines = facts.rating(self.party(), clock.today()).lines
        return {**super().get_form_kwargs(), "lines": lines}

    def get_success_url(self):
        return reverse("credit:party_rating", args=[self.kwargs["pk"]])

    def perform(self, form):
        return services.objection_file(actor=self.request.user, party=self.party(), **form.cleaned_data)


class ObjectionList(ListPage):
    filterset_class = filters.ObjectionFilter
    title = "信用评价异议"
    headers = ["当事人", "异议的评价项", "答复机关", "提出日期", "状态"]
    row_template = "credit/rows/objection.html"

    def get_queryset(self):
        return selectors.objection_list(self.request.user)


class ObjectionAnswer(ActPage):
    title = "答复信用评价异议"
    form_class = forms.ObjectionAnswerForm
    submit_label = "答复"
    success_message = "已答复。"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        o = selectors.objection_get(self.request.user, self.kwargs["pk"])
        ctx["intro"] = f"{o.party.name} 对“{o.line_label}”的异议：{o.reason}"
        return ctx

    def get_success_url(self):
        return reverse("credit:objection_list")

    def perform(self, form):
        objection = selectors.objection_get(self.request.user, self.kwargs["pk"])
        return services.objection_answer(actor=self.request.user, objection=objection, **form.cleaned_data)


# --- interviews and mentoring of poor-credit parties (D5.7) ------------------------------------


class InterviewList(ListPage):
    filterset_class = filters.InterviewFilter
    title = "座谈会、结对帮教"
    headers = ["日期", "方式", "当事人", "当时的信用", "执法机关", "效果"]
    row_template = "credit/rows/interview.html"
    empty_text = "没有座谈会、结对帮教的记录。"

    def get_queryset(self):
        return selectors.interview_list(self.request.user)


class InterviewCreate(ActPage):
    title = "记录座谈会、结对帮教"
    form_class = forms.InterviewForm
    submit_label = "记录"
    success_message = "已记录。"

    def party(self):
        return party_get(self.request.user, self.kwargs["pk"])

    def get_initial(self):
        return {"held_on": clock.today()}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        party = self.party()
        rated = facts.rating(party, clock.today())
        ctx["intro"] = (
            f"{party.name}：当前信用分{rated.score}，{rated.grade_label}。对于信用评价差的，列为重点教育对象，"
            "采取座谈会、结对帮教等方式，促使其诚信守纪、自觉守法（《决定》五（七））。"
        )
        ctx["cancel_url"] = reverse("credit:party_rating", args=[party.pk])
        return ctx

    def perform(self, form):
        return services.interview_record(actor=self.request.user, party=self.party(), **form.cleaned_data)

    def get_success_url(self):
        return self.result.get_absolute_url()


class InterviewDetail(DetailPage):
    template_name = "credit/interview_detail.html"

    def get_object(self):
        return selectors.interview_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["title"] = f"{self.object.get_kind_display()}：{self.object.party.name}"
        ctx["breadcrumbs"] = [("座谈会、结对帮教", reverse("credit:interview_list")), (str(self.object.held_on), None)]
        return ctx


# --- registers -----------------------------------------------------------------------------


class ItemList(ListPage):
    filterset_class = filters.ItemFilter
    title = "抽查事项清单"
    headers = ["编码", "检查事项", "类别", "检查依据", "执法机关"]
    row_template = "credit/rows/item.html"
    create_label = "登记抽查事项"

    def get_queryset(self):
        return selectors.item_list(self.request.user)

    def get_create_url(self):
        return reverse("credit:item_create") if has_role(self.request.user, Role.HEAD) else None


class ItemCreate(ActPage):
    title = "登记抽查事项"
    form_class = forms.ItemForm

    def get_success_url(self):
        return reverse("credit:item_list")

    def perform(self, form):
        return services.item_create(actor=self.request.user, **form.cleaned_data)


class TargetList(ListPage):
    filterset_class = filters.TargetFilter
    title = "检查对象名录"
    headers = ["检查对象", "执法机关", "列入日期"]
    row_template = "credit/rows/target_entry.html"
    create_label = "列入名录"

    def get_queryset(self):
        return selectors.target_entries(self.request.user)

    def get_create_url(self):
        return reverse("credit:target_add")


class TargetAdd(ActPage):
    title = "列入检查对象名录"
    form_class = forms.TargetForm

    def get_success_url(self):
        return reverse("credit:target_list")

    def perform(self, form):
        return services.target_add(actor=self.request.user, **form.cleaned_data)


class InspectorList(ListPage):
    filterset_class = filters.InspectorFilter
    title = "执法检查人员名录"
    headers = ["执法人员", "执法机关", "列入日期"]
    row_template = "credit/rows/inspector_entry.html"
    create_label = "列入名录"

    def get_queryset(self):
        return selectors.inspector_entries(self.request.user)

    def get_create_url(self):
        return reverse("credit:inspector_add") if has_role(self.request.user, Role.HEAD) else None


class InspectorAdd(ActPage):
    title = "列入执法检查人员名录"
    form_class = forms.InspectorForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_success_url(self):
        return reverse("credit:inspector_list")

    def perform(self, form):
        return services.inspector_add(actor=self.request.user, **form.cleaned_data)


# --- plans ---------------------------------------------------------------------------------


class PlanList(ListPage):
    filterset_class = filters.PlanFilter
    title = "双随机抽查"
    headers = ["抽查任务", "执法机关", "年度", "随机种子", "抽取对象", "状态"]
    row_template = "credit/rows/plan.html"
    create_label = "制定抽查计划"

    def get_queryset(self):
        return selectors.plan_list(self.request.user)

    def get_create_url(self):
        return reverse("credit:plan_create") if has_role(self.request.user, Role.HEAD) else None


class PlanCreate(ActPage):
    title = "制定抽查计划"
    form_class = forms.PlanForm
    submit_label = "制定并公布种子"
    intro = "随机种子在制定时公布；抽取按种子进行，按信用加权（信用好的少抽，差的多抽），同一对象每年被抽取不超过上限。"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def perform(self, form):
        return services.plan_create(actor=self.request.user, **form.cleaned_data)


class PlanDetail(DetailPage):
    template_name = "credit/plan_detail.html"

    def get_object(self):
        return selectors.plan_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["breadcrumbs"] = [("双随机抽查", reverse("credit:plan_list"))]
        ctx["is_head"] = has_role(self.request.user, Role.HEAD)
        return ctx


class _PlanAct(ActPage):
    form_class = forms.ConfirmForm

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        plan = selectors.plan_get(self.request.user, self.kwargs["pk"])
        ctx["cancel_url"] = plan.get_absolute_url()
        return ctx


class PlanDraw(_PlanAct):
    title = "随机抽取检查对象和检查人员"
    submit_label = "按公布的种子抽取"
    success_message = "已抽取。"

    def perform(self, form):
        plan = selectors.plan_get(self.request.user, self.kwargs["pk"])
        return services.plan_draw(actor=self.request.user, plan=plan)


class PlanPublish(_PlanAct):
    title = "公开抽查结果"
    submit_label = "公开"
    success_message = "抽查情况和结果已向社会公开。"

    def perform(self, form):
        plan = selectors.plan_get(self.request.user, self.kwargs["pk"])
        return services.plan_publish(actor=self.request.user, plan=plan)


class ResultEnter(ActPage):
    title = "录入检查结果"
    form_class = forms.ResultForm

    def get_success_url(self):
        return self.result.plan.get_absolute_url()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        target = selectors.target_get(self.request.user, self.kwargs["pk"])
        ctx["intro"] = f"{target.plan.title}：{target.party.name}"
        return ctx

    def perform(self, form):
        target = selectors.target_get(self.request.user, self.kwargs["pk"])
        return services.result_enter(actor=self.request.user, target=target, **form.cleaned_data)


class ResultReview(ActPage):
    title = "审核检查结果"
    form_class = forms.ConfirmForm
    submit_label = "审核通过"

    def get_success_url(self):
        return self.result.plan.get_absolute_url()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        t = selectors.target_get(self.request.user, self.kwargs["pk"])
        ctx["intro"] = f"{t.party.name}：{t.get_result_display() or '尚未录入'}。{t.result_note}"
        return ctx

    def perform(self, form):
        target = selectors.target_get(self.request.user, self.kwargs["pk"])
        return services.result_review(actor=self.request.user, target=target)


class PublicPlanList(PublicListPage):
    title = "双随机抽查结果公开"
    headers = ["抽查任务", "执法机关", "年度", "随机种子", "抽取对象", "公开日期"]
    row_template = "credit/rows/public_plan.html"

    def get_queryset(self):
        return selectors.public_plans()


class PublicPlanDetail(PublicDetailPage):
    template_name = "credit/public_plan_detail.html"

    def get_object(self):
        return selectors.public_plan_get(self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["breadcrumbs"] = [("双随机抽查结果公开", reverse("credit:public_plan_list"))]
        return ctx
