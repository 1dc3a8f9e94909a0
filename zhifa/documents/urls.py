from django.urls import path

from zhifa.documents import views

app_name = "documents"
urlpatterns = [
    path("<int:pk>/", views.DocumentDetail.as_view(), name="document_detail"),
    path("<int:pk>/file/", views.DocumentFile.as_view(), name="document_file"),
    path("<int:pk>/docx/", views.DocumentDocx.as_view(), name="document_docx"),
    path("<int:pk>/receipt/", views.DocumentReceipt.as_view(), name="document_receipt"),
    path("<int:pk>/correct/", views.DocumentCorrect.as_view(), name="document_correct"),
    path("cases/<int:case_pk>/file/", views.CaseFile.as_view(), name="case_file"),
    path("cases/<int:case_pk>/issue/", views.DocumentIssue.as_view(), name="document_issue"),
    path("verify/", views.verify_lookup, name="verify_home"),
    path("verify/<str:code>/", views.Verify.as_view(), name="verify"),
]
