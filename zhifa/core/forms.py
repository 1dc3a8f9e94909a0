"""Form rendering with errors at the field, and the bridge from DomainError to a form."""

from __future__ import annotations

from django import forms
from django.forms.renderers import TemplatesSetting

from zhifa.core.errors import DomainError


class FormRenderer(TemplatesSetting):
    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"


def show_error(form: forms.Form, error: DomainError) -> None:
    """Put each violation beside its field (or above the form when it names none)."""
    for v in error.violations:
        field = v.field if v.field in form.fields else None
        form.add_error(field, v.full_message)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def date_widgets(form_class_fields: dict) -> None:
    """Use the browser's date picker for every DateField of a form."""
    for field in form_class_fields.values():
        if isinstance(field, forms.DateTimeField):
            field.widget = DateTimeInput()
        elif isinstance(field, forms.DateField):
            field.widget = DateInput()


class ZhifaForm(forms.Form):
    """Base form: browser date pickers, Chinese "required" messages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        date_widgets(self.fields)
        for field in self.fields.values():
            field.error_messages.setdefault("required", "此项为必填项。")


class ZhifaModelForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        date_widgets(self.fields)
