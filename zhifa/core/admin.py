"""The Django admin shows domain records read-only: every change goes through a
service, which checks its rules and writes the audit log."""

from django.contrib import admin

from zhifa.core.models import AuditEvent, Checkpoint


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("seq", "time", "actor_label", "act", "object_repr")
    list_filter = ("act",)
    search_fields = ("object_repr", "actor_label")


@admin.register(Checkpoint)
class CheckpointAdmin(ReadOnlyAdmin):
    list_display = ("tree_size", "root_hash", "time", "key_id")
