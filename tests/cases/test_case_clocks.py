"""Clocks on cases: rules as data, due dates from the event log, consistent when a rule changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from kawal.cases import deadlines, services
from kawal.cases.models import Case, ClockRule, DayOff
from kawal.cases.workflow import Action, State, TransitionRefused
from kawal.core.clocks import JAKARTA, end_of_day
from tests.cases.conftest import event_fields, reporter_fields
from tests.conftest import Personas

pytestmark = pytest.mark.django_db

VALID_EVENTS = {a.value for a in Action} | {"received", "known"}


def at(y: int, m: int, d: int, h: int = 10) -> dt.datetime:
    return dt.datetime(y, m, d, h, tzinfo=JAKARTA)


def test_every_clock_of_the_domain_guide_is_a_rule_row() -> None:
    rules = {r.code: (r.amount, r.unit) for r in ClockRule.objects.all()}
    assert rules == {
        "filing": (7, "calendar_day"),
        "initial_review": (2, "calendar_day"),
        "completeness": (48, "hour"),
        "handling": (3, "calendar_day"),
        "handling_extended": (5, "calendar_day"),
        "kpu_follow_up": (7, "calendar_day"),
        "investigation": (14, "working_day"),
        "prosecutor_review": (3, "calendar_day"),
        "investigator_resubmit": (3, "calendar_day"),
        "prosecutor_to_court": (5, "calendar_day"),
        "court_decision": (7, "calendar_day"),
        "appeal_filing": (3, "calendar_day"),
        "appeal_decision": (7, "calendar_day"),
    }
    assert all(r.legal_basis for r in ClockRule.objects.all())


def test_rules_name_only_events_that_exist() -> None:
    for rule in ClockRule.objects.all():
        named = set(rule.start_actions) | set(rule.stop_actions) | set(rule.pause_actions) | set(rule.resume_actions)
        named |= {rule.anchor_action} - {""}
        assert named <= VALID_EVENTS, (rule.code, named - VALID_EVENTS)


def file_at(when: dt.datetime, **overrides: object) -> Case:
    return services.file_report({**reporter_fields(), **event_fields(**overrides)}, at=when)


def test_initial_review_is_due_two_days_after_receipt(gresik: object) -> None:
    case = file_at(at(2024, 11, 20, 15), happened_on=dt.date(2024, 11, 19), known_on=dt.date(2024, 11, 19))
    assert case.next_due_at == end_of_day(dt.date(2024, 11, 22))
    (clock,) = deadlines.clocks_for(case, now=at(2024, 11, 21))
    assert clock.rule.code == "initial_review" and not clock.overdue


def test_completeness_request_runs_exactly_48_hours_and_stops_the_review_clock(
    personas: Personas, gresik: object
) -> None:
    case = file_at(at(2024, 11, 20), happened_on=dt.date(2024, 11, 19), known_on=dt.date(2024, 11, 19))
    services.transition(case, Action.START_REVIEW, by=personas.staff, at=at(2024, 11, 20, 11))
    services.transition(case, Action.REQUEST_COMPLETENESS, by=personas.staff, reason="KTP belum dilampirkan",
                        at=at(2024, 11, 21, 16))
    clocks = deadlines.clocks_for(case, now=at(2024, 11, 21, 17))
    assert [(c.rule.code, c.due) for c in clocks] == [("completeness", at(2024, 11, 23, 16))]


def test_extension_counts_five_days_from_registration(personas: Personas, gresik: object) -> None:
    case = file_at(at(2024, 11, 1), happened_on=dt.date(2024, 10, 31), known_on=dt.date(2024, 10, 31))
    services.transition(case, Action.START_REVIEW, by=personas.member, at=at(2024, 11, 1, 11))
    services.transition(case, Action.REGISTER, by=personas.member, at=at(2024, 11, 2))
    assert case.next_due_at == end_of_day(dt.date(2024, 11, 5))
    services.transition(case, Action.EXTEND_HANDLING, by=personas.member, reason="keterangan tambahan",
                        at=at(2024, 11, 5))
    assert case.next_due_at == end_of_day(dt.date(2024, 11, 7))


def test_investigation_counts_working_days_across_voting_day(personas: Personas, gresik: object) -> None:
    case = file_at(at(2024, 11, 10), happened_on=dt.date(2024, 11, 9), known_on=dt.date(2024, 11, 9))
    Case.objects.filter(pk=case.pk).update(state=State.GAKKUMDU_2)
    services.transition(case, Action.START_INVESTIGATION, by=personas.member, at=at(2024, 11, 18))
    # 14 working days from Mon 18 Nov, skipping weekends and 27 Nov (voting day): Mon 9 Dec.
    clocks = {c.rule.code: c.due for c in deadlines.clocks_for(case)}
    assert clocks["investigation"] == end_of_day(dt.date(2024, 12, 9))


def test_changing_a_rule_moves_every_open_due_date(
    personas: Personas, gresik: object, django_capture_on_commit_callbacks: Any
) -> None:
    first = file_at(at(2024, 11, 20), happened_on=dt.date(2024, 11, 19), known_on=dt.date(2024, 11, 19))
    second = file_at(at(2024, 11, 21), happened_on=dt.date(2024, 11, 19), known_on=dt.date(2024, 11, 19))
    rule = ClockRule.objects.get(code="initial_review")
    with django_capture_on_commit_callbacks(execute=True):
        services.update_rule(rule, by=personas.admin, amount=3, unit="working_day")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.next_due_at == end_of_day(dt.date(2024, 11, 25))  # Wed 20 → Thu, Fri, Mon
    assert second.next_due_at == end_of_day(dt.date(2024, 11, 26))  # Thu 21 → Fri, Mon, Tue


def test_an_extra_day_off_moves_working_day_clocks(personas: Personas, gresik: object) -> None:
    ClockRule.objects.filter(code="initial_review").update(unit="working_day")
    case = file_at(at(2024, 11, 20), happened_on=dt.date(2024, 11, 19), known_on=dt.date(2024, 11, 19))
    assert case.next_due_at == end_of_day(dt.date(2024, 11, 22))
    DayOff.objects.create(date=dt.date(2024, 11, 21), name="Libur daerah (uji)")
    assert deadlines.refresh_due_dates() == 1
    case.refresh_from_db()
    assert case.next_due_at == end_of_day(dt.date(2024, 11, 25))


def test_only_an_administrator_changes_rules(personas: Personas) -> None:
    rule = ClockRule.objects.get(code="handling")
    with pytest.raises(TransitionRefused):
        services.update_rule(rule, by=personas.member, amount=30)
    rule.refresh_from_db()
    assert rule.amount == 3


def test_report_within_seven_days_meets_the_filing_limit(gresik: object) -> None:
    case = file_at(at(2024, 11, 8, 23), happened_on=dt.date(2024, 11, 1), known_on=dt.date(2024, 11, 1))
    assert not case.filed_late and case.formal_issues == ""


def test_late_report_is_recorded_but_flagged_with_the_reason(gresik: object) -> None:
    case = file_at(at(2024, 11, 9, 0), happened_on=dt.date(2024, 11, 1), known_on=dt.date(2024, 11, 1))
    assert case.pk and case.filed_late
    assert "01-11-2024" in case.formal_issues and "08-11-2024 23:59" in case.formal_issues


def test_a_closed_case_has_no_running_clock(personas: Personas, make_case: Callable[..., Case]) -> None:
    case = make_case(state=State.NOT_REGISTERED)
    services.transition(case, Action.CLOSE, by=personas.member)
    assert case.next_due_at is None


def test_a_paused_clock_stands_still_and_resumes_with_the_time_it_had_left(
    personas: Personas, gresik: object
) -> None:
    # Configure: the initial review pauses while the reporter completes the report, instead of restarting.
    ClockRule.objects.filter(code="initial_review").update(
        stop_actions=["register", "not_register", "mark_not_completed"],
        start_actions=["received"], pause_actions=["request_completeness"], resume_actions=["mark_completed"],
    )
    case = file_at(at(2024, 11, 4), happened_on=dt.date(2024, 11, 1), known_on=dt.date(2024, 11, 1))
    services.transition(case, Action.START_REVIEW, by=personas.staff, at=at(2024, 11, 4, 11))
    services.transition(case, Action.REQUEST_COMPLETENESS, by=personas.staff, reason="KTP", at=at(2024, 11, 5, 10))
    during = {c.rule.code: c for c in deadlines.clocks_for(case, now=at(2024, 11, 6, 10))}
    assert during["initial_review"].paused and not during["initial_review"].overdue
    assert case.next_due_at == at(2024, 11, 7, 10)  # the completeness clock, 2 x 24 hours
    services.transition(case, Action.MARK_COMPLETED, by=personas.staff, at=at(2024, 11, 7, 10))
    # Paused two full days: the original due (end of 6 Nov) moves to the end of 8 Nov.
    assert case.next_due_at == end_of_day(dt.date(2024, 11, 8))
