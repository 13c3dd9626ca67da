"""Printable documents: invitation letters, attendance list (daftar hadir) and minutes (notulen)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from kawal.coordination.invitations import letter_context
from kawal.coordination.models import GuestInvitation, Invitation, Minutes
from kawal.coordination.views.common import staff_view
from kawal.coordination.views.meetings import scoped_meeting
from kawal.core import audit
from kawal.core.http import AuthedHttpRequest
from kawal.core.pdf import pdf_response


def minutes_context(meeting_pk: int, request: AuthedHttpRequest) -> dict:
    meeting = scoped_meeting(request, meeting_pk)
    return {
        "meeting": meeting,
        "agenda": list(meeting.agenda.all()),
        "minutes": Minutes.objects.filter(meeting=meeting).select_related("written_by").first(),
        "statements": list(meeting.statements.all()),
        "commitments": list(meeting.commitments.select_related("owner")),
        "attendances": list(meeting.attendances.all()),
    }


@staff_view
def invitation_pdf(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    meeting = scoped_meeting(request, pk)
    invitations: list[Invitation | GuestInvitation] = [
        *meeting.invitations.select_related("stakeholder"),
        *meeting.guests.all(),
    ]
    if not invitations:
        messages.error(request, _("Invite at least one stakeholder before printing invitation letters."))
        return redirect("coordination:meeting_detail", pk=meeting.pk)
    context = letter_context(meeting, invitations)
    return pdf_response("coordination/pdf/invitation.html", context, f"undangan-rapat-{meeting.pk}.pdf")


@staff_view
def attendance_pdf(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    meeting = scoped_meeting(request, pk)
    context = {"meeting": meeting, "attendances": list(meeting.attendances.all())}
    audit.record("coordination.attendance_printed", actor=request.user, target=meeting, region_code=meeting.region_id)
    return pdf_response("coordination/pdf/attendance.html", context, f"daftar-hadir-rapat-{meeting.pk}.pdf")


@staff_view
def minutes_pdf(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    context = minutes_context(pk, request)
    return pdf_response("coordination/pdf/minutes.html", context, f"notulen-rapat-{pk}.pdf")


@staff_view
def minutes_print(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    """The HTML the minutes PDF is made from (for checking and for printing from the browser)."""
    from django.conf import settings
    from django.shortcuts import render

    context = {"letterhead": settings.KAWAL_LETTERHEAD, **minutes_context(pk, request)}
    return render(request, "coordination/pdf/minutes.html", context)
