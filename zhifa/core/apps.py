from django.apps import AppConfig

from zhifa.core import acts


class CoreConfig(AppConfig):
    name = "zhifa.core"
    label = "core"
    verbose_name = "核心"

    def ready(self):
        # Every app's acts.py, now that all apps are loaded: the registry of audit acts.
        acts.discover()
