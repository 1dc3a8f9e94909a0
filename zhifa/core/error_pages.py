"""The pages Django shows when a request fails before or outside a view, in Chinese.

A browser gets the base layout with a message it can act on; an API client (a path
under /api/) gets the API's error body. The 500 page is rendered without a request
context (the failure may be in what a context needs, such as the database).
"""

from __future__ import annotations

from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader

from zhifa.core.error_codes import ErrorCode

_PAGES = {
    400: ("请求无效", "请求的内容无法处理，请检查后重试。", ErrorCode.INVALID),
    403: ("无权访问", "您无权访问此页面。", ErrorCode.FORBIDDEN),
    404: ("页面不存在", "您要找的页面不存在，或者您无权查看。", ErrorCode.NOT_FOUND),
}

CSRF_MESSAGE = "表单已过期或缺少安全校验（CSRF）令牌，请刷新页面后重新提交。"


def _error_body(code: str, message: str) -> dict:
    item = {"code": code, "clauses": [], "law": [], "message": message, "field": None}
    return {**item, "errors": [item]}


def _respond(request, status: int, title: str, message: str, code: str):
    if request.path.startswith("/api/"):
        return JsonResponse(_error_body(code, message), status=status, json_dumps_params={"ensure_ascii": False})
    return render(request, "error.html", {"title": title, "message": message, "status": status}, status=status)


def bad_request(request, exception=None):
    return _respond(request, 400, *_PAGES[400])


def permission_denied(request, exception=None):
    return _respond(request, 403, *_PAGES[403])


def page_not_found(request, exception=None):
    return _respond(request, 404, *_PAGES[404])


def csrf_failure(request, reason=""):
    return _respond(request, 403, "无法提交", CSRF_MESSAGE, ErrorCode.CSRF_FAILED)


def server_error(request):
    if request.path.startswith("/api/"):
        body = _error_body("server_error", "服务器内部错误，请稍后重试；问题持续时请联系系统管理员。")
        return JsonResponse(body, status=500, json_dumps_params={"ensure_ascii": False})
    return HttpResponseServerError(loader.get_template("500.html").render())
