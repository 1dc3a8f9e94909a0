"""Forms of the officer registries. Choices are narrowed to what the user may act on;
the services decide."""

from __future__ import annotations

from datetime import date

from django import forms
from django.db.models import Q

from zhifa.accounts.models import AGENCY_ROLES, User
from zhifa.core import clock
from zhifa.core.forms import ZhifaForm, ZhifaModelForm
from zhifa.org.models import Post
from zhifa.org.selectors import manageable_agencies
from zhifa.people.models import CertificateVerification, ConflictOfInterest, EnforcementField, Officer, Training


class OfficerForm(ZhifaModelForm):
    class Meta:
        model = Officer
        fields = ["name", "id_number", "agency", "post", "phone", "user"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = manageable_agencies(user)
        self.fields["agency"].queryset = agencies
        self.fields["post"].queryset = Post.objects.filter(agency__in=agencies).select_related("agency")
        self.fields["user"].queryset = User.objects.filter(agency__in=agencies, role__in=AGENCY_ROLES).filter(
            Q(officer__isnull=True) | Q(officer=self.instance.pk or 0)
        )
        self.fields["user"].help_text = "本人在平台的登录账户（可不填）"


class LeaveForm(ZhifaForm):
    on = forms.DateField(label="调离日期", initial=date.today)
    reason = forms.CharField(label="理由", max_length=200, widget=forms.Textarea(attrs={"rows": 3}))


class TrainingForm(ZhifaModelForm):
    class Meta:
        model = Training
        fields = ["field", "course", "hours", "completed_on", "passed", "score"]


class QualificationForm(ZhifaForm):
    field = forms.ChoiceField(label="执法领域", choices=EnforcementField.choices)
    obtained_on = forms.DateField(label="取得日期", initial=date.today)
    training = forms.ModelChoiceField(
        label="依据的培训",
        queryset=Training.objects.none(),
        required=False,
        help_text="不选则取该领域最近一次考试合格的培训",
    )

    def __init__(self, *args, officer=None, **kwargs):
        super().__init__(*args, **kwargs)
        if officer is not None:
            self.fields["training"].queryset = officer.trainings.filter(passed=True)


class RevokeForm(ZhifaForm):
    reason = forms.CharField(label="理由", max_length=200, widget=forms.Textarea(attrs={"rows": 3}))
    on = forms.DateField(label="日期", initial=date.today)


class CertificateForm(ZhifaForm):
    number = forms.CharField(label="证件编号", max_length=30)
    issued_on = forms.DateField(label="发证日期", initial=date.today)
    expires_on = forms.DateField(label="有效期至")


class VerifyForm(ZhifaForm):
    year = forms.IntegerField(label="审验年度", min_value=1990, max_value=2100, initial=lambda: clock.today().year - 1)
    verified_on = forms.DateField(label="审验日期", initial=date.today)
    result = forms.ChoiceField(label="结论", choices=CertificateVerification.Result.choices)
    note = forms.CharField(label="说明", max_length=200, required=False, help_text="不合格时必须写明原因")


class SuspendForm(ZhifaForm):
    reason = forms.CharField(label="暂扣理由", max_length=200, widget=forms.Textarea(attrs={"rows": 3}))
    on = forms.DateField(label="暂扣日期", initial=date.today)


class LiftForm(ZhifaForm):
    on = forms.DateField(label="恢复日期", initial=date.today)


class ConflictForm(ZhifaModelForm):
    class Meta:
        model = ConflictOfInterest
        fields = ["party_name", "party_identifier", "relation", "description", "declared_on"]
        help_texts = {"party_identifier": "自然人填居民身份证号码，组织填统一社会信用代码；已登记的当事人将自动关联"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["declared_on"].initial = date.today


class ConflictEndForm(ZhifaForm):
    on = forms.DateField(label="关系终止日期", initial=date.today)
    note = forms.CharField(label="说明", max_length=200, required=False)
