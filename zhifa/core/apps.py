from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "zhifa.core"
    label = "core"
    verbose_name = "核心"
