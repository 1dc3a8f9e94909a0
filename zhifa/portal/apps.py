from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "zhifa.portal"
    label = "portal"
    verbose_name = "公开平台"
