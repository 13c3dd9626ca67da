"""Admin views for looking things up; changes go through the screens and their services."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from kawal.coordination.models import Attendance, Commitment, Meeting, Stakeholder


class ReadOnlyAdmin(admin.ModelAdmin):
    """Writes must pass the services (scope checks and audit), so the admin only reads."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Stakeholder)
class StakeholderAdmin(ReadOnlyAdmin):
    list_display = ["name", "kind", "region", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name"]


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ["title", "starts_at", "venue", "region", "checkin"]
    date_hierarchy = "starts_at"
    search_fields = ["title", "venue"]


@admin.register(Attendance)
class AttendanceAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "name", "organisation", "checked_in_at", "method"]
    list_select_related = ["meeting"]


@admin.register(Commitment)
class CommitmentAdmin(ReadOnlyAdmin):
    list_display = ["description", "owner", "due_date", "status", "completed_at"]
    list_filter = ["status"]
    list_select_related = ["owner"]
