"""Records of agencies working as one system (D3.4, Part IV of the Decision).

A transfer itself is the case procedure's record (``cases.Transfer``, written by the
``transfer_out`` act, which also opens the receiver's clue); this app adds what happens
around it: the receiver's receipt (it may not refuse, only pass the matter on to the
truly competent agency), and the letter that sends a suspected crime to the public
security organ. Every record here is written by one service in
:mod:`zhifa.cooperation.services`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse


class TransferReceipt(models.Model):
    """接收机关签收移送函（D3.4）：不得以任何理由拒绝接受；经职权目录核对，本机关有管辖权的接收办理，
    确无管辖权的，说明理由转送真正有管辖权的机关。"""

    class Outcome(models.TextChoices):
        ACCEPTED = "accepted", "接收办理"
        PASSED_ON = "passed_on", "说明理由转送有管辖权的机关"

    transfer = models.OneToOneField(
        "cases.Transfer", verbose_name="移送函", on_delete=models.PROTECT, related_name="receipt"
    )
    received_on = models.DateField("签收日期")
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="签收人", on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField("签收结果", max_length=16, choices=Outcome.choices)
    competence_note = models.TextField("职权目录核对结果")
    pass_on_reasons = models.TextField("转送理由", blank=True)
    passed_on = models.OneToOneField(
        "cases.Transfer",
        verbose_name="转送函",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="passed_from",
    )

    class Meta:
        verbose_name = verbose_name_plural = "移送函签收"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome="accepted", passed_on__isnull=True) | models.Q(outcome="passed_on"),
                name="cooperation_receipt_accepted_not_passed_on",
            )
        ]

    def __str__(self) -> str:
        return f"{self.transfer.letter_number}：{self.get_outcome_display()}"

    def get_absolute_url(self) -> str:
        return reverse("cooperation:transfer_detail", args=[self.transfer_id])


class CrimeTransfer(models.Model):
    """涉嫌犯罪案件移送书（行政处罚法第二十七条）：案件移送公安机关，附调查报告、涉案物品清单和
    检验报告或者鉴定意见，抄送同级人民检察院；公安机关书面告知是否立案。"""

    class PoliceDecision(models.TextChoices):
        FILED = "filed", "立案侦查"
        NOT_FILED = "not_filed", "不予立案"

    case = models.OneToOneField(
        "cases.Case", verbose_name="案件", on_delete=models.PROTECT, related_name="crime_transfer"
    )
    number = models.CharField("移送书文号", max_length=60, unique=True)
    sent_on = models.DateField("移送日期")
    police_organ = models.CharField("接收的公安机关", max_length=100)
    procuratorate = models.CharField("抄送的人民检察院", max_length=100)
    suspected_crime = models.CharField("涉嫌罪名", max_length=100)
    facts = models.TextField("涉嫌犯罪的事实")
    with_report = models.BooleanField("附调查报告", default=False)
    with_items_list = models.BooleanField("附涉案物品清单", default=False)
    with_expert_opinion = models.BooleanField("附检验报告或者鉴定意见", default=False)
    no_items_note = models.CharField("无涉案物品或者无须检验鉴定的说明", max_length=300, blank=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    police_answered_on = models.DateField("公安机关书面告知日期", null=True, blank=True)
    police_decision = models.CharField("公安机关决定", max_length=16, choices=PoliceDecision.choices, blank=True)
    police_reasons = models.TextField("公安机关决定的理由", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "涉嫌犯罪案件移送"

    def __str__(self) -> str:
        return self.number

    def get_absolute_url(self) -> str:
        return reverse("cooperation:crime_transfer_detail", args=[self.pk])
