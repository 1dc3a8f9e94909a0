"""Parties: the natural persons and organisations enforcement acts are about."""

from __future__ import annotations

from django.db import models
from django.db.models import Q


class Party(models.Model):
    """当事人（行政管理相对人）：自然人以居民身份证号、组织以统一社会信用代码识别。"""

    class Kind(models.TextChoices):
        PERSON = "person", "自然人"
        ORGANISATION = "organisation", "法人或者其他组织"

    kind = models.CharField("类别", max_length=16, choices=Kind.choices)
    name = models.CharField("姓名或名称", max_length=200)
    id_number = models.CharField("居民身份证号码", max_length=18, blank=True)
    uscc = models.CharField("统一社会信用代码", max_length=18, blank=True)
    legal_representative = models.CharField("法定代表人或负责人", max_length=60, blank=True)
    address = models.CharField("住所或经营场所", max_length=200, blank=True)
    phone = models.CharField("联系电话", max_length=30, blank=True)
    government = models.ForeignKey(
        "org.Government",
        verbose_name="所在区县",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="parties",
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True)
    registered_by_agency = models.ForeignKey(
        "org.Agency",
        verbose_name="登记机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registered_parties",
        help_text="登记该当事人的执法机关：在它立案之前，由它更正登记错误",
    )

    class Meta:
        verbose_name = verbose_name_plural = "当事人"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="person") & ~Q(id_number="") & Q(uscc=""))
                | (Q(kind="organisation") & ~Q(uscc="") & Q(id_number="")),
                name="party_identifier_matches_kind",
                violation_error_message="自然人须填写居民身份证号码，组织须填写统一社会信用代码。",
            ),
            models.UniqueConstraint(fields=["id_number"], condition=~Q(id_number=""), name="party_ric_unique"),
            models.UniqueConstraint(fields=["uscc"], condition=~Q(uscc=""), name="party_uscc_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def identifier(self) -> str:
        return self.id_number or self.uscc

    @property
    def is_person(self) -> bool:
        return self.kind == self.Kind.PERSON

    @property
    def masked_identifier(self) -> str:
        """What a list shows: a person's identity number masked, an organisation's code in full."""
        from zhifa.core.identifiers import mask_ric

        return mask_ric(self.id_number) if self.id_number else self.uscc

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("parties:party_detail", args=[self.pk])


class PartyLookup(models.Model):
    """A look-up of a party's personal information outside one's own cases, with its purpose.

    Recorded (and audited) before the information is shown; it lets the same user see the
    party for ``ZHIFA_PARTY_LOOKUP_HOURS`` hours (zhifa.parties.selectors).
    """

    party = models.ForeignKey(Party, verbose_name="当事人", on_delete=models.PROTECT, related_name="lookups")
    user = models.ForeignKey(
        "accounts.User", verbose_name="查询人", on_delete=models.PROTECT, related_name="party_lookups"
    )
    agency = models.ForeignKey(
        "org.Agency", verbose_name="查询人所在机关", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    purpose = models.CharField("查询事由", max_length=200)
    at = models.DateTimeField("查询时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "当事人信息查询记录"
        ordering = ["-at"]
        indexes = [models.Index(fields=["party", "user", "at"])]


class PartyCorrection(models.Model):
    """A correction of a party's registered information: who, for which agency, why, what changed."""

    party = models.ForeignKey(Party, verbose_name="当事人", on_delete=models.PROTECT, related_name="corrections")
    user = models.ForeignKey(
        "accounts.User", verbose_name="更正人", on_delete=models.PROTECT, related_name="party_corrections"
    )
    agency = models.ForeignKey(
        "org.Agency", verbose_name="更正机关", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField("更正理由", max_length=500)
    changes = models.JSONField("更正内容", default=dict)
    at = models.DateTimeField("更正时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "当事人信息更正记录"
        ordering = ["-at"]
