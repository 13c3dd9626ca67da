"""Writes to the attendance list (daftar hadir): opening/closing check-in, phone check-in, staff tick-in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kawal.coordination.models import Attendance, CheckIn, CheckInMethod, Meeting, Stakeholder
from kawal.coordination.permissions import require_staff_in
from kawal.core import audit

PUBLIC_CHECKIN_ACTOR = "public check-in"


def set_checkin(meeting: Meeting, *, by: Any, open_: bool) -> Meeting:
    """Open or close the meeting's attendance list for check-in."""
    require_staff_in(by, meeting.region_id)
    status = CheckIn.OPEN if open_ else CheckIn.CLOSED
    with transaction.atomic():
        Meeting.objects.filter(pk=meeting.pk).update(checkin=status)
        meeting.checkin = status
        audit.record(
            "coordination.checkin_opened" if open_ else "coordination.checkin_closed",
            actor=by,
            target=meeting,
            region_code=meeting.region_id,
        )
    return meeting


@dataclass(frozen=True)
class CheckInData:
    name: str
    position: str = ""
    stakeholder_id: int | None = None  # one of the invited/known stakeholders
    organisation: str = ""  # free text when the organisation is not on the list


def _check_in(
    meeting: Meeting, data: CheckInData, *, method: str, by: Any, allowed: Any, at: dt.datetime | None = None
) -> Attendance:
    name = " ".join(data.name.split())
    if not name:
        raise ValidationError(_("Please fill in your name."))
    stakeholder = None
    if data.stakeholder_id is not None:
        stakeholder = allowed.filter(pk=data.stakeholder_id).first()
        if stakeholder is None:
            raise ValidationError(_("Unknown stakeholder: choose one from the list or write your organisation."))
    organisation = stakeholder.name if stakeholder is not None else " ".join(data.organisation.split())
    if not organisation:
        raise ValidationError(_("Please fill in your organisation."))
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.checkin != CheckIn.OPEN:
            raise ValidationError(_("Check-in for this meeting is closed."), code="closed")
        # A second tap of the button (or a scan from a second phone) does not list a person twice.
        already = locked.attendances.filter(name__iexact=name, organisation__iexact=organisation).first()
        if already is not None:
            return already
        attendance = Attendance.objects.create(
            meeting=locked,
            name=name[:150],
            organisation=organisation[:200],
            position=" ".join(data.position.split())[:150],
            stakeholder=stakeholder,
            checked_in_at=at or timezone.now(),
            method=method,
            recorded_by=by if getattr(by, "is_authenticated", False) else None,
        )
        audit.record(
            "coordination.checked_in",
            actor=by,
            target=attendance,
            region_code=locked.region_id,
            data={"meeting": locked.pk, "method": method, "stakeholder": stakeholder.pk if stakeholder else None},
        )
    return attendance


def public_check_in(meeting: Meeting, data: CheckInData) -> Attendance:
    """A person checks in on their phone from the meeting's QR code / short link (no login)."""
    invited = Stakeholder.objects.filter(invitations__meeting=meeting)
    return _check_in(meeting, data, method=CheckInMethod.QR, by=PUBLIC_CHECKIN_ACTOR, allowed=invited)


def staff_check_in(meeting: Meeting, data: CheckInData, *, by: Any, at: dt.datetime | None = None) -> Attendance:
    """Staff tick a person in (for those without a phone), or copy a paper list with its times (``at``)."""
    require_staff_in(by, meeting.region_id)
    if at is not None and at > timezone.now():
        raise ValidationError(_("The check-in time cannot be in the future."))
    allowed = Stakeholder.objects.visible_to(by)
    return _check_in(meeting, data, method=CheckInMethod.STAFF, by=by, allowed=allowed, at=at)
