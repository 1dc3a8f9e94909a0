"""Acts on users and API tokens."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model

from zhifa.accounts.access import require_role
from zhifa.accounts.models import Actor, ApiToken, Role, User
from zhifa.core import audit, clock
from zhifa.core.errors import DomainError


def user_create(
    *,
    actor: Actor,
    username: str,
    password: str,
    role: str,
    display_name: str = "",
    agency: Model | None = None,
    government: Model | None = None,
    is_superuser: bool = False,
) -> User:
    """Create a login. ``actor=None`` only from the command line and demo data."""
    with transaction.atomic():
        if actor is not None:
            require_role(actor, Role.ADMIN, action="创建用户")
        user = User(
            username=username,
            role=role,
            display_name=display_name,
            agency=agency,
            government=government,
            is_staff=is_superuser or role == Role.ADMIN,
            is_superuser=is_superuser,
        )
        user.set_password(password)
        try:
            user.full_clean()
        except ValidationError as exc:
            field, msgs = next(iter(exc.message_dict.items()))
            raise DomainError.of("invalid", msgs[0], field=None if field == "__all__" else field) from None
        user.save()
        audit.record(
            actor=actor or "系统",
            act="user.create",
            obj=user,
            agency=agency,
            changes={"username": username, "role": role},
        )
    return user


def token_create(*, actor: Actor | None, user: User, name: str = "") -> str:
    """Issue an API token for ``user``; the token is returned once and only its SHA-256 kept."""
    with transaction.atomic():
        if actor is not None and actor != user:
            require_role(actor, Role.ADMIN, action="为他人签发 API 令牌")
        token = "zf_" + secrets.token_urlsafe(32)
        row = ApiToken.objects.create(user=user, name=name, prefix=token[:8], digest=ApiToken.digest_of(token))
        audit.record(
            actor=actor or "系统",
            act="token.create",
            obj=row,
            agency=user.agency_id,
            changes={"user": user.username, "prefix": row.prefix},
        )
    return token


def token_revoke(*, actor: Actor | None, token: ApiToken) -> None:
    with transaction.atomic():
        if actor is not None and actor != token.user:
            require_role(actor, Role.ADMIN, action="吊销他人的 API 令牌")
        token.revoked_at = clock.now()
        token.save(update_fields=["revoked_at"])
        audit.record(actor=actor or "系统", act="token.revoke", obj=token, agency=token.user.agency_id)
