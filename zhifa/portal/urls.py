from django.urls import path

from zhifa.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
]
