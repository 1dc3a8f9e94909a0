"""Service cards and guides (D5.8a–b): public pages (printable card) and the agencies' forms."""

from __future__ import annotations

from django.urls import reverse
from django.views.generic import TemplateView

from zhifa.core import clock
from zhifa.core.web import ActPage, PublicDetailPage, PublicListPage, PublicPage
from zhifa.org.selectors import agency_get
from zhifa.portal import forms, selectors, services


class ServiceCardList(PublicPage, TemplateView):
    template_name = "portal/service_card_list.html"
    title = "执法服务卡与办事指南"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["cards"] = selectors.service_cards()
        ctx["guides"] = selectors.guides()
        return ctx


class ServiceCardDetail(PublicDetailPage):
    template_name = "portal/service_card.html"

    def get_object(self):
        return selectors.service_card_get(self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["title"] = f"{self.object.agency.name}执法服务卡"
        ctx["guides"] = selectors.guides().filter(agency_id=self.object.agency_id)
        ctx["breadcrumbs"] = [
            ("执法服务卡与办事指南", reverse("portal:service_card_list")),
            (self.object.agency.name, None),
        ]
        return ctx


class ServiceGuideDetail(PublicDetailPage):
    template_name = "portal/service_guide.html"

    def get_object(self):
        return selectors.guide_get(self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["title"] = f"办事指南：{self.object.title}"
        ctx["breadcrumbs"] = [("执法服务卡与办事指南", reverse("portal:service_card_list")), (self.object.title, None)]
        return ctx


class _AgencyAct(ActPage):
    def get_agency(self):
        return agency_get(self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        agency = self.get_agency()
        ctx["cancel_url"] = reverse("portal:service_card_list")
        ctx["breadcrumbs"] = [
            ("执法服务卡与办事指南", reverse("portal:service_card_list")),
            (agency.name, None),
            (self.title, None),
        ]
        return ctx


class ServiceCardEdit(_AgencyAct):
    title = "制定执法服务卡"
    form_class = forms.ServiceCardForm
    success_message = "执法服务卡已公布。"
    intro = "告知行政管理相对人执法中的服务范围、服务方式、服务时间、联系电话（《决定》五（八））；实施行政许可和收费的，一个窗口对外。"

    def get_initial(self):
        card = selectors.service_cards().filter(agency_id=self.kwargs["pk"]).first()
        return {f: getattr(card, f) for f in services.service_cards.CARD_FIELDS} if card else {}

    def perform(self, form):
        return services.service_card_set(actor=self.request.user, agency=self.get_agency(), **form.cleaned_data)


class ServiceGuideCreate(_AgencyAct):
    title = "制定办事指南"
    form_class = forms.ServiceGuideForm
    success_message = "办事指南已公布。"

    def perform(self, form):
        return services.guide_save(actor=self.request.user, agency=self.get_agency(), **form.cleaned_data)


class ServiceGuideEdit(ActPage):
    title = "修改办事指南"
    form_class = forms.ServiceGuideForm
    success_message = "办事指南已更新。"

    def get_guide(self):
        return selectors.guide_get(self.kwargs["pk"])

    def get_initial(self):
        guide = self.get_guide()
        return {f: getattr(guide, f) for f in services.service_cards.GUIDE_FIELDS}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["cancel_url"] = self.get_guide().get_absolute_url()
        return ctx

    def perform(self, form):
        guide = self.get_guide()
        return services.guide_save(actor=self.request.user, agency=guide.agency, guide=guide, **form.cleaned_data)


# --- licensing hearings (D5.3b) ----------------------------------------------------------------


class LicensingHearingList(PublicListPage):
    title = "行政许可听证公告"
    headers = ["听证事项", "申请人", "机关", "公告日期", "举行日期", "地点", "状态"]
    row_template = "portal/rows/licensing_hearing.html"
    empty_text = "暂无行政许可听证公告。"

    def get_queryset(self):
        return selectors.licensing_hearings()


class LicensingHearingDetail(PublicDetailPage):
    template_name = "portal/licensing_hearing.html"

    def get_object(self):
        return selectors.licensing_hearing_get(self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["title"] = str(self.object)
        ctx["breadcrumbs"] = [("行政许可听证公告", reverse("portal:licensing_hearing_list")), (str(self.object), None)]
        return ctx


class LicensingHearingAnnounce(ActPage):
    title = "公告行政许可听证"
    form_class = forms.LicensingHearingForm
    success_message = "听证公告已公布。"
    intro = "法律、法规、规章规定实施许可应当听证的事项，或涉及公共利益的重大许可事项，向社会公告，并在举行听证七日前通知申请人、利害关系人（《决定》五（三），行政许可法第四十六条至第四十八条）。"

    def get_initial(self):
        return {"on": clock.today()}

    def perform(self, form):
        return services.licensing_hearing_announce(actor=self.request.user, **form.cleaned_data)


class LicensingHearingRecord(ActPage):
    title = "记录听证并作出决定"
    form_class = forms.LicensingRecordForm
    success_message = "已记录。"

    def get_hearing(self):
        return selectors.licensing_hearing_get(self.kwargs["pk"])

    def get_initial(self):
        return {"held_on": self.get_hearing().scheduled_on}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["cancel_url"] = self.get_hearing().get_absolute_url()
        return ctx

    def perform(self, form):
        return services.licensing_hearing_record(
            actor=self.request.user, hearing=self.get_hearing(), **form.cleaned_data
        )
