from django.urls import path

from zhifa.cooperation import views

app_name = "cooperation"
urlpatterns = [
    path("competence/", views.CompetencePage.as_view(), name="competence"),
    path("transfers/", views.TransferList.as_view(), name="transfer_list"),
    path("transfers/<int:pk>/", views.TransferDetail.as_view(), name="transfer_detail"),
    path("transfers/<int:pk>/receipt/", views.TransferReceive.as_view(), name="transfer_receive"),
    path("transfers/<int:pk>/pass-on/", views.TransferPassOn.as_view(), name="transfer_pass_on"),
    path("overdue/", views.OverdueAnswers.as_view(), name="transfer_overdue"),
    path("crime-transfers/", views.CrimeTransferList.as_view(), name="crime_transfer_list"),
    path("cases/<int:case_pk>/crime-transfer/", views.CrimeTransferCreate.as_view(), name="crime_transfer_create"),
    path("crime-transfers/<int:pk>/", views.CrimeTransferDetail.as_view(), name="crime_transfer_detail"),
    path("crime-transfers/<int:pk>/answer/", views.CrimeTransferAnswer.as_view(), name="crime_transfer_answer"),
]
