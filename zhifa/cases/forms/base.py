"""What every form of an act shares: the act's date, the penalty fields, the choices of
officers, articles, parties, violation items and places, and lines of text."""

from __future__ import annotations

from django import forms

from zhifa.cases.models import PenaltyTerms, ServiceMethod
from zhifa.core import clock
from zhifa.core.forms import ZhifaForm
from zhifa.law.models import Article, ViolationItem
from zhifa.org.models import Government
from zhifa.parties.models import Party
from zhifa.people.models import Officer

TEXT = forms.Textarea(attrs={"rows": 3})
LONG = forms.Textarea(attrs={"rows": 6})


def officers_of(case):
    """The agency's active officers (whom an act on ``case`` may name)."""
    return Officer.objects.filter(agency_id=case.agency_id, active=True).order_by("name")


def articles():
    return Article.objects.select_related("basis").order_by("basis__title", "number")


def parties():
    return Party.objects.order_by("name")


def violation_items():
    return ViolationItem.objects.order_by("code")


def places():
    return Government.objects.order_by("division_code")


class ArticleChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        level = "（规范性文件）" if not obj.basis.may_ground else ""
        return f"{obj}{level}"


class CaseActForm(ZhifaForm):
    """A form for one act on ``case`` by ``user``. ``act`` names the service."""

    act = ""
    intro = ""
    on = forms.DateField(label="办理日期", help_text="实际办理的日期，不得晚于今天")

    def __init__(self, *args, case=None, user=None, **kwargs):
        self.case, self.user = case, user
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = clock.today()
        # "on" goes last: the date is the least interesting field of an act.
        self.order_fields([f for f in self.fields if f != "on"] + ["on"])

    def service_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class TermsMixin:
    """The penalty fields (行政处罚法第九条), grouped as ``terms`` for the service."""

    TERM_FIELDS = PenaltyTerms.TERM_FIELDS

    def add_terms(self, initial: dict | None = None):
        initial = initial or {}
        self.fields["warning"] = forms.BooleanField(label="警告", required=False)
        self.fields["fine"] = forms.DecimalField(
            label="罚款（元）", required=False, min_value=0, decimal_places=2, max_digits=14
        )
        self.fields["confiscation"] = forms.DecimalField(
            label="没收违法所得、非法财物（元）", required=False, min_value=0, decimal_places=2, max_digits=14
        )
        for name, label in (
            ("qualification_downgrade", "降低资质等级"),
            ("licence_revocation", "吊销许可证件"),
            ("suspension", "责令停产停业"),
            ("closure", "责令关闭"),
            ("practice_restriction", "限制从业"),
        ):
            self.fields[name] = forms.BooleanField(label=label, required=False)
        for name in self.TERM_FIELDS:
            if initial.get(name) is not None:
                self.fields[name].initial = initial[name]

    def pop_terms(self, data: dict) -> dict:
        return {name: data.pop(name) for name in self.TERM_FIELDS if name in data}


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class ReasonForm(CaseActForm):
    reason = forms.CharField(label="理由", widget=TEXT)


class ServeForm(CaseActForm):
    method = forms.ChoiceField(label="送达方式", choices=ServiceMethod.choices)
    served_to = forms.CharField(label="受送达人")
