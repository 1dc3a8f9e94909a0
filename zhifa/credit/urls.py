from django.urls import path

from zhifa.credit import views

app_name = "credit"
urlpatterns = [
    path("parties/<int:pk>/", views.PartyRating.as_view(), name="party_rating"),
    path("parties/<int:pk>/objections/new/", views.ObjectionCreate.as_view(), name="objection_create"),
    path("parties/<int:pk>/interviews/new/", views.InterviewCreate.as_view(), name="interview_create"),
    path("interviews/", views.InterviewList.as_view(), name="interview_list"),
    path("interviews/<int:pk>/", views.InterviewDetail.as_view(), name="interview_detail"),
    path("objections/", views.ObjectionList.as_view(), name="objection_list"),
    path("objections/<int:pk>/answer/", views.ObjectionAnswer.as_view(), name="objection_answer"),
    path("items/", views.ItemList.as_view(), name="item_list"),
    path("items/new/", views.ItemCreate.as_view(), name="item_create"),
    path("targets/", views.TargetList.as_view(), name="target_list"),
    path("targets/new/", views.TargetAdd.as_view(), name="target_add"),
    path("inspectors/", views.InspectorList.as_view(), name="inspector_list"),
    path("inspectors/new/", views.InspectorAdd.as_view(), name="inspector_add"),
    path("plans/", views.PlanList.as_view(), name="plan_list"),
    path("plans/new/", views.PlanCreate.as_view(), name="plan_create"),
    path("plans/<int:pk>/", views.PlanDetail.as_view(), name="plan_detail"),
    path("plans/<int:pk>/draw/", views.PlanDraw.as_view(), name="plan_draw"),
    path("plans/<int:pk>/publish/", views.PlanPublish.as_view(), name="plan_publish"),
    path("drawn/<int:pk>/result/", views.ResultEnter.as_view(), name="result_enter"),
    path("drawn/<int:pk>/review/", views.ResultReview.as_view(), name="result_review"),
    path("public/plans/", views.PublicPlanList.as_view(), name="public_plan_list"),
    path("public/plans/<int:pk>/", views.PublicPlanDetail.as_view(), name="public_plan_detail"),
]
