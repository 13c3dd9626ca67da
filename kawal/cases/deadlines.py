"""Which clocks run on a case and when they are due, derived from its event log and the rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils import timezone

from kawal.core.clocks import Calendar, due_at, due_from_date

from .models import Case, CaseEvent, ClockRule, DayOff

FILING_RULE = "filing"


def calendar() -> Calendar:
    return Calendar.with_days_off(DayOff.objects.values_list("date", flat=True))


def active_rules() -> list[ClockRule]:
    return list(ClockRule.objects.filter(active=True))


def counted_from(event: CaseEvent) -> dt.datetime:
    """When an event counts for the clocks: a report sent outside intake hours counts from the next opening."""
    value = event.data.get("counted_from") if isinstance(event.data, dict) else None
    return dt.datetime.fromisoformat(value) if value else event.at


@dataclass(frozen=True)
class RunningClock:
    rule: ClockRule
    started_at: dt.datetime
    due: dt.datetime
    now: dt.datetime
    paused: bool = False

    @property
    def overdue(self) -> bool:
        return not self.paused and self.now > self.due

    @property
    def left(self) -> dt.timedelta:
        return self.due - self.now

    @property
    def due_soon(self) -> bool:
        return not self.paused and not self.overdue and self.left <= dt.timedelta(hours=self.rule.warn_hours)


def running_clocks(
    case: Case,
    events: Sequence[CaseEvent],
    rules: Iterable[ClockRule],
    cal: Calendar,
    now: dt.datetime | None = None,
) -> list[RunningClock]:
    """Clocks started and not yet stopped, in due order; a new start restarts a clock.

    Time spent paused (between a pause and a resume event) is added to the start, so a
    paused clock's due date moves on while it stands still.
    """
    now = now or timezone.now()
    found: list[RunningClock] = []
    for rule in rules:
        if rule.code == FILING_RULE or (rule.kinds and case.kind not in rule.kinds):
            continue
        started: dt.datetime | None = None
        anchor: dt.datetime | None = None
        paused_at: dt.datetime | None = None
        paused_for = dt.timedelta(0)
        for event in events:
            if event.action == rule.anchor_action:
                anchor = event.at
            if event.action in rule.stop_actions:
                started, paused_at, paused_for = None, None, dt.timedelta(0)
            elif event.action in rule.start_actions:
                started, paused_at, paused_for = counted_from(event), None, dt.timedelta(0)
            elif started is not None and paused_at is None and event.action in rule.pause_actions:
                paused_at = event.at
            elif paused_at is not None and event.action in rule.resume_actions:
                paused_for += max(event.at - paused_at, dt.timedelta(0))
                paused_at = None
        if started is None:
            continue
        if paused_at is not None:
            paused_for += max(now - paused_at, dt.timedelta(0))
        base = anchor if rule.anchor_action and anchor is not None else started
        due = due_at(base + paused_for, rule.amount, rule.unit, cal)
        found.append(RunningClock(rule, started, due, now, paused=paused_at is not None))
    return sorted(found, key=lambda clock: clock.due)


def clocks_for(case: Case, now: dt.datetime | None = None) -> list[RunningClock]:
    events = list(case.events.order_by("at", "id"))
    return running_clocks(case, events, active_rules(), calendar(), now)


def next_due(case: Case) -> dt.datetime | None:
    if not case.is_open:
        return None
    clocks = [clock for clock in clocks_for(case) if not clock.paused]
    return clocks[0].due if clocks else None


def filing_deadline(known_on: dt.date, cal: Calendar | None = None) -> dt.datetime | None:
    """End of the filing window (7 days from the day the violation became known), if the rule is on."""
    rule = ClockRule.objects.filter(code=FILING_RULE, active=True).first()
    if rule is None:
        return None
    return due_from_date(known_on, rule.amount, rule.unit, cal or calendar())


def refresh_due_dates(cases: Iterable[Case] | None = None) -> int:
    """Recompute the cached next due time (after a rule or a day off changed); returns how many changed."""
    changed = 0
    rules, cal = active_rules(), calendar()
    queryset = Case.objects.open() if cases is None else cases
    for case in queryset:
        clocks = [c for c in running_clocks(case, list(case.events.order_by("at", "id")), rules, cal) if not c.paused]
        due = clocks[0].due if clocks else None
        if due != case.next_due_at:
            Case.objects.filter(pk=case.pk).update(next_due_at=due)
            changed += 1
    return changed
