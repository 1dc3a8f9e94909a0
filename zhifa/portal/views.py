from django.views.generic import TemplateView

from zhifa.core.web import PublicPage


class HomeView(PublicPage, TemplateView):
    template_name = "portal/home.html"
    title = "行政执法公开"
