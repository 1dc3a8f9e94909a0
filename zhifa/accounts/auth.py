"""API authentication: a bearer token (``zhifa token create USERNAME``) or the
browser session (with CSRF on unsafe methods)."""

from __future__ import annotations

from ninja.security import HttpBearer, SessionAuth

from zhifa.accounts.models import ApiToken
from zhifa.core import clock


class TokenAuth(HttpBearer):
    openapi_description = "zhifa token create USERNAME 生成的令牌：Authorization: Bearer <token>"

    def authenticate(self, request, token):
        token_row = (
            ApiToken.objects.select_related("user")
            .filter(digest=ApiToken.digest_of(token), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
        if token_row is None:
            return None
        ApiToken.objects.filter(pk=token_row.pk).update(last_used_at=clock.now())
        request.user = token_row.user
        return token_row.user


class StaffSession(SessionAuth):
    """The logged-in browser session; CSRF is checked on unsafe methods."""

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        return user if user and user.is_active else None


API_AUTH = [TokenAuth(), StaffSession()]
