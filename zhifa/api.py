"""The HTTP API at /api/v1, assembled from each app's operations.

Errors follow one contract: ``{"code", "clauses", "message", "field", "errors"}``
with a 4xx status (CONVENTIONS.md §6). The OpenAPI schema is at /api/v1/openapi.json.
"""

from __future__ import annotations

import importlib

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from zhifa.accounts.auth import API_AUTH
from zhifa.core.errors import DomainError

api = NinjaAPI(
    title="zhifa 行政执法 API",
    version="1",
    description="行政执法办案、监督与公开的接口。所有拒绝均返回 code、clauses（《决定》条款）、message 与 field。",
    auth=API_AUTH,
    urls_namespace="api",
)

_PYDANTIC_MESSAGES = {
    "missing": "此项为必填项。",
    "string_too_long": "内容过长。",
    "string_too_short": "内容过短。",
    "int_parsing": "应为整数。",
    "int_type": "应为整数。",
    "decimal_parsing": "应为数字。",
    "decimal_type": "应为数字。",
    "float_parsing": "应为数字。",
    "date_from_datetime_parsing": "日期格式应为 YYYY-MM-DD。",
    "date_parsing": "日期格式应为 YYYY-MM-DD。",
    "date_type": "日期格式应为 YYYY-MM-DD。",
    "datetime_parsing": "时间格式应为 ISO 8601。",
    "datetime_from_date_parsing": "时间格式应为 ISO 8601。",
    "bool_parsing": "应为 true 或 false。",
    "enum": "不是允许的取值。",
    "literal_error": "不是允许的取值。",
    "greater_than_equal": "数值过小。",
    "greater_than": "数值过小。",
    "less_than_equal": "数值过大。",
    "less_than": "数值过大。",
    "list_type": "应为列表。",
    "json_invalid": "请求体不是有效的 JSON。",
    "decimal_max_digits": "数字位数过多。",
    "decimal_max_places": "小数位数过多。",
    "value_error": "取值无效。",
    "string_type": "应为文本。",
    "model_attributes_type": "请求体格式不正确。",
    "dict_type": "请求体格式不正确。",
}


def _field_of(loc) -> str | None:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "form", "payload", "data")]
    return ".".join(parts) or None


def _error(request, data: dict, status: int):
    return api.create_response(request, data, status=status)


@api.exception_handler(DomainError)
def on_domain_error(request, exc: DomainError):
    return _error(request, exc.as_dict(), exc.status)


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    errors = []
    for e in exc.errors:
        message = e.get("ctx", {}).get("error") if e.get("type") == "value_error" else None
        message = str(message) if message else _PYDANTIC_MESSAGES.get(e.get("type"), "取值无效。")
        errors.append(
            {"code": "invalid", "clauses": [], "law": [], "message": message, "field": _field_of(e.get("loc", ()))}
        )
    first = errors[0] if errors else {"message": "请求无效。", "field": None}
    return _error(
        request,
        {"code": "invalid", "clauses": [], "message": first["message"], "field": first["field"], "errors": errors},
        400,
    )


@api.exception_handler(AuthenticationError)
def on_auth_error(request, exc):
    return _error(
        request,
        {
            "code": "not_authenticated",
            "clauses": [],
            "message": "请先登录或提供有效的令牌。",
            "field": None,
            "errors": [],
        },
        401,
    )


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return _error(
        request,
        {"code": "not_found", "clauses": [], "message": "记录不存在或您无权查看。", "field": None, "errors": []},
        404,
    )


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    return _error(
        request, {"code": "invalid", "clauses": [], "message": str(exc), "field": None, "errors": []}, exc.status_code
    )


# Each app contributes a router in <app>/api.py.
ROUTERS = [
    ("/", "zhifa.accounts.api"),
    ("/audit/", "zhifa.core.api"),
    ("/org/", "zhifa.org.api"),
    ("/people/", "zhifa.people.api"),
    ("/law/", "zhifa.law.api"),
    ("/parties/", "zhifa.parties.api"),
    ("/discretion/", "zhifa.discretion.api"),
    ("/cases/", "zhifa.cases.api"),
    ("/public/", "zhifa.portal.api"),
]
for prefix, module in ROUTERS:
    api.add_router(prefix, importlib.import_module(module).router)
