from django.contrib import admin
from django.http import HttpRequest

from kawal.core.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin[AuditEvent]):
    list_display = ["id", "created_at", "actor_label", "action", "target_type", "target_id", "region_code"]
    list_filter = ["action"]
    search_fields = ["action", "target_id", "actor_label"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
