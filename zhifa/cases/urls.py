from django.urls import path

from zhifa.cases import views

app_name = "cases"
urlpatterns = [
    path("workbench/", views.Workbench.as_view(), name="workbench"),
    path("approvals/", views.Approvals.as_view(), name="approvals"),
    path("reviews/", views.Reviews.as_view(), name="reviews"),
    path("", views.CaseList.as_view(), name="case_list"),
    path("backdated/", views.BackdatedList.as_view(), name="backdated_list"),
    path("new/", views.ClueCreate.as_view(), name="clue_create"),
    path("simple/", views.SimpleCreate.as_view(), name="simple_create"),
    path("<int:pk>/", views.CaseDetail.as_view(), name="case_detail"),
    path("<int:pk>/acts/<slug:name>/", views.CaseAct.as_view(), name="act"),
    path("evidence/<int:pk>/content/", views.EvidenceContent.as_view(), name="evidence_content"),
]
