"""Read-only admin: every change goes through zhifa.credit.services."""

from django.contrib import admin

from zhifa.core.admin import ReadOnlyAdmin
from zhifa.credit.models import CreditObjection, InspectionItem, InspectionPlan, InspectorEntry, PlanTarget, TargetEntry

for model in (CreditObjection, InspectionItem, InspectionPlan, InspectorEntry, PlanTarget, TargetEntry):
    admin.site.register(model, ReadOnlyAdmin)
