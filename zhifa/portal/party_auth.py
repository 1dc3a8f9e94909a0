"""The party's session: which live access code it logged in with (zhifa.portal.services.party_login),
for the party's pages and the party's API operations (CSRF checked on unsafe methods); or, for a party
client that keeps no cookies, a bearer token signed by the platform naming the same access code
(expires after ``TOKEN_HOURS``; dead at once when the code is regenerated, since only a live code counts)."""

from __future__ import annotations

from django.core import signing
from ninja.security import HttpBearer, SessionAuth
from ninja.utils import check_csrf

from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError
from zhifa.portal import selectors

SESSION_KEY = "portal_party_access"
TOKEN_SALT = "zhifa.portal.party-token"
#: The platform's choice: a party token lasts one working day's session.
TOKEN_HOURS = 8


def token_for(access) -> str:
    """A bearer token naming ``access`` (the live access code the party just logged in with)."""
    return signing.dumps({"access": access.pk}, salt=TOKEN_SALT)


def token_access(token: str):
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_HOURS * 3600)
    except signing.BadSignature:
        return None
    return selectors.party_access_get(data.get("access") if isinstance(data, dict) else None)


def session_access(request):
    return selectors.party_access_get(request.session.get(SESSION_KEY))


class PartySession(SessionAuth):
    openapi_description = "当事人以访问码登录后的浏览器会话（POST /api/v1/portal/party/login）"

    def _get_key(self, request):
        access = session_access(request)
        if access is None:
            return None
        if self.csrf and check_csrf(request):
            raise DomainError.of(ErrorCode.CSRF_FAILED, "缺少或无效的 CSRF 令牌，请刷新页面后重试。", status=403)
        request._party_access = access
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request, key):
        return getattr(request, "_party_access", None)


class PartyToken(HttpBearer):
    openapi_description = (
        f"当事人登录时取得的令牌（POST /api/v1/portal/party/login 返回的 token，{TOKEN_HOURS}小时有效）"
    )

    def authenticate(self, request, token):
        return token_access(token)


PARTY_AUTH = [PartySession(), PartyToken()]
