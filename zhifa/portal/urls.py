from django.urls import path

from zhifa.portal import views

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
]
