"""The officer's QR code (D3.8, D6.4b): the printable card, the QR code and avatar images, the
phone page a party opens by scanning, and the record of the visit the scan starts."""

from __future__ import annotations

import hashlib
import io

import segno
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views import View
from django.views.generic import FormView, TemplateView

from zhifa.core import clock
from zhifa.core.errors import DomainError
from zhifa.core.forms import show_error
from zhifa.core.web import PublicPage
from zhifa.people import selectors as people
from zhifa.portal import forms, selectors, services

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


class VisitDetail(PublicPage, TemplateView):
    template_name = "portal/visit_detail.html"
    title = "扫码检查记录"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        visit = selectors.visit_by_token(self.kwargs["token"])
        ctx.update(visit=visit, status_label=people.status_label(visit.certificate_status))
        return ctx


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
