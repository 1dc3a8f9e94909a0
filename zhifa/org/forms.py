"""Forms of the body registries. Choices are narrowed to what the user may act on;
the services decide (the forms only parse)."""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.db.models import Q

from zhifa.core.forms import ZhifaForm, ZhifaModelForm
from zhifa.core.lawtext import UnknownCitation, parse_citation
from zhifa.law.models import Article, ViolationItem
from zhifa.org import selectors
from zhifa.org.models import (
    Agency,
    Delegation,
    Government,
    GovernmentTerm,
    LegalAffairsOffice,
    Post,
    Power,
    SupervisoryOrgan,
)

MULTI_HELP = "按住 Ctrl（Mac 上为 ⌘）可选择多项。"
_SPLIT = re.compile(r"[\n\r；;、，,]+")


def find_article(citation: str):
    """The law.Article a citation such as ``食品安全法第一百二十四条`` or ``《行政处罚法》第二十条`` names, or None."""

    try:
        cit = parse_citation(citation)
    except UnknownCitation:
        return None
    name = cit.law.strip()
    full = name if name.startswith("中华人民共和国") else f"中华人民共和国{name}"
    return (
        Article.objects.select_related("basis")
        .filter(Q(basis__short_title=name) | Q(basis__title=name) | Q(basis__title=full), number=cit.article)
        .order_by("-basis__effective_from")
        .first()
    )


class ArticleCitationsField(forms.CharField):
    """Articles typed as citations, one per line: ``食品安全法第一百二十四条``."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, *, many: bool = True, **kwargs):
        self.many = many
        kwargs.setdefault("help_text", "每行一条，如：食品安全法第一百二十四条" if many else "如：行政处罚法第二十条")
        if not many:
            kwargs["widget"] = forms.TextInput()
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, (list, tuple)):
            return "\n".join(str(a) for a in value)
        if hasattr(value, "basis"):
            return str(value)
        return value

    def clean(self, value):
        text = super().clean(value)
        parts = [p.strip() for p in _SPLIT.split(text or "") if p.strip()]
        if not self.many and len(parts) > 1:
            raise forms.ValidationError("只能填写一条条文。")
        found, unknown = [], []
        for part in parts:
            article = find_article(part)
            (found.append(article) if article else unknown.append(part))
        if unknown:
            raise forms.ValidationError(f"找不到以下条文，请核对法律名称和条号：{'、'.join(unknown)}")
        if not self.many:
            return found[0] if found else None
        return list(dict.fromkeys(found))


class UserForm:
    """A form that narrows its choices by the user who fills it in."""

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)


class GovernmentForm(ZhifaModelForm):
    class Meta:
        model = Government
        fields = ["name", "level", "parent", "division_code"]


class OfficeForm(ZhifaModelForm):
    class Meta:
        model = LegalAffairsOffice
        fields = ["government", "name", "address", "phone"]


class OrganForm(ZhifaModelForm):
    class Meta:
        model = SupervisoryOrgan
        fields = ["government", "name", "address", "phone"]


class TermForm(UserForm, ZhifaModelForm):
    class Meta:
        model = GovernmentTerm
        fields = ["government", "number", "starts_on", "ends_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["government"].queryset = selectors.governments_overseen(self.user)
        if self.instance.pk:
            # Shown, not changed; whether the user may edit is the service's answer.
            self.fields["government"].queryset = Government.objects.all()
            self.fields["government"].disabled = True


class AgencyForm(UserForm, ZhifaModelForm):
    class Meta:
        model = Agency
        fields = [
            "name",
            "short_name",
            "code",
            "case_prefix",
            "kind",
            "field",
            "government",
            "uscc",
            "address",
            "phone",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["government"].queryset = selectors.governments_overseen(self.user)


class StandingForm(ZhifaForm):
    standing = forms.ChoiceField(
        label="决定",
        choices=[
            (Agency.Standing.CONFIRMED, "确认主体资格"),
            (Agency.Standing.SUSPENDED, "暂停执法"),
            (Agency.Standing.REVOKED, "撤销主体资格"),
        ],
    )
    reason = forms.CharField(
        label="理由", max_length=200, widget=forms.Textarea(attrs={"rows": 3}), help_text="将随决定向社会公告"
    )
    on = forms.DateField(label="决定日期", initial=date.today)


class PowerForm(UserForm, ZhifaModelForm):
    basis_articles = ArticleCitationsField(label="设定依据（条文）", required=False)

    class Meta:
        model = Power
        fields = ["agency", "code", "name", "category", "valid_from", "valid_to", "basis_articles", "violation_items"]
        widgets = {"violation_items": forms.SelectMultiple(attrs={"size": 10})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

        governments = selectors.governments_overseen(self.user)
        self.fields["agency"].queryset = Agency.objects.filter(government__in=governments)
        self.fields["violation_items"].queryset = ViolationItem.objects.order_by("field", "code")
        self.fields["violation_items"].required = False
        self.fields["violation_items"].help_text = MULTI_HELP
        if self.instance.pk:
            self.fields["agency"].queryset = Agency.objects.all()
            self.fields["agency"].disabled = True
            self.initial["basis_articles"] = list(self.instance.basis_articles.select_related("basis"))


class DelegationForm(UserForm, ZhifaModelForm):
    basis_article = ArticleCitationsField(label="授权或委托的依据条文", required=False, many=False)

    class Meta:
        model = Delegation
        fields = [
            "kind",
            "delegator",
            "recipient",
            "powers",
            "basis_article",
            "document_number",
            "scope_note",
            "valid_from",
            "valid_to",
        ]
        widgets = {"powers": forms.SelectMultiple(attrs={"size": 10}), "scope_note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["powers"].queryset = Power.objects.select_related("agency").order_by("agency__name", "code")
        self.fields["powers"].help_text = "委托只能选择委托机关本机关的事项。" + MULTI_HELP
        self.fields["powers"].label_from_instance = lambda p: (
            f"{p.agency.short_name or p.agency.name} · {p.code} {p.name}"
        )
        if self.instance.pk:
            for name in ("kind", "delegator", "recipient"):
                self.fields[name].disabled = True
            if self.instance.basis_article_id:
                self.initial["basis_article"] = self.instance.basis_article


class RevokeForm(ZhifaForm):
    reason = forms.CharField(label="理由", max_length=200, widget=forms.Textarea(attrs={"rows": 3}))
    on = forms.DateField(label="日期", initial=date.today)


class PostForm(UserForm, ZhifaModelForm):
    class Meta:
        model = Post
        fields = ["agency", "name", "responsibilities", "liability", "powers"]
        widgets = {
            "powers": forms.SelectMultiple(attrs={"size": 8}),
            "responsibilities": forms.Textarea(attrs={"rows": 4}),
            "liability": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = selectors.manageable_agencies(self.user)
        self.fields["agency"].queryset = agencies
        self.fields["powers"].required = False
        self.fields["powers"].help_text = MULTI_HELP
        self.fields["powers"].queryset = (
            Power.objects.filter(Q(agency__in=agencies) | Q(delegations__recipient__in=agencies))
            .select_related("agency")
            .distinct()
            .order_by("agency__name", "code")
        )
        self.fields["powers"].label_from_instance = lambda p: (
            f"{p.agency.short_name or p.agency.name} · {p.code} {p.name}"
        )
        if self.instance.pk:
            self.fields["agency"].queryset = Agency.objects.all()
            self.fields["agency"].disabled = True
