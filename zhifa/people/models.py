"""Officers: their training, qualifications, certificates and declared conflicts
(D3.1b, D3.1c, D3.7)."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q

from zhifa.core.identifiers import mask_ric, normalise_ric, validate_ric, validate_uscc


class EnforcementField(models.TextChoices):
    """Fields of enforcement work that need a qualification (D3.1b)."""

    LICENSING = "licensing", "行政许可"
    PENALTY = "penalty", "行政处罚"
    HEARING = "hearing", "行政听证"
    RECONSIDERATION = "reconsideration", "行政复议"


class Officer(models.Model):
    """行政执法人员。"""

    name = models.CharField("姓名", max_length=40)
    id_number = models.CharField("居民身份证号码", max_length=18, unique=True)
    agency = models.ForeignKey("org.Agency", verbose_name="所在机关", on_delete=models.PROTECT, related_name="officers")
    post = models.ForeignKey(
        "org.Post", verbose_name="执法岗位", null=True, blank=True, on_delete=models.SET_NULL, related_name="officers"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="登录账户",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="officer",
    )
    phone = models.CharField("联系电话", max_length=30, blank=True)
    active = models.BooleanField("在岗", default=True)
    left_post_on = models.DateField("调离执法岗位日期", null=True, blank=True)
    left_post_reason = models.CharField("调离理由", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "执法人员"
        ordering = ["agency", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(left_post_on__isnull=True) | ~Q(left_post_reason=""),
                name="officer_leaving_has_reason",
                violation_error_message="调离执法岗位必须写明理由。",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("people:officer_detail", args=[self.pk])

    def clean(self):
        from django.core.exceptions import ValidationError

        self.id_number = normalise_ric(self.id_number)
        try:
            validate_ric(self.id_number)
        except ValidationError as exc:
            raise ValidationError({"id_number": exc.messages}) from None
        if self.post_id and self.agency_id and self.post.agency_id != self.agency_id:
            raise ValidationError({"post": "执法岗位须是本人所在机关的岗位。"})

    @property
    def masked_id_number(self) -> str:

        return mask_ric(self.id_number)


class Training(models.Model):
    """资格培训。"""

    officer = models.ForeignKey(Officer, verbose_name="执法人员", on_delete=models.CASCADE, related_name="trainings")
    field = models.CharField("领域", max_length=20, choices=EnforcementField.choices)
    course = models.CharField("课程", max_length=200)
    hours = models.PositiveSmallIntegerField("学时")
    completed_on = models.DateField("结业日期")
    passed = models.BooleanField("考试合格", default=False)
    score = models.DecimalField("成绩", max_digits=5, decimal_places=1, null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "资格培训"
        ordering = ["officer", "-completed_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__isnull=True) | (Q(score__gte=0) & Q(score__lte=100)),
                name="training_score_range",
                violation_error_message="成绩应在0到100之间。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.officer} {self.course}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("people:training_detail", args=[self.pk])


class Qualification(models.Model):
    """执法资格：按领域取得，可被撤销（D3.1b）。"""

    officer = models.ForeignKey(
        Officer, verbose_name="执法人员", on_delete=models.CASCADE, related_name="qualifications"
    )
    field = models.CharField("领域", max_length=20, choices=EnforcementField.choices)
    training = models.ForeignKey(
        Training, verbose_name="依据的培训", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    obtained_on = models.DateField("取得日期")
    revoked_on = models.DateField("撤销日期", null=True, blank=True)
    revocation_reason = models.CharField("撤销理由", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "执法资格"
        ordering = ["officer", "field"]
        constraints = [
            models.UniqueConstraint(
                fields=["officer", "field"],
                condition=Q(revoked_on__isnull=True),
                name="one_live_qualification_per_field",
                violation_error_message="该执法人员已取得这一领域的执法资格。",
            ),
            models.CheckConstraint(
                condition=Q(revoked_on__isnull=True) | ~Q(revocation_reason=""),
                name="qualification_revocation_has_reason",
                violation_error_message="撤销执法资格必须写明理由。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.officer} {self.get_field_display()}资格"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("people:qualification_detail", args=[self.pk])

    def held_on(self, on: date) -> bool:
        return self.obtained_on <= on and (self.revoked_on is None or on < self.revoked_on)


class Certificate(models.Model):
    """行政执法证件：有编号、发证和有效期，年度审验，可暂扣或吊销（D3.1c, D3.8, D6.3a）。"""

    officer = models.ForeignKey(Officer, verbose_name="执法人员", on_delete=models.PROTECT, related_name="certificates")
    number = models.CharField("证件编号", max_length=30, unique=True)
    issuer = models.ForeignKey(
        "org.LegalAffairsOffice", verbose_name="发证机关", on_delete=models.PROTECT, related_name="certificates"
    )
    issued_on = models.DateField("发证日期")
    expires_on = models.DateField("有效期至")
    suspended_on = models.DateField("暂扣日期", null=True, blank=True)
    suspension_reason = models.CharField("暂扣理由", max_length=200, blank=True)
    suspension_lifted_on = models.DateField("恢复日期", null=True, blank=True)
    revoked_on = models.DateField("吊销日期", null=True, blank=True)
    revocation_reason = models.CharField("吊销理由", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "执法证件"
        ordering = ["officer", "-issued_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__gt=models.F("issued_on")),
                name="certificate_expiry_after_issue",
                violation_error_message="有效期须晚于发证日期。",
            ),
            models.CheckConstraint(
                condition=Q(revoked_on__isnull=True) | ~Q(revocation_reason=""),
                name="certificate_revocation_has_reason",
                violation_error_message="吊销证件必须写明理由。",
            ),
            models.CheckConstraint(
                condition=Q(suspended_on__isnull=True) | ~Q(suspension_reason=""),
                name="certificate_suspension_has_reason",
                violation_error_message="暂扣证件必须写明理由。",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("people:certificate_detail", args=[self.pk])

    def get_public_url(self) -> str:
        from django.urls import reverse

        return reverse("people:public_certificate_detail", args=[self.number])

    def is_suspended(self, on: date) -> bool:
        return bool(
            self.suspended_on
            and self.suspended_on <= on
            and not (self.suspension_lifted_on and self.suspension_lifted_on <= on)
        )


class CertificateVerification(models.Model):
    """年度审验。"""

    class Result(models.TextChoices):
        PASSED = "passed", "合格"
        FAILED = "failed", "不合格"

    certificate = models.ForeignKey(
        Certificate, verbose_name="证件", on_delete=models.CASCADE, related_name="verifications"
    )
    year = models.PositiveSmallIntegerField("审验年度")
    verified_on = models.DateField("审验日期")
    result = models.CharField("结论", max_length=16, choices=Result.choices)
    note = models.CharField("说明", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "证件审验"
        ordering = ["certificate", "-year"]
        constraints = [models.UniqueConstraint(fields=["certificate", "year"], name="one_verification_per_year")]

    def __str__(self) -> str:
        return f"{self.certificate} {self.year}年度审验：{self.get_result_display()}"


class ConflictOfInterest(models.Model):
    """执法人员申报的利害关系（D3.7，行政处罚法第四十三条）。"""

    class Relation(models.TextChoices):
        KIN = "kin", "近亲属"
        FINANCIAL = "financial", "经济利益"
        FORMER_EMPLOYER = "former_employer", "曾任职或受雇"
        OTHER = "other", "其他可能影响公正执法的关系"

    officer = models.ForeignKey(Officer, verbose_name="执法人员", on_delete=models.CASCADE, related_name="conflicts")
    party = models.ForeignKey(
        "parties.Party",
        verbose_name="相关当事人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="declared_conflicts",
    )
    party_name = models.CharField("当事人名称", max_length=200, help_text="尚未登记的当事人，按名称申报")
    party_identifier = models.CharField("当事人证件号码或统一社会信用代码", max_length=18, blank=True)
    relation = models.CharField("关系", max_length=20, choices=Relation.choices)
    description = models.CharField("说明", max_length=300)
    declared_on = models.DateField("申报日期")
    ended_on = models.DateField("关系终止日期", null=True, blank=True)
    end_note = models.CharField("终止说明", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "利害关系申报"
        ordering = ["officer", "-declared_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("declared_on")),
                name="conflict_ends_after_declaration",
                violation_error_message="关系终止日期不得早于申报日期。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.officer}—{self.party_name}（{self.get_relation_display()}）"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("people:conflict_detail", args=[self.pk])

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.party_identifier:
            value = normalise_ric(self.party_identifier)
            self.party_identifier = value
            for check in (validate_ric, validate_uscc):
                try:
                    check(value)
                    break
                except ValidationError:
                    continue
            else:
                raise ValidationError({"party_identifier": "请填写有效的居民身份证号码或统一社会信用代码。"})

    def live_on(self, on: date) -> bool:
        return self.declared_on <= on and (self.ended_on is None or on < self.ended_on)
