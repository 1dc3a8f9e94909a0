"""API authentication: a bearer token (``zhifa token create USERNAME``) or the
browser session (with CSRF on unsafe methods)."""

from __future__ import annotations

from datetime import timedelta

from ninja.security import HttpBearer, SessionAuth
from ninja.utils import check_csrf

from zhifa.accounts.models import ApiToken
from zhifa.core import clock
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError

#: ``last_used_at`` is written at most once in this time (issue 13).
LAST_USED_PRECISION = timedelta(minutes=1)


class TokenAuth(HttpBearer):
    openapi_description = "zhifa token create USERNAME 生成的令牌：Authorization: Bearer <token>"

    def authenticate(self, request, token):
        token_row = (
            ApiToken.objects.select_related("user", "user__agency", "user__government")
            .filter(digest=ApiToken.digest_of(token), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
        if token_row is None:
            return None
        now = clock.now()
        # A write on every request (GETs included) would make each read a write; a minute is
        # as precise as "last used" needs to be.
        if token_row.last_used_at is None or now - token_row.last_used_at >= LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=token_row.pk).update(last_used_at=now)
        request.user = token_row.user
        return token_row.user


class StaffSession(SessionAuth):
    """The logged-in browser session; CSRF is checked on unsafe methods.

    Without a logged-in session there is nothing to protect, so an anonymous write is
    "not logged in" (401), not a CSRF failure; a logged-in write without the token is
    refused in Chinese (403) and nothing is done.
    """

    def _get_key(self, request):
        if not (request.user.is_authenticated and request.user.is_active):
            return None
        if self.csrf and not getattr(request, "_ninja_csrf_exempt", False) and check_csrf(request):
            raise DomainError.of(
                ErrorCode.CSRF_FAILED,
                "缺少或无效的 CSRF 令牌：浏览器中请刷新页面后重试；API 客户端请使用令牌（Authorization: Bearer …）。",
                status=403,
            )
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        return user if user and user.is_active else None


API_AUTH = [TokenAuth(), StaffSession()]
