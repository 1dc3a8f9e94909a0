from django.urls import path

from zhifa.law import views

app_name = "law"
urlpatterns = [
    path("bases/", views.BasisList.as_view(), name="basis_list"),
    path("bases/new/", views.BasisCreate.as_view(), name="basis_create"),
    path("bases/<int:pk>/", views.BasisDetail.as_view(), name="basis_detail"),
    path("bases/<int:pk>/edit/", views.BasisEdit.as_view(), name="basis_edit"),
    path("bases/<int:pk>/repeal/", views.BasisRepeal.as_view(), name="basis_repeal"),
    path("bases/<int:pk>/articles/new/", views.ArticleCreate.as_view(), name="article_create"),
    path("articles/<int:pk>/edit/", views.ArticleEdit.as_view(), name="article_edit"),
    path("items/", views.ItemList.as_view(), name="item_list"),
    path("items/new/", views.ItemCreate.as_view(), name="item_create"),
    path("items/<int:pk>/", views.ItemDetail.as_view(), name="item_detail"),
    path("items/<int:pk>/edit/", views.ItemEdit.as_view(), name="item_edit"),
    path("cleanups/", views.CleanupList.as_view(), name="cleanup_list"),
    path("cleanups/new/", views.CleanupCreate.as_view(), name="cleanup_create"),
    path("cleanups/reminders/", views.CleanupReminders.as_view(), name="cleanup_reminders"),
    path("cleanups/<int:pk>/", views.CleanupDetail.as_view(), name="cleanup_detail"),
    path("cleanups/<int:pk>/entries/new/", views.CleanupEntryCreate.as_view(), name="cleanup_entry_create"),
    path("cleanups/<int:pk>/complete/", views.CleanupComplete.as_view(), name="cleanup_complete"),
    path("cleanups/<int:pk>/publish/", views.CleanupPublish.as_view(), name="cleanup_publish"),
    # Public pages (D3.2a, D3.2b).
    path("public/bases/", views.PublicBasisList.as_view(), name="public_basis_list"),
    path("public/bases/<int:pk>/", views.PublicBasisDetail.as_view(), name="public_basis_detail"),
    path("public/repeals/", views.PublicRepealList.as_view(), name="public_repeal_list"),
    path("public/cleanups/", views.PublicCleanupList.as_view(), name="public_cleanup_list"),
    path("public/cleanups/<int:pk>/", views.PublicCleanupDetail.as_view(), name="public_cleanup_detail"),
]
