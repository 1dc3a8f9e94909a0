from django.urls import path

from zhifa.portal import officer_views, party_views, service_views, views

app_name = "portal"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    # Published decisions (public)
    path("publications/", views.PublicationList.as_view(), name="publication_list"),
    path("publications/<int:pk>/", views.PublicationDetail.as_view(), name="publication_detail"),
    path("publications/withdrawals/", views.WithdrawalList.as_view(), name="withdrawal_list"),
    path("publications/open-data/", views.OpenData.as_view(), name="open_data"),
    path("publications/export.csv", views.ExportCsv.as_view(), name="publication_export_csv"),
    path("publications/export.json", views.ExportJson.as_view(), name="publication_export_json"),
    # The agencies' publication pages
    path("publications/manage/", views.ManagedList.as_view(), name="publication_manage"),
    path("publications/manage/late/", views.LateList.as_view(), name="publication_late"),
    path("publications/manage/prepare/", views.Prepare.as_view(), name="publication_prepare"),
    path("publications/manage/<int:pk>/", views.ManagedDetail.as_view(), name="publication_manage_detail"),
    path("publications/manage/<int:pk>/publish/", views.Publish.as_view(), name="publication_publish"),
    path("publications/manage/<int:pk>/change/", views.Change.as_view(), name="publication_change"),
    path("publications/manage/<int:pk>/withdraw/", views.Withdraw.as_view(), name="publication_withdraw"),
    path("publications/manage/<int:pk>/republish/", views.Republish.as_view(), name="publication_republish"),
    path("publications/<int:pk>/opinion/", party_views.OpinionSubmit.as_view(), name="opinion_submit"),
    # The party's own pages (access code)
    path("party/login/", party_views.PartyLogin.as_view(), name="party_login"),
    path("party/login/qr.svg", party_views.PartyLoginQr.as_view(), name="party_login_qr"),
    path("party/logout/", party_views.PartyLogout.as_view(), name="party_logout"),
    path("party/", party_views.PartyHome.as_view(), name="party_home"),
    path("party/consent/", party_views.PartyConsent.as_view(), name="party_consent"),
    path("party/credit/", party_views.PartyCredit.as_view(), name="party_credit"),
    path("party/credit/objection/", party_views.PartyObjection.as_view(), name="party_objection"),
    path("party/consent/withdraw/", party_views.PartyConsentWithdraw.as_view(), name="party_consent_withdraw"),
    path("party/cases/<int:pk>/", party_views.PartyCase.as_view(), name="party_case"),
    path("party/cases/<int:pk>/documents/<int:doc>/", party_views.PartyDocument.as_view(), name="party_document"),
    path("party/cases/<int:pk>/defence/", party_views.PartyDefence.as_view(), name="party_defence"),
    path("party/cases/<int:pk>/hearing/", party_views.PartyHearing.as_view(), name="party_hearing"),
    path("party/cases/<int:pk>/payment-plan/", party_views.PartyPaymentPlan.as_view(), name="party_payment_plan"),
    path("party/cases/<int:pk>/survey/", party_views.PartySurvey.as_view(), name="party_survey"),
    # The agencies' pages for what parties and stakeholders submit
    path("party-access/<int:pk>/issue/", party_views.AccessCodeIssue.as_view(), name="access_code_issue"),
    path("party-submissions/", party_views.SubmissionList.as_view(), name="submission_list"),
    path("party-submissions/<int:pk>/", party_views.SubmissionDetail.as_view(), name="submission_detail"),
    path("party-submissions/<int:pk>/receive/", party_views.SubmissionReceive.as_view(), name="submission_receive"),
    path("party-submissions/<int:pk>/decide/", party_views.SubmissionDecide.as_view(), name="submission_decide"),
    path("opinions/", party_views.OpinionList.as_view(), name="opinion_list"),
    path("opinions/<int:pk>/answer/", party_views.OpinionAnswer.as_view(), name="opinion_answer"),
    # The officer's QR code (D3.8, D6.4b)
    path("officer-card/<str:number>/", officer_views.OfficerCard.as_view(), name="officer_card"),
    path("officer-card/<str:number>/qr.svg", officer_views.OfficerQr.as_view(), name="officer_qr"),
    path("officer-card/<str:number>/avatar.svg", officer_views.OfficerAvatar.as_view(), name="officer_avatar"),
    path("scan/<str:number>/", officer_views.OfficerScan.as_view(), name="officer_scan"),
    path("scan/visits/<str:token>/", officer_views.VisitDetail.as_view(), name="visit_detail"),
    path("visits/", officer_views.VisitList.as_view(), name="visit_list"),
    path("visits/<int:pk>/link/", officer_views.VisitLink.as_view(), name="visit_link"),
    # Service cards and guides (D5.8)
    path("services/", service_views.ServiceCardList.as_view(), name="service_card_list"),
    path("services/<int:pk>/", service_views.ServiceCardDetail.as_view(), name="service_card"),
    path("services/<int:pk>/card/edit/", service_views.ServiceCardEdit.as_view(), name="service_card_edit"),
    path("services/<int:pk>/guides/new/", service_views.ServiceGuideCreate.as_view(), name="service_guide_create"),
    path("services/guides/<int:pk>/", service_views.ServiceGuideDetail.as_view(), name="service_guide"),
    path("services/guides/<int:pk>/edit/", service_views.ServiceGuideEdit.as_view(), name="service_guide_edit"),
    # Licensing hearings (D5.3b)
    path("licensing-hearings/", service_views.LicensingHearingList.as_view(), name="licensing_hearing_list"),
    path(
        "licensing-hearings/new/", service_views.LicensingHearingAnnounce.as_view(), name="licensing_hearing_announce"
    ),
    path("licensing-hearings/<int:pk>/", service_views.LicensingHearingDetail.as_view(), name="licensing_hearing"),
    path(
        "licensing-hearings/<int:pk>/record/",
        service_views.LicensingHearingRecord.as_view(),
        name="licensing_hearing_record",
    ),
]
