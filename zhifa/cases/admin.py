"""Cases in the Django admin: read-only. Every change is an act of the procedure
(zhifa.cases.services), which checks its rules and writes the audit log."""

from django.contrib import admin

from zhifa.cases import models
from zhifa.core.admin import ReadOnlyAdmin


@admin.register(models.Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ("pk", "filing_number", "agency", "party", "violation_item", "status", "received_on", "filed_on")
    list_filter = ("status", "procedure", "source")
    search_fields = ("filing_number", "party__name", "summary")


@admin.register(models.Evidence)
class EvidenceAdmin(ReadOnlyAdmin):
    list_display = ("case", "number", "kind", "title", "sha256", "collected_on")
    search_fields = ("sha256", "title")


@admin.register(models.Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ("number", "case", "outcome", "decided_on", "served_on")
    search_fields = ("number",)


for model in (
    models.Inspection,
    models.Notice,
    models.Defence,
    models.Hearing,
    models.LegalReview,
    models.Payment,
    models.Reminder,
    models.Enforcement,
    models.FollowUp,
    models.Transfer,
    models.CaseFile,
    models.Recusal,
):
    admin.site.register(model, ReadOnlyAdmin)
