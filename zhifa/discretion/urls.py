from django.urls import path

from zhifa.discretion import views

app_name = "discretion"
urlpatterns = [
    path("standards/", views.StandardList.as_view(), name="standard_list"),
    path("standards/<slug:code>/", views.StandardDetail.as_view(), name="standard_detail"),
    path("versions/<int:pk>/", views.VersionDetail.as_view(), name="version_detail"),
    path("versions/<int:pk>/export.yaml", views.ExportYaml.as_view(), name="export_yaml"),
    path("versions/<int:pk>/export.xlsx", views.ExportXlsx.as_view(), name="export_xlsx"),
    path("items/", views.ItemList.as_view(), name="item_list"),
    path("items/<int:pk>/", views.ItemDetail.as_view(), name="item_detail"),
    path("diff/", views.Diff.as_view(), name="diff"),
    path("import/", views.Import.as_view(), name="import"),
    path("evaluate/", views.Evaluate.as_view(), name="evaluate"),
    path("departures/", views.DepartureCounts.as_view(), name="departure_counts"),
    # Published to everyone, without login (行政处罚法第三十四条).
    path("public/", views.PublicStandardList.as_view(), name="public_standard_list"),
    path("public/standards/<slug:code>/", views.PublicStandardDetail.as_view(), name="public_standard_detail"),
    path("public/versions/<int:pk>/", views.PublicVersionDetail.as_view(), name="public_version_detail"),
    path("public/items/", views.PublicItemList.as_view(), name="public_item_list"),
    path("public/items/<int:pk>/", views.PublicItemDetail.as_view(), name="public_item_detail"),
    path("public/diff/", views.PublicDiff.as_view(), name="public_diff"),
    path("public/versions/<int:pk>/export.yaml", views.ExportYaml.as_view(), name="public_export_yaml"),
    path("public/versions/<int:pk>/export.xlsx", views.ExportXlsx.as_view(), name="public_export_xlsx"),
]
