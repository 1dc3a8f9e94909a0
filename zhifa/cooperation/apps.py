from django.apps import AppConfig


class CooperationConfig(AppConfig):
    name = "zhifa.cooperation"
    label = "cooperation"
    verbose_name = "执法协作"
