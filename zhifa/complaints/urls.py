from django.urls import path

from zhifa.complaints import views

app_name = "complaints"
urlpatterns = [
    path("", views.ComplaintList.as_view(), name="complaint_list"),
    path("queue/", views.Queue.as_view(), name="queue"),
    path("new/", views.ComplaintCreate.as_view(), name="complaint_create"),
    path("<int:pk>/", views.ComplaintDetail.as_view(), name="complaint_detail"),
    path("<int:pk>/route/", views.ComplaintRoute.as_view(), name="complaint_route"),
    path("<int:pk>/return/", views.ComplaintReturn.as_view(), name="complaint_return"),
    path("<int:pk>/take-up/", views.ComplaintTakeUp.as_view(), name="complaint_take_up"),
    path("<int:pk>/answer/", views.ComplaintAnswer.as_view(), name="complaint_answer"),
    path("clients/", views.ClientList.as_view(), name="client_list"),
    path("clients/new/", views.ClientCreate.as_view(), name="client_create"),
    path("clients/<int:pk>/revoke/", views.ClientRevoke.as_view(), name="client_revoke"),
    path("media/", views.MediaList.as_view(), name="media_list"),
    path("media/new/", views.MediaCreate.as_view(), name="media_create"),
    path("media/<int:pk>/", views.MediaDetail.as_view(), name="media_detail"),
    path("media/<int:pk>/conclude/", views.MediaConclude.as_view(), name="media_conclude"),
    # Public pages (D6.7a–b): complain, follow by tracking number, media results.
    path("public/new/", views.PublicSubmit.as_view(), name="public_submit"),
    path("public/track/", views.PublicTrack.as_view(), name="public_track"),
    path("public/media/", views.PublicMediaList.as_view(), name="public_media_list"),
    path("public/media/<int:pk>/", views.PublicMediaDetail.as_view(), name="public_media_detail"),
]
