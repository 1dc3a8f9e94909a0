from zhifa.core.forms import ZhifaModelForm
from zhifa.org.models import Government


class GovernmentForm(ZhifaModelForm):
    class Meta:
        model = Government
        fields = ["name", "level", "parent", "division_code"]
