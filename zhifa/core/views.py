from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.views.generic import TemplateView

from zhifa.core import parameters
from zhifa.core.web import PublicPage, StaffPage


class HomeView(StaffPage, TemplateView):
    """The landing page after login: the role's workbench when there is one."""

    template_name = "core/home.html"
    title = "工作台"

    def get(self, request, *args, **kwargs):
        try:
            return redirect(reverse("cases:workbench"))
        except NoReverseMatch:
            return super().get(request, *args, **kwargs)


class ParametersView(PublicPage, TemplateView):
    """The dated legal parameters, each version with its source."""

    template_name = "core/parameters.html"
    title = "法定数额与期限"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["parameters"] = list(parameters.all_parameters().values())
        ctx["unit_labels"] = parameters.UNIT_LABELS
        return ctx
