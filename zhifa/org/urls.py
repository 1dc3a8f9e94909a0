from django.urls import path

from zhifa.org import views

app_name = "org"
urlpatterns = [
    path("governments/", views.GovernmentList.as_view(), name="government_list"),
    path("governments/new/", views.GovernmentCreate.as_view(), name="government_create"),
    path("governments/<int:pk>/", views.GovernmentDetail.as_view(), name="government_detail"),
    path("governments/<int:pk>/edit/", views.GovernmentEdit.as_view(), name="government_edit"),
]
