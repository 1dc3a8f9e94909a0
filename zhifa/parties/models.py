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
