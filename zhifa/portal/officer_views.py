"""The officer's QR code (D3.8, D6.4b): the printable card, the QR code and avatar images, the
phone page a party opens by scanning, and the record of the visit the scan starts."""

from __future__ import annotations

import hashlib
import io

import segno
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views import View
from django.views.generic import FormView, TemplateView

from zhifa.core import clock
from zhifa.core.errors import DomainError
from zhifa.core.forms import show_error
from zhifa.core.references import reference
from zhifa.core.web import ActPage, ListPage, PublicPage
from zhifa.people import selectors as people
from zhifa.portal import forms, selectors, services
from zhifa.portal.party_auth import session_access

AVATAR_COLOURS = ["#1d4f91", "#2f7d4f", "#8a4b0f", "#6b3fa0", "#0f6f7a", "#9b2c2c"]


def _certificate(number: str):
    return people.public_certificate_get(number, clock.today())


class _CertificatePage(PublicPage):
    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        cert = _certificate(self.kwargs["number"])
        ctx.update(
            certificate=cert,
            officer=cert.officer,
            status_label=people.status_label(cert.status),
            status_colour=people.status_colour(cert.status),
            valid=cert.status == "valid",
            scan_url=self.request.build_absolute_uri(reverse("portal:officer_scan", args=[cert.number])),
        )
        return ctx


class OfficerCard(_CertificatePage, TemplateView):
    """可打印的执法服务卡：姓名、照片、机关、证件编号和扫码核验的二维码。"""

    template_name = "portal/officer_card.html"
    title = "执法人员二维码"


class OfficerScan(_CertificatePage, FormView):
    """扫码后的手机页面：核验证件，登记检查开始的地点和时间。"""

    template_name = "portal/officer_scan.html"
    form_class = forms.VisitForm
    title = "核验执法人员"

    def form_valid(self, form):
        try:
            visit = services.visit_start(certificate_number=self.kwargs["number"], **form.cleaned_data)
        except DomainError as error:
            if error.code == "not_found":
                raise
            show_error(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=error.status)
        return redirect("portal:visit_detail", token=visit.token)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class VisitDetail(PublicPage, FormView):
    """The record the scan started; afterwards the party (logged in with its access code) rates the
    inspection here, and anyone can complain."""

    template_name = "portal/visit_detail.html"
    title = "扫码检查记录"
    form_class = forms.RatingForm

    def get_visit(self):
        return selectors.visit_by_token(self.kwargs["token"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        visit = self.get_visit()
        access = session_access(self.request)
        ctx.update(
            visit=visit,
            status_label=people.status_label(visit.certificate_status),
            party_access=access,
            may_rate=bool(access and visit.inspection and visit.inspection.case.party_id == access.party_id),
            login_url=reverse("portal:party_login") + "?next=" + self.request.path,
        )
        return ctx

    def form_valid(self, form):
        access = session_access(self.request)
        if access is None:
            return redirect(reverse("portal:party_login") + "?next=" + self.request.path)
        try:
            services.visit_rate(party=access.party, visit=self.get_visit(), **form.cleaned_data)
        except DomainError as error:
            if error.code == "not_found":
                raise
            show_error(form, error)
            return self.render_to_response(self.get_context_data(form=form), status=error.status)
        messages.success(self.request, "感谢您的评价。")
        return redirect("portal:visit_detail", token=self.kwargs["token"])

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class VisitList(ListPage):
    title = "扫码检查记录"
    headers = ["开始时间", "执法人员", "地点", "被检查人", "案件检查记录", "评价"]
    row_template = "portal/rows/visit.html"
    empty_text = "没有扫码检查记录。"

    def get_queryset(self):
        return selectors.visit_list(self.request.user)


class VisitLink(ActPage):
    title = "对应案件中的检查记录"
    form_class = forms.VisitLinkForm
    success_message = "已对应，当事人可以评价这次检查。"
    intro = "把扫码记录对应到案件中由扫码的执法人员参加的检查记录（《决定》三（八））；当事人登录后即可评价（三（四）、六（四））。"

    def get_visit(self):
        return selectors.visit_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        visit = self.get_visit()
        ctx["cancel_url"] = reverse("portal:visit_list")
        ctx["intro"] = f"{self.intro} 本记录：{visit}。"
        return ctx

    def perform(self, form):
        visit = self.get_visit()
        inspection = reference(
            selectors.inspection_get, form.cleaned_data["inspection_id"], "inspection_id", self.request.user
        )
        return services.visit_link(actor=self.request.user, visit=visit, inspection=inspection)

    def get_success_url(self):
        return reverse("portal:visit_list")


class OfficerQr(View):
    def get(self, request, number):
        cert = _certificate(number)
        url = request.build_absolute_uri(reverse("portal:officer_scan", args=[cert.number]))
        out = io.BytesIO()
        segno.make(url, error="m").save(out, kind="svg", scale=6, border=2, title="扫码核验执法人员证件")
        return HttpResponse(out.getvalue(), content_type="image/svg+xml; charset=utf-8")


class OfficerAvatar(View):
    """A generated placeholder photo: the officer's surname on a colour of the certificate number."""

    def get(self, request, number):
        cert = _certificate(number)
        colour = AVATAR_COLOURS[int(hashlib.sha256(cert.number.encode()).hexdigest(), 16) % len(AVATAR_COLOURS)]
        surname = (cert.officer.name or "?")[:1]
        svg = (
            '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="300" viewBox="0 0 240 300">'
            f'<rect width="240" height="300" fill="{colour}"/>'
            '<circle cx="120" cy="118" r="62" fill="#ffffff" fill-opacity=".18"/>'
            '<text x="120" y="140" font-size="72" text-anchor="middle" fill="#fff" '
            'font-family="Noto Sans CJK SC, Noto Serif CJK SC, sans-serif">'
            f"{_xml(surname)}</text>"
            '<text x="120" y="262" font-size="20" text-anchor="middle" fill="#fff" fill-opacity=".8" '
            'font-family="Noto Sans CJK SC, sans-serif">照片待上传</text></svg>'
        )
        return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
