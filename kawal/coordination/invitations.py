"""Invitation e-mails (letter PDF + calendar file) sent to the contacts of invited stakeholders."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from huey.contrib.djhuey import db_task

from kawal.coordination.ical import meeting_ics
from kawal.coordination.models import Contact, GuestInvitation, Invitation, Meeting
from kawal.core.pdf import render_pdf
from kawal.core.tasks import send_email


def letter_context(meeting: Meeting, invitations: Sequence[Invitation | GuestInvitation]) -> dict[str, Any]:
    return {
        "meeting": meeting,
        "agenda": list(meeting.agenda.all()),
        "invitations": invitations,
        "letterhead": settings.KAWAL_LETTERHEAD,
    }


@db_task(retries=2, retry_delay=60)
def send_invitations(meeting_id: int, stakeholder_ids: list[int]) -> int:
    """Background job: one e-mail per invited stakeholder whose contacts have an e-mail address.

    Queued after the invitation is committed (letters are rendered here, not in the web
    request). Returns how many e-mails were queued.
    """
    meeting = Meeting.objects.select_related("region", "stage").get(pk=meeting_id)
    invitations = list(
        Invitation.objects.filter(meeting=meeting, stakeholder_id__in=stakeholder_ids).select_related("stakeholder")
    )
    contacts: dict[int, list[str]] = {}
    for contact in Contact.objects.filter(stakeholder_id__in=stakeholder_ids):
        if contact.email:
            contacts.setdefault(contact.stakeholder_id, []).append(contact.email)
    queued = 0
    with translation.override(settings.LANGUAGE_CODE):
        ics = meeting_ics(meeting)
        for invitation in invitations:
            addresses = contacts.get(invitation.stakeholder_id, [])
            if not addresses:
                continue
            context = letter_context(meeting, [invitation])
            subject = f"Undangan: {meeting.title}"
            body = render_to_string("coordination/email/invitation.txt", context)
            letter = render_pdf("coordination/pdf/invitation.html", context)
            send_email(
                subject,
                body,
                addresses,
                attachments=[
                    ("undangan.pdf", letter, "application/pdf"),
                    ("rapat.ics", ics, "text/calendar; charset=utf-8; method=PUBLISH"),
                ],
            )
            Invitation.objects.filter(pk=invitation.pk).update(emailed_to=len(addresses))
            queued += 1
    return queued


@db_task(retries=2, retry_delay=60)
def send_guest_invitation(guest_id: int) -> int:
    """Background job: the letter and calendar file to one personally invited guest."""
    guest = GuestInvitation.objects.select_related("meeting").filter(pk=guest_id).first()
    if guest is None or not guest.email:
        return 0
    meeting = guest.meeting
    with translation.override(settings.LANGUAGE_CODE):
        context = letter_context(meeting, [guest])
        send_email(
            f"Undangan: {meeting.title}",
            render_to_string("coordination/email/invitation.txt", context),
            [guest.email],
            attachments=[
                ("undangan.pdf", render_pdf("coordination/pdf/invitation.html", context), "application/pdf"),
                ("rapat.ics", meeting_ics(meeting), "text/calendar; charset=utf-8; method=PUBLISH"),
            ],
        )
    GuestInvitation.objects.filter(pk=guest.pk).update(emailed=True)
    return 1
