from django.urls import path

from zhifa.oversight import views

app_name = "oversight"
urlpatterns = [
    path("alerts/", views.AlertBoard.as_view(), name="alerts"),
    path("alerts/<slug:code>/", views.AlertCases.as_view(), name="alert_cases"),
    path("consistency/", views.Consistency.as_view(), name="consistency"),
    path("notices/", views.NoticeList.as_view(), name="notice_list"),
    path("notices/new/", views.NoticeCreate.as_view(), name="notice_create"),
    path("notices/<int:pk>/", views.NoticeDetail.as_view(), name="notice_detail"),
    path("notices/<int:pk>/answer/", views.NoticeAnswer.as_view(), name="notice_answer"),
    path("notices/<int:pk>/escalate/", views.NoticeEscalate.as_view(), name="notice_escalate"),
    path("ratings/", views.RatingList.as_view(), name="rating_list"),
]
urlpatterns += [
    path("rounds/", views.RoundList.as_view(), name="round_list"),
    path("rounds/new/", views.RoundCreate.as_view(), name="round_create"),
    path("rounds/<int:pk>/", views.RoundDetail.as_view(), name="round_detail"),
    path("reviews/<int:pk>/", views.ReviewDetail.as_view(), name="review_detail"),
    path("reviews/<int:pk>/complete/", views.ReviewComplete.as_view(), name="review_complete"),
    path("matters/", views.MatterList.as_view(), name="matter_list"),
    path("matters/new/", views.MatterCreate.as_view(), name="matter_create"),
    path("matters/<int:pk>/", views.MatterDetail.as_view(), name="matter_detail"),
    path("matters/<int:pk>/decide/", views.MatterDecide.as_view(), name="matter_decide"),
    path("matters/<int:pk>/publish/", views.MatterPublish.as_view(), name="matter_publish"),
    path("public/accountability/", views.PublicMatterList.as_view(), name="public_matter_list"),
    path("public/accountability/<int:pk>/", views.PublicMatterDetail.as_view(), name="public_matter_detail"),
]
urlpatterns += [
    path("reconsiderations/", views.ReconsiderationList.as_view(), name="reconsideration_list"),
    path("reconsiderations/new/", views.ReconsiderationCreate.as_view(), name="reconsideration_create"),
    path("reconsiderations/<int:pk>/", views.ReconsiderationDetail.as_view(), name="reconsideration_detail"),
    path("reconsiderations/<int:pk>/accept/", views.ReconsiderationAccept.as_view(), name="reconsideration_accept"),
    path("reconsiderations/<int:pk>/decide/", views.ReconsiderationDecide.as_view(), name="reconsideration_decide"),
    path("reconsiderations/<int:pk>/correct/", views.ReconsiderationCorrect.as_view(), name="reconsideration_correct"),
    path(
        "reconsiderations/<int:pk>/appearance/",
        views.ReconsiderationAppearance.as_view(),
        name="reconsideration_appearance",
    ),
    path("lawsuits/", views.LawsuitList.as_view(), name="lawsuit_list"),
    path("lawsuits/new/", views.LawsuitCreate.as_view(), name="lawsuit_create"),
    path("lawsuits/<int:pk>/", views.LawsuitDetail.as_view(), name="lawsuit_detail"),
    path("lawsuits/<int:pk>/judgment/", views.LawsuitJudge.as_view(), name="lawsuit_judge"),
    path("lawsuits/<int:pk>/correct/", views.LawsuitCorrect.as_view(), name="lawsuit_correct"),
    path("lawsuits/<int:pk>/appearance/", views.LawsuitAppearance.as_view(), name="lawsuit_appearance"),
]
urlpatterns += [
    path("dashboard/", views.Dashboard.as_view(), name="dashboard"),
    path("dashboard/cases/", views.DrillDown.as_view(), name="drill"),
]
urlpatterns += [
    path("evaluations/", views.EvaluationList.as_view(), name="evaluation_list"),
    path("evaluations/new/", views.EvaluationCreate.as_view(), name="evaluation_create"),
]
urlpatterns += [
    path("implementation/reports/", views.ReportList.as_view(), name="report_list"),
    path("implementation/reports/new/", views.ReportCreate.as_view(), name="report_create"),
    path("implementation/cleanups/", views.CleanupList.as_view(), name="cleanup_list"),
    path("implementation/cleanups/new/", views.CleanupCreate.as_view(), name="cleanup_create"),
    path("implementation/cleanups/<int:pk>/", views.CleanupDetail.as_view(), name="cleanup_detail"),
    path("implementation/cleanups/<int:pk>/review/", views.CleanupReview.as_view(), name="cleanup_review"),
    path("implementation/cleanups/<int:pk>/publish/", views.CleanupPublish.as_view(), name="cleanup_publish"),
    path("public/cleanups/", views.PublicCleanupList.as_view(), name="public_cleanup_list"),
    path("public/cleanups/<int:pk>/", views.PublicCleanupDetail.as_view(), name="public_cleanup_detail"),
    path("implementation/measures/", views.MeasureList.as_view(), name="measure_list"),
    path("implementation/measures/new/", views.MeasureCreate.as_view(), name="measure_create"),
    path("implementation/measures/<int:pk>/", views.MeasureDetail.as_view(), name="measure_detail"),
    path("implementation/measures/<int:pk>/review/", views.MeasureReview.as_view(), name="measure_review"),
    path("implementation/inspections/", views.InspectionList.as_view(), name="inspection_list"),
    path("implementation/inspections/new/", views.InspectionCreate.as_view(), name="inspection_create"),
    path("implementation/inspections/<int:pk>/", views.InspectionDetail.as_view(), name="inspection_detail"),
    path("implementation/inspections/<int:pk>/findings/new/", views.FindingCreate.as_view(), name="finding_create"),
    path("implementation/findings/<int:pk>/refer/", views.FindingRefer.as_view(), name="finding_refer"),
]
