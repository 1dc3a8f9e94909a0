"""The platform's URLs and one bare endpoint beside them, for the case detail's floor:
one raw query and ``JsonResponse``, through the same middleware (session, CSRF, CSP)."""

from django.db import connection
from django.http import Http404, JsonResponse
from django.urls import path

from zhifa.urls import urlpatterns as platform


def bare(request, pk: int):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, status, filing_number, received_on, summary, agency_id FROM cases_case WHERE id = %s", [pk]
        )
        row = cursor.fetchone()
    if row is None:
        raise Http404
    keys = ("id", "status", "filing_number", "received_on", "summary", "agency_id")
    return JsonResponse(dict(zip(keys, row, strict=True)), json_dumps_params={"ensure_ascii": False, "default": str})


urlpatterns = [*platform, path("bench/bare/<int:pk>", bare)]
