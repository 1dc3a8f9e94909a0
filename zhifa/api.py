"""The HTTP API at /api/v1, assembled from each app's operations.

Errors follow one contract: ``{"code", "clauses", "message", "field", "errors"}``
with a 4xx status (CONVENTIONS.md §6), in Chinese, whatever refused the request: a
rule, the input's shape, access, a conflict, or a request the framework could not
read (bad JSON, a multipart body without its boundary, a missing CSRF token). The
OpenAPI schema is at /api/v1/openapi.json.

The input rules of :mod:`zhifa.core.inputs` hold for every operation without each
one declaring them: :class:`ZhifaParser` refuses NUL characters in bodies, forms and
query strings (naming the field), and :func:`harden_inputs` gives every integer input
the range of a database column and every decimal input the half-width digits rule, so
that the published schema says so too.
"""

from __future__ import annotations

import importlib
import json
import re
import types
from decimal import Decimal
from typing import Annotated, Union, get_args, get_origin

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.db import DataError
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser
from pydantic import BaseModel, BeforeValidator
from pydantic import Field as PydanticField

from zhifa.accounts.auth import API_AUTH
from zhifa.core import inputs
from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError


class _NulInBody(Exception):
    def __init__(self, field: str | None):
        self.field = field


def _dotted(path) -> str | None:
    return ".".join(str(p) for p in path) or None


class ZhifaParser(Parser):
    """JSON bodies and query/form data, with NUL characters refused at their field."""

    def parse_body(self, request):
        data = json.loads(request.body)
        for path in inputs.nul_paths(data):
            # ninja turns any exception here into "Cannot parse request body"; the
            # handler below finds this one as its cause and names the field.
            raise _NulInBody(_dotted(path))
        return data

    def parse_querydict(self, data, list_fields, request):
        for key in data:
            if inputs.has_nul(key) or any(inputs.has_nul(v) for v in data.getlist(key)):
                raise inputs.nul_refusal(key.replace("\x00", ""))
        return super().parse_querydict(data, list_fields, request)


api = NinjaAPI(
    title="zhifa 行政执法 API",
    version="1",
    description="行政执法办案、监督与公开的接口。所有拒绝均返回 code、clauses（《决定》条款）、message 与 field。",
    auth=API_AUTH,
    urls_namespace="api",
    parser=ZhifaParser(),
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
        {
            "code": "invalid",
            "clauses": [],
            "law": [],
            "message": first["message"],
            "field": first["field"],
            "errors": errors,
        },
        400,
    )


@api.exception_handler(AuthenticationError)
def on_auth_error(request, exc):
    return _error(request, _refusal(ErrorCode.NOT_AUTHENTICATED, "请先登录或提供有效的令牌。"), 401)


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return _error(request, _refusal(ErrorCode.NOT_FOUND, "记录不存在或您无权查看。"), 404)


_CJK = re.compile(r"[\u4e00-\u9fff]")

#: What the framework's own refusals say, in Chinese.
_HTTP_MESSAGES = {
    400: "请求无效。",
    401: "请先登录或提供有效的令牌。",
    403: "无权办理此事项。",
    404: "记录不存在或您无权查看。",
    405: "该地址不支持此请求方法。",
    413: "请求内容过大。",
    429: "请求过于频繁，请稍后再试。",
}
_MALFORMED_BODY = "请求体无法解析：JSON 请求体须为有效的 JSON（Content-Type: application/json），上传文件须为带 boundary 的 multipart/form-data。"


def _refusal(code: str, message: str, *, field: str | None = None) -> dict:
    return {
        "code": code,
        "clauses": [],
        "law": [],
        "message": message,
        "field": field,
        "errors": [{"code": code, "clauses": [], "law": [], "message": message, "field": field}],
    }


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    if isinstance(exc.__cause__, _NulInBody):
        return on_domain_error(request, inputs.nul_refusal(exc.__cause__.field))
    message = str(exc)
    if message.startswith("Cannot parse request body"):
        return _error(request, _refusal(ErrorCode.MALFORMED_BODY, _MALFORMED_BODY), 400)
    if not _CJK.search(message):
        message = _HTTP_MESSAGES.get(exc.status_code, "请求无效。")
    return _error(request, _refusal(ErrorCode.INVALID, message), exc.status_code)


@api.exception_handler(MultiPartParserError)
@api.exception_handler(BadRequest)
@api.exception_handler(SuspiciousOperation)
def on_unreadable_request(request, exc):
    return _error(request, _refusal(ErrorCode.MALFORMED_BODY, _MALFORMED_BODY), 400)


@api.exception_handler(OverflowError)
def on_overflow(request, exc):
    return _error(request, _refusal(ErrorCode.OUT_OF_RANGE, inputs.OUT_OF_RANGE_MESSAGE), 400)


@api.exception_handler(DataError)
def on_data_error(request, exc):
    # Only a number the column cannot hold is the client's fault; anything else is ours.
    if not inputs.is_out_of_range(exc):
        raise exc
    return on_overflow(request, exc)


# --- every input operation: integers a column holds, numbers in half-width digits ---------

_Int64 = Annotated[int, PydanticField(ge=inputs.INT64_MIN, le=inputs.INT64_MAX)]


def _half_width(value):
    return inputs.ascii_number(value) if isinstance(value, str) else value


_HalfWidthDecimal = Annotated[Decimal, BeforeValidator(_half_width)]


def _hardened(annotation):
    """``annotation`` with every int bounded to 64 bits and every Decimal refusing full-width digits."""
    if annotation is int:
        return _Int64
    if annotation is Decimal:
        return _HalfWidthDecimal
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        return Annotated[(_hardened(args[0]), *args[1:])]
    if origin in (Union, types.UnionType):
        return Union[tuple(_hardened(a) for a in args)]  # noqa: UP007
    if origin in (list, set, frozenset, tuple) and args and Ellipsis not in args:
        return origin[tuple(_hardened(a) for a in args)] if origin is tuple else origin[_hardened(args[0])]
    return annotation


def _models_in(annotation):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in get_args(annotation):
        yield from _models_in(arg)


def _harden_model(model: type[BaseModel], done: set) -> None:
    if model in done:
        return
    done.add(model)
    changed = False
    for field in model.model_fields.values():
        for nested in _models_in(field.annotation):
            _harden_model(nested, done)
            changed = True  # rebuild so that the nested model's new checks are used
        hardened = _hardened(field.annotation)
        if hardened != field.annotation:
            field.annotation = hardened
            changed = True
    if changed:
        model.model_rebuild(force=True)


def _operations(router):
    for path_view in router.path_operations.values():
        yield from path_view.operations
    for _prefix, child in router._routers:
        yield from _operations(child)


def harden_inputs(ninja_api: NinjaAPI) -> None:
    """Apply :mod:`zhifa.core.inputs`' number rules to the input models of every operation."""
    done: set = set()
    for _prefix, router in ninja_api._routers:
        for operation in _operations(router):
            for model in operation.models:
                _harden_model(model, done)


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
    ("/documents/", "zhifa.documents.api"),
    ("/portal/", "zhifa.portal.api"),
    ("/complaints/", "zhifa.complaints.api"),
    ("/cooperation/", "zhifa.cooperation.api"),
    ("/oversight/", "zhifa.oversight.api"),
    ("/credit/", "zhifa.credit.api"),
]
for prefix, module in ROUTERS:
    api.add_router(prefix, importlib.import_module(module).router)
harden_inputs(api)
