"""Form rendering with errors at the field, and the bridge from DomainError to a form."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.forms.renderers import TemplatesSetting

from zhifa.core import inputs
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


class _NoNul(ProhibitNullCharactersValidator):
    message = inputs.NUL_MESSAGE  # Django's Chinese translation of its own message is wrong


NUMBER_FIELDS = (forms.IntegerField, forms.DecimalField, forms.FloatField)


def _half_width_first(to_python):
    """A number field's parser that refuses full-width digits instead of reading them (zhifa.core.inputs)."""

    def parse(value):
        if isinstance(value, str):
            try:
                inputs.ascii_number(value)
            except ValueError as exc:
                raise ValidationError(str(exc), code="not_ascii_number") from None
        return to_python(value)

    return parse


def input_rules(fields) -> None:
    """The rules of :mod:`zhifa.core.inputs` on every field of a form: no NUL in text,
    numbers in half-width digits. Forms that do not subclass ZhifaForm call it too."""
    for field in fields.values():
        if isinstance(field, forms.CharField):
            field.validators = [
                _NoNul() if isinstance(v, ProhibitNullCharactersValidator) else v for v in field.validators
            ]
        if isinstance(field, NUMBER_FIELDS):
            field.to_python = _half_width_first(field.to_python)


class ZhifaForm(forms.Form):
    """Base form: browser date pickers, Chinese "required" messages, the input rules."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        date_widgets(self.fields)
        input_rules(self.fields)
        for field in self.fields.values():
            field.error_messages.setdefault("required", "此项为必填项。")


class ZhifaModelForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        date_widgets(self.fields)
        input_rules(self.fields)
