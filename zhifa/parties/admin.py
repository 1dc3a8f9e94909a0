"""Read-only admin: parties are registered and corrected through zhifa.parties.services."""

from django.contrib import admin

from zhifa.core.admin import ReadOnlyAdmin
from zhifa.parties.models import Party


@admin.register(Party)
class PartyAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "uscc", "legal_representative", "government")
    list_filter = ("kind",)
    search_fields = ("name", "uscc")
