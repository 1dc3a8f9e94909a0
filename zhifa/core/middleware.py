"""Request middleware: refusals that no view should have to repeat, as pages or as the API's error body.

- A NUL character in the URL path or the query string is refused before any view runs
  (PostgreSQL cannot compare or store it; see :mod:`zhifa.core.inputs`).
- A DomainError that escapes a page view becomes a page with its status, never a 500.
- A number too large for a database column is a 400, never a 500.
"""

from __future__ import annotations

from django.db import DataError
from django.http import JsonResponse
from django.shortcuts import render

from zhifa.core import inputs
from zhifa.core.errors import DomainError


def wants_json(request) -> bool:
    return request.path.startswith("/api/") or request.headers.get("Accept") == "application/json"


def refusal_response(request, error: DomainError):
    """``error`` as the API's error body or as the refusal page, with its status."""
    if wants_json(request):
        return JsonResponse(error.as_dict(), status=error.status, json_dumps_params={"ensure_ascii": False})
    return render(request, "core/refused.html", {"error": error, "title": "无法办理"}, status=error.status)


def _nul_field(request) -> str | bool | None:
    """The query parameter that holds a NUL (None for the path itself), or False when none does."""
    if inputs.has_nul(request.path):
        return "path"
    for key in request.GET:
        if inputs.has_nul(key) or any(inputs.has_nul(v) for v in request.GET.getlist(key)):
            return key.replace("\x00", "")
    return False


class InputGuardMiddleware:
    """Refuses NUL characters in the path and the query string of every request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        field = _nul_field(request)
        if field is not False:
            return refusal_response(request, inputs.nul_refusal(None if field == "path" else field))
        return self.get_response(request)


class DomainErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OverflowError | DataError) and inputs.is_out_of_range(exception):
            from zhifa.core.error_codes import ErrorCode

            exception = DomainError.of(ErrorCode.OUT_OF_RANGE, inputs.OUT_OF_RANGE_MESSAGE, status=400)
        if not isinstance(exception, DomainError):
            return None
        if exception.code == "not_authenticated" and not request.path.startswith("/api/"):
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        return refusal_response(request, exception)
