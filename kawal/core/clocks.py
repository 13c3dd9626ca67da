"""Statutory clocks: due dates from a start time, a duration and a calendar.

The day-counting convention lives here and only here (DOMAIN.md §3):

* times are Asia/Jakarta;
* an N-day clock runs to the end (23:59:59.999999) of the Nth day after the day of the
  starting event;
* a working-day clock counts only working days: not Saturday, not Sunday, not a national
  holiday or cuti bersama (the ``holidays`` package, categories public + government), and
  not one of the configured extra days off;
* an hours clock (2 x 24 hours) is exact.

The rules themselves (which clock, how long, which unit, which events start and stop it)
are data, kept by the apps that use them; this module only does the arithmetic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

JAKARTA = ZoneInfo("Asia/Jakarta")
HOLIDAY_CATEGORIES = ("public", "government")
END_OF_DAY = dt.time(23, 59, 59, 999999)


class Unit(StrEnum):
    CALENDAR_DAY = "calendar_day"
    WORKING_DAY = "working_day"
    HOUR = "hour"


@lru_cache(maxsize=64)
def national_days_off(year: int) -> frozenset[dt.date]:
    """Indonesian national holidays and cuti bersama of one year."""
    return frozenset(holidays.country_holidays("ID", years=year, categories=HOLIDAY_CATEGORIES).keys())


@dataclass(frozen=True)
class Calendar:
    """Which days are working days: weekdays minus national and extra days off."""

    extra_days_off: frozenset[dt.date] = field(default_factory=frozenset)
    use_national_holidays: bool = True

    @classmethod
    def with_days_off(cls, days: Iterable[dt.date]) -> Calendar:
        return cls(extra_days_off=frozenset(days))

    def is_day_off(self, day: dt.date) -> bool:
        if day.weekday() >= 5 or day in self.extra_days_off:
            return True
        return self.use_national_holidays and day in national_days_off(day.year)

    def is_working_day(self, day: dt.date) -> bool:
        return not self.is_day_off(day)

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The ``days``-th working day after ``start`` (``start`` itself is not counted)."""
        current, counted = start, 0
        while counted < days:
            current += dt.timedelta(days=1)
            if self.is_working_day(current):
                counted += 1
        return current


def local(moment: dt.datetime) -> dt.datetime:
    """``moment`` in Jakarta time (naive values are taken to be Jakarta time already)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=JAKARTA)
    return moment.astimezone(JAKARTA)


def end_of_day(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, END_OF_DAY, tzinfo=JAKARTA)


def due_at(start: dt.datetime, amount: int, unit: Unit | str, calendar: Calendar | None = None) -> dt.datetime:
    """When a clock of ``amount`` ``unit`` that started at ``start`` runs out (Jakarta time)."""
    if amount < 0:
        raise ValueError("a clock cannot run for a negative duration")
    unit = Unit(unit)
    begin = local(start)
    if unit is Unit.HOUR:
        return begin + dt.timedelta(hours=amount)
    if unit is Unit.CALENDAR_DAY:
        return end_of_day(begin.date() + dt.timedelta(days=amount))
    return end_of_day((calendar or Calendar()).add_working_days(begin.date(), amount))


def due_from_date(day: dt.date, amount: int, unit: Unit | str, calendar: Calendar | None = None) -> dt.datetime:
    """Due time of a clock started by something that happened on ``day`` (time unknown)."""
    start = dt.datetime.combine(day, dt.time(0, 0), tzinfo=JAKARTA)
    return due_at(start, amount, unit, calendar)


def time_left(due: dt.datetime, now: dt.datetime) -> dt.timedelta:
    """Negative once the clock has run out."""
    return due - now


def is_overdue(due: dt.datetime, now: dt.datetime) -> bool:
    return now > due
