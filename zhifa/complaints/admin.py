"""Read-only admin: every change goes through zhifa.complaints.services."""

from django.contrib import admin

from zhifa.complaints.models import Complaint, MediaExposure, Open311Client, StatusChange
from zhifa.core.admin import ReadOnlyAdmin


@admin.register(Complaint)
class ComplaintAdmin(ReadOnlyAdmin):
    list_display = ("tracking_number", "kind", "status", "channel", "received_on", "due_on", "agency")
    list_filter = ("kind", "status", "channel")
    search_fields = ("tracking_number",)


@admin.register(StatusChange)
class StatusChangeAdmin(ReadOnlyAdmin):
    list_display = ("complaint", "status", "act", "at", "actor_label")


@admin.register(Open311Client)
class Open311ClientAdmin(ReadOnlyAdmin):
    list_display = ("name", "government", "key_prefix", "created_on", "revoked_on")


@admin.register(MediaExposure)
class MediaExposureAdmin(ReadOnlyAdmin):
    list_display = ("title", "outlet", "agency", "reported_on", "status", "published_on")
