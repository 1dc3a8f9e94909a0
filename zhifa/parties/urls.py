from django.urls import path

from zhifa.parties import views

app_name = "parties"
urlpatterns = [
    path("", views.PartyList.as_view(), name="party_list"),
    path("new/", views.PartyCreate.as_view(), name="party_create"),
    path("<int:pk>/", views.PartyDetail.as_view(), name="party_detail"),
    path("<int:pk>/edit/", views.PartyEdit.as_view(), name="party_edit"),
    path("<int:pk>/lookup/", views.PartyLookup.as_view(), name="party_lookup"),
]
