from django.urls import path

from zhifa.core import views

app_name = "core"
urlpatterns = [
    path("workbench/", views.HomeView.as_view(), name="home"),
    path("parameters/", views.ParametersView.as_view(), name="parameters"),
]

from zhifa.core import audit_views  # noqa: E402

urlpatterns += [
    path("audit/", audit_views.AuditList.as_view(), name="audit_list"),
    path("audit/<int:seq>/", audit_views.AuditDetail.as_view(), name="audit_detail"),
]
