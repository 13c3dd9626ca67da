from django.contrib import admin

from kawal.supervision.models import Assignment, ChecklistItem, OfficialResult, SupervisionTask


@admin.register(ChecklistItem)
class ChecklistItemAdmin(admin.ModelAdmin):
    list_display = ["election", "order", "key", "label", "kind", "required"]
    list_filter = ["election"]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "region", "tps", "letter_number"]
    list_filter = ["role"]
    raw_id_fields = ["user", "region", "tps"]


@admin.register(SupervisionTask)
class SupervisionTaskAdmin(admin.ModelAdmin):
    list_display = ["title", "stage", "region", "assigned_role", "due_date"]
    raw_id_fields = ["region"]


@admin.register(OfficialResult)
class OfficialResultAdmin(admin.ModelAdmin):
    list_display = ["election", "area_code", "invalid", "source", "imported_at"]
    readonly_fields = ["election", "area_code", "votes", "invalid", "source", "imported_at"]
