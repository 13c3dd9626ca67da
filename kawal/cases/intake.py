"""Intake hours: when a report counts as received for the handling clocks.

Reports are received during office hours on working days, and around the clock during
the configured 24-hour periods (quiet period and voting day, Perbawaslu 9/2024 as cited
by Bawaslu Kota Batu). A report sent outside those hours is recorded at once, but the
clocks start when intake next opens. Office hours come from ``KAWAL_INTAKE_OFFICE_HOURS``
(default 08:00-16:00) so they can change without code.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from kawal.core.clocks import JAKARTA, Calendar, local

from .models import IntakePeriod

DEFAULT_OFFICE_HOURS = ("08:00", "16:00")
LOOKAHEAD_DAYS = 60


def office_hours() -> tuple[dt.time, dt.time]:
    opening, closing = getattr(settings, "KAWAL_INTAKE_OFFICE_HOURS", DEFAULT_OFFICE_HOURS)
    return dt.time.fromisoformat(opening), dt.time.fromisoformat(closing)


def round_the_clock_days(around: dt.date) -> set[dt.date]:
    days: set[dt.date] = set()
    window_end = around + dt.timedelta(days=LOOKAHEAD_DAYS)
    for period in IntakePeriod.objects.filter(end_date__gte=around, start_date__lte=window_end):
        day = max(period.start_date, around)
        while day <= min(period.end_date, window_end):
            days.add(day)
            day += dt.timedelta(days=1)
    return days


def counted_receipt(moment: dt.datetime, calendar: Calendar) -> dt.datetime:
    """The moment a report sent at ``moment`` counts as received (itself if intake is open)."""
    at = local(moment)
    opening, closing = office_hours()
    always_open = round_the_clock_days(at.date())
    for offset in range(LOOKAHEAD_DAYS):
        day = at.date() + dt.timedelta(days=offset)
        start_of_day = dt.datetime.combine(day, dt.time(0, 0), tzinfo=JAKARTA)
        if day in always_open:
            return max(at, start_of_day)
        if calendar.is_working_day(day):
            opens = dt.datetime.combine(day, opening, tzinfo=JAKARTA)
            closes = dt.datetime.combine(day, closing, tzinfo=JAKARTA)
            if at < closes:
                return max(at, opens)
    return at
