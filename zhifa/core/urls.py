from django.urls import path

from zhifa.core import views

app_name = "core"
urlpatterns = [
    path("workbench/", views.HomeView.as_view(), name="home"),
    path("parameters/", views.ParametersView.as_view(), name="parameters"),
]
