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
