"""The public check-in page reached from a meeting's QR code or short link (no login, phone-first).

It shows only the meeting's title, time and venue and the names of invited organisations:
no contact details, no list of who has checked in.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_protect

from kawal.coordination import attendance
from kawal.coordination.forms import CheckInForm
from kawal.coordination.models import Meeting, Stakeholder
from kawal.coordination.views.common import add_errors
from kawal.core.throttling import CheckInThrottle, wait_minutes


@csrf_protect
def checkin(request: HttpRequest, token: str) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("region"), checkin_token=token)
    invited = Stakeholder.objects.filter(invitations__meeting=meeting).order_by("name")
    form = CheckInForm(request.POST or None, stakeholders=invited)
    counted = request.method == "POST" and meeting.is_open_for_checkin  # a closed meeting refuses anyway
    minutes = wait_minutes(CheckInThrottle(), request) if counted else None
    if minutes is not None:
        message = ngettext(
            "Too many check-ins from this network address. Try again in %(n)d minute.",
            "Too many check-ins from this network address. Try again in %(n)d minutes.",
            minutes,
        )
        form.add_error(None, message % {"n": minutes})
        return render(request, "coordination/checkin.html", {"meeting": meeting, "form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        data = attendance.CheckInData(
            name=form.cleaned_data["name"],
            position=form.cleaned_data["position"],
            stakeholder_id=form.cleaned_data["stakeholder"],
            organisation=form.cleaned_data["organisation"],
        )
        try:
            person = attendance.public_check_in(meeting, data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            return render(request, "coordination/checkin_done.html", {"meeting": meeting, "attendance": person})
    status = 400 if request.method == "POST" else 200
    return render(request, "coordination/checkin.html", {"meeting": meeting, "form": form}, status=status)
