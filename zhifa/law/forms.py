from django import forms

from zhifa.core.forms import ZhifaForm, ZhifaModelForm
from zhifa.law.models import Article, Cleanup, CleanupEntry, LegalBasis, ViolationItem
from zhifa.org.models import Field


class LegalBasisForm(ZhifaModelForm):
    class Meta:
        model = LegalBasis
        fields = [
            "title",
            "short_title",
            "level",
            "issuer",
            "issuing_agency",
            "issuing_government",
            "document_number",
            "promulgated_on",
            "effective_from",
            "amended_on",
            "source",
        ]
        help_texts = {
            "short_title": "引用时的简称，如“食品安全法”",
            "issuer": "留空时取制定的执法机关或政府的名称",
            "effective_from": "本文本（现行版本）的施行日期",
        }


class ArticleForm(ZhifaModelForm):
    class Meta:
        model = Article
        fields = ["number", "label", "chapter", "text"]
        help_texts = {"label": "留空时按条号生成，如“第四十二条”"}
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["label"].required = False


class RepealForm(ZhifaForm):
    repealed_on = forms.DateField(label="废止日期", help_text="自该日起不再是有效的执法依据")
    reason = forms.CharField(label="废止理由", max_length=300, widget=forms.Textarea(attrs={"rows": 3}))


class CitationsField(forms.CharField):
    """One citation a line: 食品安全法第三十四条."""

    widget = forms.Textarea(attrs={"rows": 3})

    def to_python(self, value):
        value = super().to_python(value) or ""
        return [line.strip() for line in value.replace("；", "\n").replace(";", "\n").splitlines() if line.strip()]

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, (list, tuple)) else value


class ViolationItemForm(ZhifaForm):
    code = forms.CharField(label="编码", max_length=40)
    name = forms.CharField(label="违法行为", max_length=200)
    field = forms.ChoiceField(label="执法领域", choices=Field.choices)
    violated = CitationsField(label="违反的条文", help_text="每行一条，如“食品安全法第三十四条”")
    penalty = CitationsField(
        label="处罚依据条文", help_text="每行一条，如“食品安全法第一百二十四条”；不得引用规范性文件"
    )
    penalty_summary = forms.CharField(
        label="法定处罚", max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    health_or_finance = forms.BooleanField(label="涉及公民生命健康安全、金融安全", required=False)

    @staticmethod
    def initial_for(item: ViolationItem) -> dict:
        return {
            "code": item.code,
            "name": item.name,
            "field": item.field,
            "penalty_summary": item.penalty_summary,
            "health_or_finance": item.health_or_finance,
            "violated": [cite(a) for a in item.violated_articles.all()],
            "penalty": [cite(a) for a in item.penalty_articles.all()],
        }


def cite(article: Article) -> str:
    return f"{article.basis.name_for_citation}{article.label}"


class CleanupForm(ZhifaModelForm):
    class Meta:
        model = Cleanup
        fields = ["title", "scope", "agency", "government", "started_on"]
        help_texts = {
            "agency": "执法机关定期清理本机关制定的规范性文件（《决定》三（二））",
            "government": "政府全面清理本级政府的规章和规范性文件，每届任期至少一次",
        }

    def __init__(self, *args, agencies=None, governments=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agencies is not None:
            self.fields["agency"].queryset = agencies
        if governments is not None:
            self.fields["government"].queryset = governments


class CleanupEntryForm(ZhifaModelForm):
    class Meta:
        model = CleanupEntry
        fields = ["basis", "outcome", "reason", "decided_on"]
        help_texts = {"outcome": "废止的文件自决定之日起立即停止执行，并在公开平台公示废止"}
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, documents=None, **kwargs):
        super().__init__(*args, **kwargs)
        if documents is not None:
            self.fields["basis"].queryset = documents


class CleanupCompleteForm(ZhifaForm):
    completed_on = forms.DateField(label="完成日期")


class CleanupPublishForm(ZhifaForm):
    published_on = forms.DateField(label="公布日期")
    summary = forms.CharField(label="清理情况说明", required=False, widget=forms.Textarea(attrs={"rows": 4}))


class RemindersForm(ZhifaForm):
    on = forms.DateField(label="日期", required=False)
