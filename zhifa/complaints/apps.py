from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "zhifa.complaints"
    label = "complaints"
    verbose_name = "举报投诉"
