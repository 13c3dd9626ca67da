"""Read-side figures: a stakeholder's record and the coordination summary for a period.

Every figure is a grouped query, so pages cost the same number of queries for five
stakeholders or five hundred.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from kawal.coordination.models import (
    PENDING_STATUSES,
    Attendance,
    Commitment,
    CommitmentStatus,
    Invitation,
    Meeting,
    Stakeholder,
)


@dataclass
class Record:
    """How a stakeholder has taken part: meetings invited/attended, commitments kept."""

    invited: int = 0
    attended: int = 0
    commitments: int = 0
    done_on_time: int = 0
    done_late: int = 0
    missed: int = 0
    pending: int = 0
    overdue: int = 0

    @property
    def attendance_rate(self) -> int | None:
        return round(100 * self.attended / self.invited) if self.invited else None

    @property
    def on_time_rate(self) -> int | None:
        closed = self.done_on_time + self.done_late + self.missed
        return round(100 * self.done_on_time / closed) if closed else None


def commitment_counts(commitments: QuerySet[Commitment], today: dt.date) -> QuerySet[Any]:
    return commitments.values("owner_id").annotate(
        total=Count("id"),
        done_on_time=Count("id", filter=Q(status=CommitmentStatus.DONE, completed_at__date__lte=F("due_date"))),
        done_late=Count("id", filter=Q(status=CommitmentStatus.DONE, completed_at__date__gt=F("due_date"))),
        missed=Count("id", filter=Q(status=CommitmentStatus.MISSED)),
        pending=Count("id", filter=Q(status__in=PENDING_STATUSES)),
        overdue=Count("id", filter=Q(status__in=PENDING_STATUSES, due_date__lt=today)),
    )


def records(stakeholder_ids: list[int], meetings: QuerySet[Meeting], today: dt.date | None = None) -> dict[int, Record]:
    """Records of the given stakeholders over ``meetings`` (already scoped to the viewer): 3 queries."""
    today = today or timezone.localdate()
    found = {pk: Record() for pk in stakeholder_ids}
    invited = (
        Invitation.objects.filter(meeting__in=meetings, stakeholder_id__in=stakeholder_ids)
        .values("stakeholder_id")
        .annotate(n=Count("meeting_id", distinct=True))
    )
    for row in invited:
        found[row["stakeholder_id"]].invited = row["n"]
    attended = (
        Attendance.objects.filter(meeting__in=meetings, stakeholder_id__in=stakeholder_ids)
        .values("stakeholder_id")
        .annotate(n=Count("meeting_id", distinct=True))
    )
    for row in attended:
        found[row["stakeholder_id"]].attended = row["n"]
    commitments = Commitment.objects.filter(meeting__in=meetings, owner_id__in=stakeholder_ids)
    for row in commitment_counts(commitments, today):
        record = found[row["owner_id"]]
        record.commitments = row["total"]
        record.done_on_time, record.done_late, record.missed = row["done_on_time"], row["done_late"], row["missed"]
        record.pending, record.overdue = row["pending"], row["overdue"]
    return found


@dataclass
class Summary:
    start: dt.date
    end: dt.date
    meetings: list[Any]  # meetings annotated with n_attendees
    rows: list[tuple[Stakeholder, Record]]
    totals: Record = field(default_factory=Record)
    attendees: int = 0


def period_summary(user: Any, start: dt.date, end: dt.date, today: dt.date | None = None) -> Summary:
    """Meetings held in [start, end], attendance per stakeholder, and the commitments taken on at them."""
    meetings = Meeting.objects.visible_to(user).filter(starts_at__date__gte=start, starts_at__date__lte=end)
    meeting_list = list(
        meetings.select_related("region").annotate(n_attendees=Count("attendances")).order_by("starts_at")
    )
    involved = set(Invitation.objects.filter(meeting__in=meetings).values_list("stakeholder_id", flat=True))
    involved |= set(Commitment.objects.filter(meeting__in=meetings).values_list("owner_id", flat=True))
    stakeholders = list(Stakeholder.objects.filter(pk__in=involved).order_by("name"))
    found = records([s.pk for s in stakeholders], meetings, today)
    totals = Record()
    for record in found.values():
        for name in ("invited", "attended", "commitments", "done_on_time", "done_late", "missed", "pending", "overdue"):
            setattr(totals, name, getattr(totals, name) + getattr(record, name))
    return Summary(
        start=start,
        end=end,
        meetings=meeting_list,
        rows=[(s, found[s.pk]) for s in stakeholders],
        totals=totals,
        attendees=sum(m.n_attendees for m in meeting_list),
    )
