from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "zhifa.oversight"
    label = "oversight"
    verbose_name = "执法监督"
    default_auto_field = "django.db.models.BigAutoField"
