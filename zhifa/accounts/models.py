"""Users, their role and scope, and API tokens."""

from __future__ import annotations

import hashlib

from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.db import models
from django.db.models import Q


class Role(models.TextChoices):
    OFFICER = "officer", "执法人员"
    REVIEWER = "reviewer", "法制审核人员"
    HEAD = "head", "机关负责人"
    LEGAL_OFFICE = "legal_office", "政府法制机构"
    SUPERVISOR = "supervisor", "监察机关"
    ADMIN = "admin", "系统管理员"


AGENCY_ROLES = (Role.OFFICER, Role.REVIEWER, Role.HEAD)
GOVERNMENT_ROLES = (Role.LEGAL_OFFICE, Role.SUPERVISOR)


class User(AbstractUser):
    """A person who logs in. Agency staff belong to one agency; the legal affairs office
    and the supervisory organ belong to a government and see its agencies."""

    display_name = models.CharField("姓名", max_length=40, blank=True)
    role = models.CharField("角色", max_length=20, choices=Role.choices, default=Role.OFFICER)
    agency = models.ForeignKey(
        "org.Agency", verbose_name="所在机关", null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    government = models.ForeignKey(
        "org.Government", verbose_name="所属政府", null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )

    class Meta:
        verbose_name = verbose_name_plural = "用户"
        constraints = [
            models.CheckConstraint(
                condition=~Q(role__in=["officer", "reviewer", "head"]) | Q(agency__isnull=False),
                name="agency_staff_have_agency",
                violation_error_message="执法人员、法制审核人员和机关负责人必须属于一个执法机关。",
            ),
            models.CheckConstraint(
                condition=~Q(role__in=["legal_office", "supervisor"]) | Q(government__isnull=False),
                name="government_staff_have_government",
                violation_error_message="政府法制机构和监察机关的用户必须属于一级政府。",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name or self.username

    @property
    def label(self) -> str:
        return f"{self.display_name or self.username}（{self.get_role_display()}）"


class ApiToken(models.Model):
    """An API client's bearer token. Only its SHA-256 is stored; it is shown once."""

    user = models.ForeignKey(User, verbose_name="用户", on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField("用途", max_length=60, blank=True)
    prefix = models.CharField("前缀", max_length=8)
    digest = models.CharField("摘要", max_length=64, unique=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    last_used_at = models.DateTimeField("最近使用", null=True, blank=True)
    revoked_at = models.DateTimeField("吊销时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "API 令牌"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user} {self.prefix}…"

    @staticmethod
    def digest_of(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()


#: Who acts or reads: a logged-in user, or the anonymous user (refused wherever a login is
#: needed). Services take it as ``actor``, selectors as ``user``.
Actor = User | AnonymousUser
