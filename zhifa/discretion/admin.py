from django.contrib import admin

from zhifa.core.admin import ReadOnlyAdmin
from zhifa.discretion.models import Departure, DiscretionItem, DiscretionStandard, StandardVersion

for model in (DiscretionStandard, StandardVersion, DiscretionItem, Departure):
    admin.site.register(model, ReadOnlyAdmin)
