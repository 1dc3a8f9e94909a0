from django.apps import AppConfig


class LawConfig(AppConfig):
    name = "zhifa.law"
    label = "law"
    verbose_name = "执法依据"
