"""A DomainError that escapes a page view becomes a page with its status, never a 500."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render

from zhifa.core.errors import DomainError


class DomainErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DomainError):
            return None
        if exception.code == "not_authenticated" and not request.path.startswith("/api/"):
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        if request.path.startswith("/api/") or request.headers.get("Accept") == "application/json":
            return JsonResponse(exception.as_dict(), status=exception.status, json_dumps_params={"ensure_ascii": False})
        return render(request, "core/refused.html", {"error": exception, "title": "无法办理"}, status=exception.status)
