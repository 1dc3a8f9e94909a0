from django.contrib import admin

from zhifa.core.admin import ReadOnlyAdmin
from zhifa.oversight.models import PartyRating, SupervisionNotice

admin.site.register(SupervisionNotice, ReadOnlyAdmin)
admin.site.register(PartyRating, ReadOnlyAdmin)
