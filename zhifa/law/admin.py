"""Read-only admin: every change goes through zhifa.law.services."""

from django.contrib import admin

from zhifa.core.admin import ReadOnlyAdmin
from zhifa.law.models import Article, Cleanup, CleanupEntry, LegalBasis, ViolationItem


@admin.register(LegalBasis)
class LegalBasisAdmin(ReadOnlyAdmin):
    list_display = ("title", "level", "issuer", "document_number", "effective_from", "repealed_on")
    list_filter = ("level",)
    search_fields = ("title", "short_title", "document_number")


@admin.register(Article)
class ArticleAdmin(ReadOnlyAdmin):
    list_display = ("basis", "number", "label", "chapter")
    search_fields = ("basis__title", "text")


@admin.register(ViolationItem)
class ViolationItemAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "field", "health_or_finance")
    list_filter = ("field",)
    search_fields = ("code", "name")


@admin.register(Cleanup)
class CleanupAdmin(ReadOnlyAdmin):
    list_display = ("title", "scope", "agency", "government", "started_on", "completed_on", "published_on")


@admin.register(CleanupEntry)
class CleanupEntryAdmin(ReadOnlyAdmin):
    list_display = ("cleanup", "basis", "outcome", "decided_on")
