from django.apps import AppConfig

from zhifa.core import acts, state


class CoreConfig(AppConfig):
    name = "zhifa.core"
    label = "core"
    verbose_name = "核心"

    def ready(self):
        # Every app's acts.py, now that all apps are loaded: the registry of audit acts.
        acts.discover()
        # Note the rows each act writes, for the state its audit event carries.
        state.connect()
