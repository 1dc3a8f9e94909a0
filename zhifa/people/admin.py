"""The Django admin shows officer records read-only; every change goes through a service."""

from django.contrib import admin

from zhifa.core.admin import ReadOnlyAdmin
from zhifa.people.models import (
    Certificate,
    CertificateVerification,
    ConflictOfInterest,
    Officer,
    Qualification,
    Training,
)


@admin.register(Officer)
class OfficerAdmin(ReadOnlyAdmin):
    list_display = ("name", "agency", "post", "active", "left_post_on")
    list_filter = ("active",)
    search_fields = ("name", "certificates__number")


@admin.register(Training)
class TrainingAdmin(ReadOnlyAdmin):
    list_display = ("officer", "field", "course", "hours", "completed_on", "passed")
    list_filter = ("field", "passed")


@admin.register(Qualification)
class QualificationAdmin(ReadOnlyAdmin):
    list_display = ("officer", "field", "obtained_on", "revoked_on")
    list_filter = ("field",)


class VerificationInline(admin.TabularInline):
    model = CertificateVerification
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    list_display = ("number", "officer", "issuer", "issued_on", "expires_on", "suspended_on", "revoked_on")
    search_fields = ("number", "officer__name")
    inlines = [VerificationInline]


@admin.register(ConflictOfInterest)
class ConflictOfInterestAdmin(ReadOnlyAdmin):
    list_display = ("officer", "party_name", "relation", "declared_on", "ended_on")
    list_filter = ("relation",)
