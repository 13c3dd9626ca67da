"""Intake hours: office hours on working days, around the clock in the quiet period and on voting day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kawal.cases import deadlines, services
from kawal.cases.intake import counted_receipt
from kawal.cases.models import IntakePeriod
from kawal.core.clocks import JAKARTA, Calendar, end_of_day
from tests.cases.conftest import event_fields, reporter_fields

pytestmark = pytest.mark.django_db
CAL = Calendar()


def at(y: int, m: int, d: int, h: int, mi: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, h, mi, tzinfo=JAKARTA)


def test_the_2024_quiet_period_and_voting_day_are_seeded() -> None:
    period = IntakePeriod.objects.get()
    assert (period.start_date, period.end_date) == (dt.date(2024, 11, 24), dt.date(2024, 11, 27))


@pytest.mark.parametrize(
    ("sent", "counted"),
    [
        (at(2024, 11, 20, 10), at(2024, 11, 20, 10)),  # Wednesday, office hours
        (at(2024, 11, 20, 17), at(2024, 11, 21, 8)),  # after closing: next morning
        (at(2024, 11, 21, 6, 30), at(2024, 11, 21, 8)),  # before opening
        (at(2024, 11, 15, 18), at(2024, 11, 18, 8)),  # Friday evening: Monday morning
        (at(2024, 11, 22, 17), at(2024, 11, 24, 0)),  # Friday evening before the quiet period
        (at(2024, 11, 24, 23, 15), at(2024, 11, 24, 23, 15)),  # quiet period, a Sunday night
        (at(2024, 11, 27, 21), at(2024, 11, 27, 21)),  # voting day, a holiday, at night
        (at(2024, 11, 28, 7), at(2024, 11, 28, 8)),  # the day after: office hours again
        (at(2024, 12, 24, 17), at(2024, 12, 27, 8)),  # Christmas and cuti bersama skipped
    ],
)
def test_when_a_report_counts_as_received(sent: dt.datetime, counted: dt.datetime) -> None:
    assert counted_receipt(sent, CAL) == counted


@override_settings(KAWAL_INTAKE_OFFICE_HOURS=("07:30", "20:00"))
def test_office_hours_are_configurable() -> None:
    assert counted_receipt(at(2024, 11, 20, 19), CAL) == at(2024, 11, 20, 19)
    assert counted_receipt(at(2024, 11, 20, 7), CAL) == at(2024, 11, 20, 7, 30)


def test_a_report_sent_at_night_is_recorded_at_once_but_its_clock_starts_next_morning(gresik: object) -> None:
    case = services.file_report({**reporter_fields(), **event_fields(
        happened_on=dt.date(2024, 11, 19), known_on=dt.date(2024, 11, 20))}, at=at(2024, 11, 20, 22))
    assert case.received_at == at(2024, 11, 20, 22)
    (clock,) = deadlines.clocks_for(case, now=at(2024, 11, 21, 9))
    assert clock.started_at == at(2024, 11, 21, 8)
    assert clock.due == end_of_day(dt.date(2024, 11, 23))


@given(sent=st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2025, 12, 31),
                         timezones=st.just(JAKARTA)))
@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_counted_receipt_is_never_earlier_and_always_inside_intake_hours(sent: dt.datetime) -> None:
    counted = counted_receipt(sent, CAL)
    assert counted >= sent
    in_period = dt.date(2024, 11, 24) <= counted.date() <= dt.date(2024, 11, 27)
    in_office = CAL.is_working_day(counted.date()) and dt.time(8) <= counted.time() < dt.time(16)
    assert in_period or in_office
    sent_in_period = dt.date(2024, 11, 24) <= sent.date() <= dt.date(2024, 11, 27)
    if sent_in_period or (CAL.is_working_day(sent.date()) and dt.time(8) <= sent.time() < dt.time(16)):
        assert counted == sent
