from django.urls import path

from zhifa.people import views

app_name = "people"
urlpatterns = [
    path("officers/", views.OfficerList.as_view(), name="officer_list"),
    path("officers/new/", views.OfficerCreate.as_view(), name="officer_create"),
    path("officers/<int:pk>/", views.OfficerDetail.as_view(), name="officer_detail"),
    path("officers/<int:pk>/edit/", views.OfficerEdit.as_view(), name="officer_edit"),
    path("officers/<int:pk>/leave/", views.OfficerLeave.as_view(), name="officer_leave"),
    path("officers/<int:pk>/trainings/new/", views.TrainingCreate.as_view(), name="training_create"),
    path("officers/<int:pk>/qualifications/new/", views.QualificationGrant.as_view(), name="qualification_grant"),
    path("officers/<int:pk>/certificates/new/", views.CertificateIssue.as_view(), name="certificate_issue"),
    path("officers/<int:pk>/conflicts/new/", views.ConflictDeclare.as_view(), name="conflict_declare"),
    path("trainings/", views.TrainingList.as_view(), name="training_list"),
    path("trainings/<int:pk>/", views.TrainingDetail.as_view(), name="training_detail"),
    path("trainings/<int:pk>/edit/", views.TrainingEdit.as_view(), name="training_edit"),
    path("qualifications/", views.QualificationList.as_view(), name="qualification_list"),
    path("qualifications/<int:pk>/", views.QualificationDetail.as_view(), name="qualification_detail"),
    path("qualifications/<int:pk>/revoke/", views.QualificationRevoke.as_view(), name="qualification_revoke"),
    path("certificates/", views.CertificateList.as_view(), name="certificate_list"),
    path("certificates/<int:pk>/", views.CertificateDetail.as_view(), name="certificate_detail"),
    path("certificates/<int:pk>/verify/", views.CertificateVerify.as_view(), name="certificate_verify"),
    path("certificates/<int:pk>/suspend/", views.CertificateSuspend.as_view(), name="certificate_suspend"),
    path("certificates/<int:pk>/lift/", views.CertificateLift.as_view(), name="certificate_lift"),
    path("certificates/<int:pk>/revoke/", views.CertificateRevoke.as_view(), name="certificate_revoke"),
    path("conflicts/", views.ConflictList.as_view(), name="conflict_list"),
    path("conflicts/<int:pk>/", views.ConflictDetail.as_view(), name="conflict_detail"),
    path("conflicts/<int:pk>/end/", views.ConflictEnd.as_view(), name="conflict_end"),
    # Public (D3.1c): no login.
    path("public/certificates/", views.PublicCertificateList.as_view(), name="public_certificate_list"),
    path(
        "public/certificates/<str:number>/", views.PublicCertificateDetail.as_view(), name="public_certificate_detail"
    ),
]
