from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from zhifa.accounts.models import ApiToken, User
from zhifa.core import audit


@admin.register(User)
class ZhifaUserAdmin(UserAdmin):
    list_display = ("username", "display_name", "role", "agency", "government", "is_active")
    list_filter = ("role", "is_active")
    fieldsets = UserAdmin.fieldsets + (("执法平台", {"fields": ("display_name", "role", "agency", "government")}),)

    def save_model(self, request, obj, form, change):
        from django.db import transaction

        with transaction.atomic():
            super().save_model(request, obj, form, change)
            audit.record(
                actor=request.user,
                act="user.update" if change else "user.create",
                obj=obj,
                agency=obj.agency_id,
                changes={f: str(form.cleaned_data.get(f)) for f in form.changed_data if "password" not in f},
            )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "digest", "created_at", "last_used_at")
