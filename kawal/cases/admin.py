"""Clock rules and extra days off are configured here; saving one moves every open due date.

Cases themselves are not edited in the admin: every change to a case goes through the
services (workflow table, audit), and the admin would show the reporter's identity.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import transaction
from django.http import HttpRequest

from kawal.core import audit

from .models import ClockRule, DayOff, IntakePeriod


def _refresh_after_commit() -> None:
    from .tasks import refresh_open_due_dates

    transaction.on_commit(refresh_open_due_dates)


@admin.register(ClockRule)
class ClockRuleAdmin(admin.ModelAdmin[ClockRule]):
    list_display = ["code", "name", "amount", "unit", "legal_basis", "active"]
    list_editable = ["active"]
    readonly_fields = ["code"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # switch a rule off instead; its history must stay explainable

    def save_model(self, request: HttpRequest, obj: ClockRule, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        audit.record("cases.clock_rule_changed", actor=request.user, target=obj,
                     data={"changed": list(form.changed_data) if form else []})
        _refresh_after_commit()


@admin.register(DayOff)
class DayOffAdmin(admin.ModelAdmin[DayOff]):
    list_display = ["date", "name"]

    def save_model(self, request: HttpRequest, obj: DayOff, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        audit.record("cases.day_off_saved", actor=request.user, target=obj, data={"date": obj.date})
        _refresh_after_commit()

    def delete_model(self, request: HttpRequest, obj: DayOff) -> None:
        audit.record("cases.day_off_deleted", actor=request.user, target=obj, data={"date": obj.date})
        super().delete_model(request, obj)
        _refresh_after_commit()


@admin.register(IntakePeriod)
class IntakePeriodAdmin(admin.ModelAdmin[IntakePeriod]):
    """Applies to reports received after the change; a received report keeps the moment it was counted from."""

    list_display = ["name", "start_date", "end_date"]

    def save_model(self, request: HttpRequest, obj: IntakePeriod, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        audit.record("cases.intake_period_saved", actor=request.user, target=obj,
                     data={"from": obj.start_date, "until": obj.end_date})
