"""Enforcement bodies and their powers (D2.2, D2.4, D2.5, D3.1a, D3.1c)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from zhifa.core.identifiers import normalise_uscc, validate_uscc


class Government(models.Model):
    """人民政府：市、区、县。"""

    class Level(models.TextChoices):
        CITY = "city", "市"
        DISTRICT = "district", "区"
        COUNTY = "county", "县（自治县）"

    name = models.CharField("名称", max_length=100, unique=True)
    level = models.CharField("层级", max_length=16, choices=Level.choices)
    parent = models.ForeignKey(
        "self", verbose_name="上级政府", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    division_code = models.CharField("行政区划代码", max_length=6, unique=True)

    class Meta:
        verbose_name = verbose_name_plural = "人民政府"
        ordering = ["division_code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level="city", parent__isnull=True) | (~Q(level="city") & Q(parent__isnull=False)),
                name="government_city_is_root",
                violation_error_message="市政府没有上级政府；区县政府必须有上级政府。",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("org:government_detail", args=[self.pk])

    def clean(self):
        # The same as the check constraint, but reported at the field.
        if self.level == self.Level.CITY and self.parent_id:
            raise ValidationError({"parent": "市政府没有上级政府。"})
        if self.level != self.Level.CITY and not self.parent_id:
            raise ValidationError({"parent": "区县政府必须有上级政府。"})

    def subtree_ids(self) -> set[int]:
        """This government and every government under it."""
        ids, frontier = {self.pk}, [self.pk]
        while frontier:
            frontier = list(Government.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
            ids.update(frontier)
        return ids

    def agency_ids_within(self) -> set[int]:
        """The agencies of this government and of every government under it."""
        return set(Agency.objects.filter(government_id__in=self.subtree_ids()).values_list("pk", flat=True))

    def contains(self, other: Government) -> bool:
        node = other
        while node is not None:
            if node.pk == self.pk:
                return True
            node = node.parent
        return False


class GovernmentTerm(models.Model):
    """一届政府任期：每届任期内至少全面清理一次规章和规范性文件（D3.2c）。"""

    government = models.ForeignKey(Government, verbose_name="政府", on_delete=models.CASCADE, related_name="terms")
    number = models.PositiveSmallIntegerField("届次")
    starts_on = models.DateField("任期开始")
    ends_on = models.DateField("任期结束")

    class Meta:
        verbose_name = verbose_name_plural = "政府任期"
        ordering = ["government", "-starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["government", "number"], name="government_term_unique"),
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")),
                name="government_term_order",
                violation_error_message="任期结束日期须晚于开始日期。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.government}第{self.number}届（{self.starts_on:%Y}—{self.ends_on:%Y}）"

    def get_absolute_url(self) -> str:
        return reverse("org:term_detail", args=[self.pk])

    def covers(self, on: date) -> bool:
        return self.starts_on <= on <= self.ends_on


class GovernmentBody(models.Model):
    """A body attached to one government, registered by the administrator: its legal
    affairs office or its supervisory organ. One definition for both; each names its
    government link and the page it is shown on."""

    #: ``org:<detail_url_name>`` shows one record.
    detail_url_name = ""

    name = models.CharField("名称", max_length=100, unique=True)
    address = models.CharField("地址", max_length=200, blank=True)
    phone = models.CharField("电话", max_length=30, blank=True)

    class Meta:
        abstract = True
        ordering = ["government__division_code"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(f"org:{self.detail_url_name}", args=[self.pk])


class LegalAffairsOffice(GovernmentBody):
    """政府法制机构（司法局）：认证执法主体和人员，监督执法（D3.1c, D6.1）。"""

    detail_url_name = "office_detail"

    government = models.OneToOneField(
        Government, verbose_name="所属政府", on_delete=models.PROTECT, related_name="legal_affairs_office"
    )

    class Meta(GovernmentBody.Meta):
        verbose_name = verbose_name_plural = "政府法制机构"


class SupervisoryOrgan(GovernmentBody):
    """监察机关：受理对执法违法行为的举报（D6.7a）。"""

    detail_url_name = "organ_detail"

    government = models.OneToOneField(
        Government, verbose_name="同级政府", on_delete=models.PROTECT, related_name="supervisory_organ"
    )
    phone = models.CharField("举报电话", max_length=30, blank=True)

    class Meta(GovernmentBody.Meta):
        verbose_name = verbose_name_plural = "监察机关"


class Field(models.TextChoices):
    """执法领域。"""

    MARKET = "market", "市场监管"
    ECOLOGY = "ecology", "生态环境"
    CITY = "city", "城市管理"
    TRANSPORT = "transport", "交通运输"
    OTHER = "other", "其他"


class Agency(models.Model):
    """行政执法机关，或法律法规授权的组织、依法受委托的组织（D3.1a）。"""

    class Kind(models.TextChoices):
        AGENCY = "agency", "行政执法机关"
        AUTHORISED = "authorised", "法律法规授权的组织"
        ENTRUSTED = "entrusted", "受委托组织"

    class Standing(models.TextChoices):
        CONFIRMED = "confirmed", "主体资格已确认"
        PENDING = "pending", "待确认"
        SUSPENDED = "suspended", "暂停执法"
        REVOKED = "revoked", "已撤销"

    name = models.CharField("名称", max_length=100, unique=True)
    short_name = models.CharField("简称", max_length=40, blank=True)
    code = models.SlugField("机关代码", max_length=40, unique=True, help_text="用于案件编号的简码，如 yz-scj")
    case_prefix = models.CharField("文号简称", max_length=12, help_text="文书文号的机关代字，如“渝中市监”")
    kind = models.CharField("类别", max_length=16, choices=Kind.choices, default=Kind.AGENCY)
    field = models.CharField("执法领域", max_length=16, choices=Field.choices)
    government = models.ForeignKey(
        Government, verbose_name="所属政府", on_delete=models.PROTECT, related_name="agencies"
    )
    uscc = models.CharField("统一社会信用代码", max_length=18, blank=True)
    address = models.CharField("地址", max_length=200, blank=True)
    phone = models.CharField("服务电话", max_length=30, blank=True)
    standing = models.CharField("主体资格", max_length=16, choices=Standing.choices, default=Standing.PENDING)
    standing_confirmed_on = models.DateField("主体资格确认日期", null=True, blank=True)
    standing_note = models.CharField("主体资格说明", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "执法主体"
        ordering = ["government__division_code", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("org:agency_detail", args=[self.pk])

    def get_public_url(self) -> str:
        return reverse("org:public_agency_detail", args=[self.pk])

    def clean(self):
        if self.uscc:
            self.uscc = normalise_uscc(self.uscc)
            try:
                validate_uscc(self.uscc)
            except ValidationError as exc:
                raise ValidationError({"uscc": exc.messages}) from None

    @property
    def level(self) -> str:
        return self.government.level

    @property
    def can_enforce(self) -> bool:
        return self.standing == self.Standing.CONFIRMED

    @property
    def standing_colour(self) -> str:
        return {"confirmed": "green", "pending": "grey", "suspended": "amber", "revoked": "red"}[self.standing]


class StandingDecision(models.Model):
    """政府法制机构对执法主体资格的一次确认、暂停或撤销，并向社会公告（D3.1c）。"""

    agency = models.ForeignKey(
        Agency, verbose_name="执法主体", on_delete=models.CASCADE, related_name="standing_decisions"
    )
    standing = models.CharField("决定", max_length=16, choices=Agency.Standing.choices)
    previous = models.CharField("原主体资格", max_length=16, choices=Agency.Standing.choices)
    decided_on = models.DateField("决定日期")
    reason = models.CharField("理由", max_length=200)
    office = models.ForeignKey(
        LegalAffairsOffice,
        verbose_name="作出决定的政府法制机构",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="standing_decisions",
    )

    class Meta:
        verbose_name = verbose_name_plural = "主体资格确认公告"
        ordering = ["-decided_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(reason=""),
                name="standing_decision_has_reason",
                violation_error_message="主体资格的确认、暂停或撤销必须写明理由。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency}：{self.get_standing_display()}（{self.decided_on}）"


class Power(models.Model):
    """法定职权（执法事项）：一项权力，依据若干法律条文，覆盖若干违法行为（D2.2, D3.1a）。"""

    class Category(models.TextChoices):
        PENALTY = "penalty", "行政处罚"
        COERCION = "coercion", "行政强制"
        INSPECTION = "inspection", "行政检查"
        LICENSING = "licensing", "行政许可"
        OTHER = "other", "其他"

    agency = models.ForeignKey(Agency, verbose_name="执法主体", on_delete=models.CASCADE, related_name="powers")
    code = models.CharField("事项编码", max_length=40)
    name = models.CharField("事项名称", max_length=200)
    category = models.CharField("类别", max_length=16, choices=Category.choices, default=Category.PENALTY)
    basis_articles = models.ManyToManyField("law.Article", verbose_name="设定依据", related_name="powers", blank=True)
    violation_items = models.ManyToManyField(
        "law.ViolationItem", verbose_name="覆盖的违法行为", related_name="powers", blank=True
    )
    valid_from = models.DateField("生效日期")
    valid_to = models.DateField("失效日期", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "法定职权"
        ordering = ["agency", "code"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="power_code_unique"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="power_period_order",
                violation_error_message="失效日期不得早于生效日期。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("org:power_detail", args=[self.pk])

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


class Delegation(models.Model):
    """授权（法律、法规授权）或委托（行政机关依法委托），有范围、期限和受托组织（D2.4, D3.1a）。"""

    class Kind(models.TextChoices):
        AUTHORISATION = "authorisation", "法律法规授权"
        ENTRUSTMENT = "entrustment", "行政机关委托"

    kind = models.CharField("方式", max_length=16, choices=Kind.choices)
    delegator = models.ForeignKey(
        Agency,
        verbose_name="委托机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delegations_given",
        help_text="委托时必填；法律法规授权时为空",
    )
    recipient = models.ForeignKey(
        Agency, verbose_name="被授权或受委托组织", on_delete=models.PROTECT, related_name="delegations_received"
    )
    powers = models.ManyToManyField(Power, verbose_name="授权或委托的事项（范围）", related_name="delegations")
    basis_article = models.ForeignKey(
        "law.Article",
        verbose_name="授权或委托的依据条文",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    document_number = models.CharField("文号", max_length=60, blank=True)
    scope_note = models.TextField("范围说明", blank=True)
    valid_from = models.DateField("起始日期")
    valid_to = models.DateField("截止日期")
    revoked_on = models.DateField("撤回日期", null=True, blank=True)
    revocation_reason = models.CharField("撤回理由", max_length=200, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "授权与委托"
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__gte=models.F("valid_from")),
                name="delegation_period_order",
                violation_error_message="截止日期不得早于起始日期。",
            ),
            models.CheckConstraint(
                condition=Q(kind="authorisation") | Q(delegator__isnull=False),
                name="entrustment_has_delegator",
                violation_error_message="委托必须写明委托机关。",
            ),
            models.CheckConstraint(
                condition=~Q(delegator=models.F("recipient")),
                name="delegation_not_to_self",
                violation_error_message="不得委托给本机关。",
            ),
            models.CheckConstraint(
                condition=Q(revoked_on__isnull=True) | ~Q(revocation_reason=""),
                name="delegation_revocation_has_reason",
                violation_error_message="撤回授权或委托必须写明理由。",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.recipient}（{self.valid_from}—{self.valid_to}）"

    def get_absolute_url(self) -> str:
        return reverse("org:delegation_detail", args=[self.pk])

    def status_on(self, on: date) -> tuple[str, str]:
        """(code, label) for pages: in force, not yet in force, expired, revoked."""
        if self.revoked_on and self.revoked_on <= on:
            return "revoked", "已撤回"
        if on < self.valid_from:
            return "pending", "尚未生效"
        if on > self.valid_to:
            return "expired", "已到期"
        return "in_force", "有效"

    def in_force(self, on: date) -> bool:
        return self.valid_from <= on <= self.valid_to and (self.revoked_on is None or on < self.revoked_on)


class Post(models.Model):
    """执法岗位及其具体执法责任（D2.5）。"""

    agency = models.ForeignKey(Agency, verbose_name="执法主体", on_delete=models.CASCADE, related_name="posts")
    name = models.CharField("岗位名称", max_length=60)
    responsibilities = models.TextField("岗位职责")
    liability = models.TextField("违反职责应承担的责任", blank=True)
    powers = models.ManyToManyField(Power, verbose_name="岗位承担的事项", related_name="posts", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "执法岗位"
        ordering = ["agency", "name"]
        constraints = [models.UniqueConstraint(fields=["agency", "name"], name="post_name_unique")]

    def __str__(self) -> str:
        return f"{self.agency.short_name or self.agency.name}·{self.name}"

    def get_absolute_url(self) -> str:
        return reverse("org:post_detail", args=[self.pk])
