from django.contrib import admin
from django.urls import include, path

from zhifa.api import api

admin.site.site_header = "zhifa 执法 · 系统管理"
admin.site.site_title = "zhifa 系统管理"

urlpatterns = [
    path("", include("zhifa.portal.urls")),
    path("", include("zhifa.core.urls")),
    path("accounts/", include("zhifa.accounts.urls")),
    path("org/", include("zhifa.org.urls")),
    path("people/", include("zhifa.people.urls")),
    path("law/", include("zhifa.law.urls")),
    path("parties/", include("zhifa.parties.urls")),
    path("discretion/", include("zhifa.discretion.urls")),
    path("cases/", include("zhifa.cases.urls")),
    path("documents/", include("zhifa.documents.urls")),
    path("complaints/", include("zhifa.complaints.urls")),
    path("open311/v2/", include("zhifa.complaints.open311_urls")),
    path("cooperation/", include("zhifa.cooperation.urls")),
    path("oversight/", include("zhifa.oversight.urls")),
    path("credit/", include("zhifa.credit.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

handler400 = "zhifa.core.error_pages.bad_request"
handler403 = "zhifa.core.error_pages.permission_denied"
handler404 = "zhifa.core.error_pages.page_not_found"
handler500 = "zhifa.core.error_pages.server_error"
