"""Forms of the complaint pages: the public's complaint, the office's registration,
routing, return, answer; Open311 clients; media exposures."""

from __future__ import annotations

from django import forms

from zhifa.accounts.access import visible_agency_ids
from zhifa.complaints.models import Kind
from zhifa.core.forms import ZhifaForm
from zhifa.law.models import ViolationItem
from zhifa.org.models import Agency, Field, Government

TEXT = forms.Textarea(attrs={"rows": 5})


def _agencies(user):
    qs = Agency.objects.filter(standing=Agency.Standing.CONFIRMED).order_by("government__division_code", "name")
    ids = visible_agency_ids(user) if user is not None else None
    return qs if ids is None else qs.filter(pk__in=ids)


class ComplaintForm(ZhifaForm):
    """What the public (or the office, from a letter or call) reports."""

    kind = forms.ChoiceField(
        label="类别",
        choices=Kind.choices,
        widget=forms.RadioSelect,
        help_text="投诉执法机关及其执法人员的执法行为，由政府法制机构调查答复；举报违法行为，转交有管辖权的执法机关核查。",
    )
    description = forms.CharField(
        label="内容", max_length=4000, widget=TEXT, help_text="时间、地点、经过，越具体越便于核查"
    )
    field = forms.ChoiceField(label="执法领域", choices=[("", "不清楚")] + list(Field.choices), required=False)
    violation_item = forms.ModelChoiceField(
        label="违法行为", queryset=ViolationItem.objects.order_by("code"), required=False, empty_label="不清楚"
    )
    subject_agency = forms.ModelChoiceField(
        label="被投诉的执法机关",
        queryset=Agency.objects.order_by("government__division_code", "name"),
        required=False,
        empty_label="不清楚或不涉及",
    )
    place = forms.ModelChoiceField(
        label="发生地（区县）",
        queryset=Government.objects.exclude(level=Government.Level.CITY).order_by("division_code"),
        required=False,
        empty_label="不清楚",
    )
    address = forms.CharField(label="具体地点", max_length=200, required=False)
    complainant_name = forms.CharField(label="您的姓名", max_length=60, required=False, help_text="可以匿名")
    complainant_contact = forms.CharField(
        label="联系方式", max_length=60, required=False, help_text="留下电话或邮箱便于核实；不公开"
    )


class RouteForm(ZhifaForm):
    agency = forms.ModelChoiceField(label="承办机关", queryset=Agency.objects.none())
    note = forms.CharField(label="分办意见", max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = _agencies(user)


class ReturnForm(ZhifaForm):
    reason = forms.CharField(
        label="退回理由", max_length=300, widget=forms.Textarea(attrs={"rows": 3}), help_text="写明本机关为何没有管辖权"
    )


class TakeUpForm(ZhifaForm):
    """Nothing to fill in: the report's contents become the clue."""


class AnswerForm(ZhifaForm):
    answer = forms.CharField(
        label="答复内容", max_length=4000, widget=TEXT, help_text="调查核实的情况、处理结果和理由；举报投诉人可以查看"
    )
    late_reason = forms.CharField(label="逾期答复的原因", max_length=300, required=False)
    on = forms.DateField(label="答复日期", required=False, help_text="留空为今天")


class TrackForm(ZhifaForm):
    number = forms.CharField(label="查询码", max_length=24)


class ClientForm(ZhifaForm):
    name = forms.CharField(label="接入系统名称", max_length=100, help_text="如“渝中区12345政务服务便民热线”")


class ConfirmForm(ZhifaForm):
    """A confirmation without fields."""


class MediaForm(ZhifaForm):
    agency = forms.ModelChoiceField(label="被曝光的执法机关", queryset=Agency.objects.none())
    outlet = forms.CharField(label="媒体", max_length=100)
    title = forms.CharField(label="报道标题", max_length=200)
    url = forms.URLField(label="报道网址", max_length=300, required=False, assume_scheme="https")
    reported_on = forms.DateField(label="报道日期")
    summary = forms.CharField(label="曝光的问题", max_length=4000, widget=TEXT)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = _agencies(user)


class MediaConcludeForm(ZhifaForm):
    result = forms.CharField(
        label="查处结果", max_length=4000, widget=TEXT, help_text="追查核实的情况和处理结果，将向社会发布"
    )
