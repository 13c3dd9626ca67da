"""Writes to stakeholders, meetings, invitations and minutes.

Attendance lives in :mod:`kawal.coordination.attendance`, commitments in
:mod:`kawal.coordination.commitments`. Each function checks the
actor's role and region scope, writes inside one transaction with one audit event, and
schedules e-mail with ``transaction.on_commit``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kawal.coordination.invitations import send_guest_invitation, send_invitations
from kawal.coordination.models import (
    AgendaItem,
    Contact,
    GuestInvitation,
    Invitation,
    Meeting,
    Minutes,
    Stakeholder,
    Statement,
)
from kawal.coordination.permissions import require_staff_in
from kawal.core import audit
from kawal.elections.models import Stage
from kawal.regions.models import Region


def _region(code: str) -> Region:
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise ValidationError(_("Unknown region %(code)s.") % {"code": code})
    return region


# Stakeholders ------------------------------------------------------------------------------


def create_stakeholder(*, by: Any, name: str, kind: str, region_code: str, liaison: Any = None) -> Stakeholder:
    require_staff_in(by, region_code)
    name = " ".join(name.split())
    if not name:
        raise ValidationError(_("A stakeholder needs a name."))
    region = _region(region_code)
    with transaction.atomic():
        if Stakeholder.objects.filter(name__iexact=name, region=region).exists():
            raise ValidationError(_("%(name)s is already registered in this area.") % {"name": name})
        stakeholder = Stakeholder.objects.create(name=name, kind=kind, region=region, liaison=liaison)
        audit.record(
            "coordination.stakeholder_created",
            actor=by,
            target=stakeholder,
            region_code=region.code,
            data={"name": name, "kind": kind},
        )
    return stakeholder


def update_stakeholder(stakeholder: Stakeholder, *, by: Any, name: str, kind: str, active: bool = True) -> Stakeholder:
    require_staff_in(by, stakeholder.region_id)
    name = " ".join(name.split())
    if not name:
        raise ValidationError(_("A stakeholder needs a name."))
    with transaction.atomic():
        clash = Stakeholder.objects.filter(name__iexact=name, region_id=stakeholder.region_id).exclude(
            pk=stakeholder.pk
        )
        if clash.exists():
            raise ValidationError(_("%(name)s is already registered in this area.") % {"name": name})
        stakeholder.name, stakeholder.kind, stakeholder.active = name, kind, active
        stakeholder.save(update_fields=["name", "kind", "active"])
        audit.record(
            "coordination.stakeholder_updated",
            actor=by,
            target=stakeholder,
            region_code=stakeholder.region_id,
            data={"name": name, "kind": kind, "active": active},
        )
    return stakeholder


def add_contact(
    stakeholder: Stakeholder, *, by: Any, name: str, position: str = "", phone: str = "", email: str = ""
) -> Contact:
    """Add a contact person; phone and e-mail are stored encrypted and never written to the audit log."""
    require_staff_in(by, stakeholder.region_id)
    if not name.strip():
        raise ValidationError(_("A contact person needs a name."))
    with transaction.atomic():
        contact = Contact.objects.create(
            stakeholder=stakeholder,
            name=name.strip(),
            position=position.strip(),
            phone=phone.strip(),
            email=email.strip(),
        )
        audit.record(
            "coordination.contact_added",
            actor=by,
            target=contact,
            region_code=stakeholder.region_id,
            data={"stakeholder": stakeholder.pk, "has_phone": bool(phone), "has_email": bool(email)},
        )
    return contact


def reveal_contacts(stakeholder: Stakeholder, *, by: Any) -> list[Contact]:
    """Contact persons with their phone and e-mail in full; each look is audited (personal data)."""
    require_staff_in(by, stakeholder.region_id)
    contacts = list(stakeholder.contacts.all())
    if contacts:
        with transaction.atomic():
            audit.record(
                "coordination.contacts_viewed",
                actor=by,
                target=stakeholder,
                region_code=stakeholder.region_id,
                data={"contacts": len(contacts)},
            )
    return contacts


# Meetings ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingData:
    title: str
    starts_at: dt.datetime
    venue: str
    region_code: str
    purpose: str = ""
    ends_at: dt.datetime | None = None
    stage: Stage | None = None
    agenda: Sequence[str] = ()


def _check_meeting(data: MeetingData) -> None:
    if not data.title.strip():
        raise ValidationError(_("A meeting needs a title."))
    if not data.venue.strip():
        raise ValidationError(_("A meeting needs a venue."))
    if data.ends_at is not None and data.ends_at < data.starts_at:
        raise ValidationError(_("A meeting cannot end before it starts."))


def _set_agenda(meeting: Meeting, agenda: Iterable[str]) -> None:
    meeting.agenda.all().delete()
    items = [line.strip() for line in agenda if line.strip()]
    AgendaItem.objects.bulk_create(
        [AgendaItem(meeting=meeting, order=i, title=title[:250]) for i, title in enumerate(items, start=1)]
    )


def create_meeting(data: MeetingData, *, by: Any) -> Meeting:
    """Plan a meeting in the organiser's area (a Panwascam only for its own kecamatan)."""
    require_staff_in(by, data.region_code)
    _check_meeting(data)
    region = _region(data.region_code)
    with transaction.atomic():
        meeting = Meeting.objects.create(
            title=data.title.strip(),
            purpose=data.purpose.strip(),
            stage=data.stage,
            starts_at=data.starts_at,
            ends_at=data.ends_at,
            venue=data.venue.strip(),
            region=region,
            organiser=by,
        )
        _set_agenda(meeting, data.agenda)
        audit.record(
            "coordination.meeting_created",
            actor=by,
            target=meeting,
            region_code=region.code,
            data={"title": meeting.title, "starts_at": meeting.starts_at.isoformat(), "venue": meeting.venue},
        )
    return meeting


def update_meeting(meeting: Meeting, data: MeetingData, *, by: Any) -> Meeting:
    require_staff_in(by, meeting.region_id)
    require_staff_in(by, data.region_code)
    _check_meeting(data)
    region = _region(data.region_code)
    with transaction.atomic():
        earliest_due = meeting.commitments.order_by("due_date").values_list("due_date", flat=True).first()
        if earliest_due is not None and earliest_due < timezone.localtime(data.starts_at).date():
            raise ValidationError(_("The meeting cannot move after the due date of one of its commitments."))
        meeting.title, meeting.purpose, meeting.stage = data.title.strip(), data.purpose.strip(), data.stage
        meeting.starts_at, meeting.ends_at, meeting.venue, meeting.region = (
            data.starts_at,
            data.ends_at,
            data.venue.strip(),
            region,
        )
        meeting.save()
        _set_agenda(meeting, data.agenda)
        audit.record(
            "coordination.meeting_updated",
            actor=by,
            target=meeting,
            region_code=region.code,
            data={"title": meeting.title, "starts_at": meeting.starts_at.isoformat(), "venue": meeting.venue},
        )
    return meeting


# Invitations -------------------------------------------------------------------------------


def invite(
    meeting: Meeting, stakeholder_ids: Iterable[int | str], *, by: Any, at: dt.datetime | None = None
) -> list[Stakeholder]:
    """Invite stakeholders (known to the actor) and e-mail their contacts the letter and a calendar file.

    ``at`` records an invitation sent earlier on paper (the letter's date). Returns the newly
    invited stakeholders; those already invited are left as they are.
    """
    require_staff_in(by, meeting.region_id)
    wanted: set[int] = set()
    for raw in stakeholder_ids:
        try:
            wanted.add(int(raw))
        except (TypeError, ValueError):
            raise ValidationError(_("Unknown stakeholder: %(value)s.") % {"value": raw}) from None
    known = {s.pk: s for s in Stakeholder.objects.visible_to(by).filter(pk__in=wanted, active=True)}
    unknown = sorted(wanted - known.keys())
    if unknown:
        raise ValidationError(
            _("Unknown stakeholder: %(value)s.") % {"value": ", ".join(str(pk) for pk in unknown)}, code="unknown"
        )
    if not wanted:
        raise ValidationError(_("Choose at least one stakeholder to invite."))
    with transaction.atomic():
        already = set(meeting.invitations.filter(stakeholder_id__in=wanted).values_list("stakeholder_id", flat=True))
        new = [known[pk] for pk in sorted(wanted - already)]
        when = at or timezone.now()
        invitations = Invitation.objects.bulk_create(
            [Invitation(meeting=meeting, stakeholder=s, invited_at=when) for s in new]
        )
        audit.record(
            "coordination.stakeholders_invited",
            actor=by,
            target=meeting,
            region_code=meeting.region_id,
            data={"stakeholders": [s.pk for s in new]},
        )
        if invitations:
            transaction.on_commit(lambda: send_invitations(meeting.pk, [s.pk for s in new]))
    return new


def invite_person(
    meeting: Meeting, *, by: Any, name: str, position: str = "", email: str = "", at: dt.datetime | None = None
) -> GuestInvitation:
    """Invite a person in their own right; with an e-mail address they get the letter and calendar file."""
    require_staff_in(by, meeting.region_id)
    name = " ".join(name.split())
    if not name:
        raise ValidationError(_("Fill in the name of the person to invite."))
    with transaction.atomic():
        if meeting.guests.filter(name__iexact=name).exists():
            raise ValidationError(_("%(name)s is already invited to this meeting.") % {"name": name})
        guest = GuestInvitation.objects.create(
            meeting=meeting,
            name=name[:150],
            position=" ".join(position.split())[:200],
            email=email.strip(),
            invited_at=at or timezone.now(),
        )
        audit.record(
            "coordination.person_invited",
            actor=by,
            target=guest,
            region_code=meeting.region_id,
            data={"meeting": meeting.pk, "has_email": bool(email.strip())},
        )
        if guest.email:
            transaction.on_commit(lambda: send_guest_invitation(guest.pk))
    return guest


# Minutes -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatementData:
    speaker: str
    content: str
    speaker_role: str = ""


def save_minutes(
    meeting: Meeting, *, by: Any, summary: str, decisions: str, statements: Sequence[StatementData]
) -> Minutes:
    """Write or rewrite the minutes (notulen): summary, statements per speaker, decisions."""
    require_staff_in(by, meeting.region_id)
    for item in statements:
        if not item.speaker.strip() or not item.content.strip():
            raise ValidationError(_("Each statement needs a speaker and what they said."))
    with transaction.atomic():
        minutes, _created = Minutes.objects.update_or_create(
            meeting=meeting, defaults={"summary": summary.strip(), "decisions": decisions.strip(), "written_by": by}
        )
        meeting.statements.all().delete()
        Statement.objects.bulk_create(
            [
                Statement(
                    meeting=meeting,
                    order=i,
                    speaker=item.speaker.strip()[:150],
                    speaker_role=item.speaker_role.strip()[:200],
                    content=item.content.strip(),
                )
                for i, item in enumerate(statements, start=1)
            ]
        )
        audit.record(
            "coordination.minutes_saved",
            actor=by,
            target=minutes,
            region_code=meeting.region_id,
            data={"meeting": meeting.pk, "statements": len(statements), "decisions": len(minutes.decision_list)},
        )
    return minutes
