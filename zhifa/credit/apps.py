from django.apps import AppConfig


class CreditConfig(AppConfig):
    name = "zhifa.credit"
    label = "credit"
    verbose_name = "信用与双随机抽查"
