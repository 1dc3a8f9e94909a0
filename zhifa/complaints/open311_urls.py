"""Open311 GeoReport v2 (zhifa.complaints.open311), mounted at /open311/v2/."""

from django.urls import path

from zhifa.complaints import open311

app_name = "open311"
urlpatterns = [
    path("services.json", open311.services_list, name="services"),
    path("services/<str:code>.json", open311.service_definition, name="service"),
    path("requests.json", open311.requests_view, name="requests"),
    path("requests/<str:request_id>.json", open311.request_detail, name="request"),
]
