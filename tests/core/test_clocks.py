"""Due dates for calendar days, working days and hours (DOMAIN.md §3 convention)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kawal.core.clocks import JAKARTA, Calendar, Unit, due_at, due_from_date, end_of_day, is_overdue, local

UTC = dt.UTC


def jkt(y: int, m: int, d: int, h: int = 10, mi: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, h, mi, tzinfo=JAKARTA)


def test_calendar_day_clock_runs_to_the_end_of_the_nth_day() -> None:
    assert due_at(jkt(2024, 11, 20, 15), 2, Unit.CALENDAR_DAY) == end_of_day(dt.date(2024, 11, 22))


def test_calendar_day_clock_ignores_weekends_and_holidays() -> None:
    # Friday 22 Nov + 7 days crosses a weekend and 27 Nov (Pilkada voting day, a holiday).
    assert due_at(jkt(2024, 11, 22), 7, Unit.CALENDAR_DAY).date() == dt.date(2024, 11, 29)


def test_start_is_counted_in_jakarta_time_not_utc() -> None:
    # 20:00 UTC on 20 Nov is 03:00 on 21 Nov in Jakarta: the day of the event is the 21st.
    start = dt.datetime(2024, 11, 20, 20, 0, tzinfo=UTC)
    assert due_at(start, 1, Unit.CALENDAR_DAY) == end_of_day(dt.date(2024, 11, 22))


def test_working_day_clock_skips_the_weekend() -> None:
    # Thursday 14 Nov 2024 + 3 working days: Fri 15, Mon 18, Tue 19.
    assert due_at(jkt(2024, 11, 14), 3, Unit.WORKING_DAY).date() == dt.date(2024, 11, 19)


def test_working_day_clock_skips_voting_day_which_was_a_national_holiday() -> None:
    # Monday 25 Nov + 3 working days: Tue 26, (Wed 27 holiday), Thu 28, Fri 29.
    assert due_at(jkt(2024, 11, 25), 3, Unit.WORKING_DAY).date() == dt.date(2024, 11, 29)


def test_working_day_clock_skips_cuti_bersama() -> None:
    # 24 Dec 2024 (Tue) + 1 working day: 25 Dec Christmas, 26 Dec cuti bersama → Fri 27 Dec.
    assert due_at(jkt(2024, 12, 24), 1, Unit.WORKING_DAY).date() == dt.date(2024, 12, 27)


def test_extra_days_off_are_skipped_too() -> None:
    calendar = Calendar.with_days_off([dt.date(2024, 11, 15)])
    assert due_at(jkt(2024, 11, 14), 1, Unit.WORKING_DAY, calendar).date() == dt.date(2024, 11, 18)
    assert due_at(jkt(2024, 11, 14), 1, Unit.WORKING_DAY).date() == dt.date(2024, 11, 15)


def test_fourteen_working_days_for_the_investigation() -> None:
    # From Monday 4 Nov 2024: Tue 5 … Fri 22 Nov, no holiday in between.
    assert due_at(jkt(2024, 11, 4), 14, Unit.WORKING_DAY).date() == dt.date(2024, 11, 22)


def test_hours_clock_is_exact() -> None:
    start = jkt(2024, 11, 23, 16, 30)
    assert due_at(start, 48, Unit.HOUR) == jkt(2024, 11, 25, 16, 30)


def test_clock_from_a_date_counts_from_that_day() -> None:
    assert due_from_date(dt.date(2024, 11, 1), 7, Unit.CALENDAR_DAY) == end_of_day(dt.date(2024, 11, 8))


def test_negative_duration_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        due_at(jkt(2024, 11, 1), -1, Unit.CALENDAR_DAY)


def test_overdue_only_after_the_due_time() -> None:
    due = end_of_day(dt.date(2024, 11, 8))
    assert not is_overdue(due, due)
    assert is_overdue(due, due + dt.timedelta(microseconds=1))


def test_naive_times_are_taken_as_jakarta_time() -> None:
    assert local(dt.datetime(2024, 1, 1, 9)) == jkt(2024, 1, 1, 9)


starts = st.datetimes(
    min_value=dt.datetime(2023, 1, 1), max_value=dt.datetime(2026, 12, 31), timezones=st.just(JAKARTA)
)
extra_days = st.frozensets(st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2027, 3, 31)), max_size=20)


@given(start=starts, days=st.integers(min_value=1, max_value=30), extra=extra_days)
def test_working_day_due_date_is_a_working_day_with_exactly_n_working_days(
    start: dt.datetime, days: int, extra: frozenset[dt.date]
) -> None:
    calendar = Calendar(extra_days_off=extra)
    due = due_at(start, days, Unit.WORKING_DAY, calendar)
    assert due.time() == dt.time(23, 59, 59, 999999)
    assert calendar.is_working_day(due.date())
    span = [start.date() + dt.timedelta(days=i) for i in range(1, (due.date() - start.date()).days + 1)]
    assert sum(calendar.is_working_day(day) for day in span) == days


@given(start=starts, days=st.integers(min_value=0, max_value=30))
def test_working_days_never_end_before_calendar_days(start: dt.datetime, days: int) -> None:
    assert due_at(start, days, Unit.WORKING_DAY) >= due_at(start, days, Unit.CALENDAR_DAY)


@given(start=starts, days=st.integers(min_value=0, max_value=30), more=st.integers(min_value=1, max_value=10))
def test_longer_clocks_never_end_earlier(start: dt.datetime, days: int, more: int) -> None:
    for unit in Unit:
        assert due_at(start, days + more, unit) > due_at(start, days, unit)


@given(start=starts, days=st.integers(min_value=0, max_value=60))
def test_calendar_day_clock_ends_exactly_n_days_after_the_start_day(start: dt.datetime, days: int) -> None:
    due = due_at(start, days, Unit.CALENDAR_DAY)
    assert (due.date() - start.date()).days == days
    assert due > start


@given(start=starts, hours=st.integers(min_value=0, max_value=500))
def test_hours_clock_is_timezone_independent(start: dt.datetime, hours: int) -> None:
    assert due_at(start.astimezone(UTC), hours, Unit.HOUR) == due_at(start, hours, Unit.HOUR)
    assert due_at(start, hours, Unit.HOUR) - start == dt.timedelta(hours=hours)


@given(start=starts, days=st.integers(min_value=1, max_value=20), extra=extra_days)
def test_adding_a_day_off_never_brings_a_working_day_due_date_forward(
    start: dt.datetime, days: int, extra: frozenset[dt.date]
) -> None:
    assert due_at(start, days, Unit.WORKING_DAY, Calendar(extra_days_off=extra)) >= due_at(
        start, days, Unit.WORKING_DAY
    )
