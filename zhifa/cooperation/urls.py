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
    path("assistance/", views.AssistanceList.as_view(), name="assistance_list"),
    path("assistance/new/", views.AssistanceCreate.as_view(), name="assistance_create"),
    path("assistance/<int:pk>/", views.AssistanceDetail.as_view(), name="assistance_detail"),
    path("assistance/<int:pk>/answer/", views.AssistanceAnswer.as_view(), name="assistance_answer"),
    path("information/", views.InformationList.as_view(), name="information_list"),
    path("information/new/", views.InformationCreate.as_view(), name="information_create"),
    path("information/<int:pk>/", views.InformationDetail.as_view(), name="information_detail"),
    path("information/<int:pk>/answer/", views.InformationAnswer.as_view(), name="information_answer"),
    path("parties/<int:pk>/history/", views.HistoryLookupPage.as_view(), name="history_lookup"),
    path("parties/<int:pk>/lookups/", views.PartyLookups.as_view(), name="party_lookups"),
    path("liaisons/", views.LiaisonList.as_view(), name="liaison_list"),
    path("liaisons/new/", views.LiaisonCreate.as_view(), name="liaison_create"),
    path("agreements/", views.AgreementList.as_view(), name="agreement_list"),
    path("agreements/new/", views.AgreementCreate.as_view(), name="agreement_create"),
    path("agreements/<int:pk>/", views.AgreementDetail.as_view(), name="agreement_detail"),
    path("disputes/", views.DisputeList.as_view(), name="dispute_list"),
    path("disputes/new/", views.DisputeCreate.as_view(), name="dispute_create"),
    path("disputes/<int:pk>/", views.DisputeDetail.as_view(), name="dispute_detail"),
    path("disputes/<int:pk>/step/", views.DisputeStep.as_view(), name="dispute_step"),
]
