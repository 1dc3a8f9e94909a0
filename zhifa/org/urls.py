from django.urls import path

from zhifa.org import views

app_name = "org"
urlpatterns = [
    path("governments/", views.GovernmentList.as_view(), name="government_list"),
    path("governments/new/", views.GovernmentCreate.as_view(), name="government_create"),
    path("governments/<int:pk>/", views.GovernmentDetail.as_view(), name="government_detail"),
    path("governments/<int:pk>/edit/", views.GovernmentEdit.as_view(), name="government_edit"),
    *(
        pattern
        for prefix, kind in (("offices", views.OFFICE_PAGES), ("supervisory-organs", views.ORGAN_PAGES))
        for pattern in (
            path(f"{prefix}/", views.BodyList.as_view(kind=kind), name=f"{kind.url_prefix}_list"),
            path(f"{prefix}/new/", views.BodyCreate.as_view(kind=kind), name=f"{kind.url_prefix}_create"),
            path(f"{prefix}/<int:pk>/", views.BodyDetail.as_view(kind=kind), name=f"{kind.url_prefix}_detail"),
            path(f"{prefix}/<int:pk>/edit/", views.BodyEdit.as_view(kind=kind), name=f"{kind.url_prefix}_edit"),
        )
    ),
    path("terms/", views.TermList.as_view(), name="term_list"),
    path("terms/new/", views.TermCreate.as_view(), name="term_create"),
    path("terms/<int:pk>/", views.TermDetail.as_view(), name="term_detail"),
    path("terms/<int:pk>/edit/", views.TermEdit.as_view(), name="term_edit"),
    path("agencies/", views.AgencyList.as_view(), name="agency_list"),
    path("agencies/new/", views.AgencyCreate.as_view(), name="agency_create"),
    path("agencies/<int:pk>/", views.AgencyDetail.as_view(), name="agency_detail"),
    path("agencies/<int:pk>/edit/", views.AgencyEdit.as_view(), name="agency_edit"),
    path("agencies/<int:pk>/standing/", views.AgencyStanding.as_view(), name="agency_standing"),
    path("powers/", views.PowerList.as_view(), name="power_list"),
    path("powers/new/", views.PowerCreate.as_view(), name="power_create"),
    path("powers/<int:pk>/", views.PowerDetail.as_view(), name="power_detail"),
    path("powers/<int:pk>/edit/", views.PowerEdit.as_view(), name="power_edit"),
    path("delegations/", views.DelegationList.as_view(), name="delegation_list"),
    path("delegations/new/", views.DelegationCreate.as_view(), name="delegation_create"),
    path("delegations/<int:pk>/", views.DelegationDetail.as_view(), name="delegation_detail"),
    path("delegations/<int:pk>/edit/", views.DelegationEdit.as_view(), name="delegation_edit"),
    path("delegations/<int:pk>/revoke/", views.DelegationRevoke.as_view(), name="delegation_revoke"),
    path("posts/", views.PostList.as_view(), name="post_list"),
    path("posts/new/", views.PostCreate.as_view(), name="post_create"),
    path("posts/<int:pk>/", views.PostDetail.as_view(), name="post_detail"),
    path("posts/<int:pk>/edit/", views.PostEdit.as_view(), name="post_edit"),
    # Public (D3.1c): no login.
    path("public/agencies/", views.PublicAgencyList.as_view(), name="public_agency_list"),
    path("public/agencies/<int:pk>/", views.PublicAgencyDetail.as_view(), name="public_agency_detail"),
]
