"""The party's session: which live access code it logged in with (zhifa.portal.services.party_login),
for the party's pages and the party's API operations (CSRF checked on unsafe methods)."""

from __future__ import annotations

from ninja.security import SessionAuth
from ninja.utils import check_csrf

from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError
from zhifa.portal import selectors

SESSION_KEY = "portal_party_access"


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


PARTY_AUTH = [PartySession()]
