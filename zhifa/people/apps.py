from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "zhifa.people"
    label = "people"
    verbose_name = "执法人员"
