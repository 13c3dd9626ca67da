"""Changing a clock rule or a day off in the admin moves open due dates at once, and is audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from kawal.cases import deadlines
from kawal.cases.models import Case, ClockRule
from kawal.core.clocks import end_of_day, local
from kawal.core.models import AuditEvent
from tests.conftest import Personas

pytestmark = pytest.mark.django_db


def test_admin_changes_a_rule_and_open_cases_follow(
    personas: Personas, client_for: Any, make_case: Callable[..., Case], django_capture_on_commit_callbacks: Any
) -> None:
    case = make_case()
    rule = ClockRule.objects.get(code="initial_review")
    received_day = local(deadlines.counted_from(case.events.get(action="received"))).date()
    assert case.next_due_at == end_of_day(received_day + dt.timedelta(days=2))
    data = {
        "name": rule.name, "legal_basis": rule.legal_basis, "amount": 5, "unit": "calendar_day",
        "start_actions": '["received", "mark_completed"]', "stop_actions": '["register", "not_register"]',
        "anchor_action": "", "kinds": '["laporan", "temuan"]', "warn_hours": 24, "active": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(personas.admin).post(f"/admin/cases/clockrule/{rule.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    case.refresh_from_db()
    assert case.next_due_at == end_of_day(received_day + dt.timedelta(days=5))
    assert AuditEvent.objects.filter(action="cases.clock_rule_changed").exists()


def test_rules_cannot_be_deleted_in_the_admin(personas: Personas, client_for: Any) -> None:
    rule = ClockRule.objects.get(code="handling")
    response = client_for(personas.admin).post(f"/admin/cases/clockrule/{rule.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert ClockRule.objects.filter(pk=rule.pk).exists()
