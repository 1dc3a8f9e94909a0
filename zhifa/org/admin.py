"""The Django admin shows body records read-only; every change goes through a service."""

from django.contrib import admin

from zhifa.core.admin import ReadOnlyAdmin
from zhifa.org.models import (
    Agency,
    Delegation,
    Government,
    GovernmentTerm,
    LegalAffairsOffice,
    Post,
    Power,
    StandingDecision,
    SupervisoryOrgan,
)


@admin.register(Government)
class GovernmentAdmin(ReadOnlyAdmin):
    list_display = ("name", "level", "parent", "division_code")
    list_filter = ("level",)
    search_fields = ("name", "division_code")


@admin.register(GovernmentTerm)
class GovernmentTermAdmin(ReadOnlyAdmin):
    list_display = ("government", "number", "starts_on", "ends_on")


@admin.register(LegalAffairsOffice)
class LegalAffairsOfficeAdmin(ReadOnlyAdmin):
    list_display = ("name", "government", "phone")


@admin.register(SupervisoryOrgan)
class SupervisoryOrganAdmin(ReadOnlyAdmin):
    list_display = ("name", "government", "phone")


@admin.register(Agency)
class AgencyAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "field", "government", "standing", "standing_confirmed_on")
    list_filter = ("kind", "field", "standing")
    search_fields = ("name", "short_name", "code")


@admin.register(StandingDecision)
class StandingDecisionAdmin(ReadOnlyAdmin):
    list_display = ("agency", "standing", "previous", "decided_on", "office")
    list_filter = ("standing",)


@admin.register(Power)
class PowerAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "agency", "category", "valid_from", "valid_to")
    list_filter = ("category",)
    search_fields = ("code", "name")


@admin.register(Delegation)
class DelegationAdmin(ReadOnlyAdmin):
    list_display = ("kind", "delegator", "recipient", "valid_from", "valid_to", "revoked_on")
    list_filter = ("kind",)


@admin.register(Post)
class PostAdmin(ReadOnlyAdmin):
    list_display = ("name", "agency")
    search_fields = ("name",)
