"""Meeting list, create/edit, the meeting page (invitations, QR check-in, tick-in) and the minutes editor."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kawal.coordination import attendance, commitments, services
from kawal.coordination.forms import (
    CheckInForm,
    CommitmentForm,
    GuestForm,
    InviteForm,
    MeetingForm,
    MinutesForm,
    StatementFormSet,
)
from kawal.coordination.models import Meeting, Minutes, Stakeholder
from kawal.coordination.qr import qr_svg
from kawal.coordination.views.common import add_errors, page_of, staff_view
from kawal.core.http import AuthedHttpRequest


def scoped_meeting(request: AuthedHttpRequest, pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.visible_to(request.user).select_related("region", "stage"), pk=pk)


@staff_view
def meeting_list(request: AuthedHttpRequest) -> HttpResponse:
    meetings = (
        Meeting.objects.visible_to(request.user)
        .select_related("region", "stage")
        .annotate(n_invited=Count("invitations", distinct=True), n_attended=Count("attendances", distinct=True))
        .order_by("-starts_at", "-id")
    )
    page = page_of(request, meetings)
    return render(request, "coordination/meeting_list.html", {"meetings": page.object_list, "page": page})


def _meeting_data(form: MeetingForm) -> services.MeetingData:
    data = form.cleaned_data
    return services.MeetingData(
        title=data["title"],
        purpose=data["purpose"],
        stage=data["stage"],
        starts_at=data["starts_at"],
        ends_at=data["ends_at"],
        venue=data["venue"],
        region_code=data["region"],
        agenda=data["agenda"].splitlines(),
    )


@staff_view
def meeting_create(request: AuthedHttpRequest) -> HttpResponse:
    form = MeetingForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.create_meeting(_meeting_data(form), by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The meeting has been created. Now invite the stakeholders."))
            return redirect("coordination:meeting_detail", pk=meeting.pk)
    return render(request, "coordination/meeting_form.html", {"form": form, "meeting": None})


@staff_view
def meeting_edit(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    meeting = scoped_meeting(request, pk)
    initial = {
        "title": meeting.title,
        "purpose": meeting.purpose,
        "stage": meeting.stage,
        "starts_at": timezone.localtime(meeting.starts_at),
        "ends_at": timezone.localtime(meeting.ends_at) if meeting.ends_at else None,
        "venue": meeting.venue,
        "region": meeting.region_id,
        "agenda": "\n".join(a.title for a in meeting.agenda.all()),
    }
    form = MeetingForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_meeting(meeting, _meeting_data(form), by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The meeting has been saved."))
            return redirect("coordination:meeting_detail", pk=meeting.pk)
    return render(request, "coordination/meeting_form.html", {"form": form, "meeting": meeting})


def checkin_url(request: AuthedHttpRequest, meeting: Meeting) -> str:
    return request.build_absolute_uri(reverse("coordination:checkin", args=[meeting.checkin_token]))


@staff_view
def meeting_detail(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    meeting = scoped_meeting(request, pk)
    invitations = list(meeting.invitations.select_related("stakeholder").order_by("stakeholder__name"))
    invited_ids = [i.stakeholder_id for i in invitations]
    link = checkin_url(request, meeting)
    context: dict[str, Any] = {
        "meeting": meeting,
        "agenda": list(meeting.agenda.all()),
        "invitations": invitations,
        "attendances": list(meeting.attendances.select_related("stakeholder")),
        "commitments": list(meeting.commitments.select_related("owner")),
        "minutes": Minutes.objects.filter(meeting=meeting).first(),
        "invite_form": InviteForm(user=request.user, exclude=invited_ids),
        "guests": list(meeting.guests.all()),
        "guest_form": GuestForm(),
        "checkin_form": CheckInForm(stakeholders=Stakeholder.objects.visible_to(request.user).filter(active=True)),
        "checkin_link": link,
        "qr": qr_svg(link),
        "today": timezone.localdate(),
    }
    return render(request, "coordination/meeting_detail.html", context)


@staff_view
@require_POST
def meeting_invite(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    meeting = scoped_meeting(request, pk)
    raw_ids = request.POST.getlist("stakeholders")
    try:
        invited = services.invite(meeting, raw_ids, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("%(count)d stakeholder(s) invited: %(names)s.")
            % {"count": len(invited), "names": ", ".join(s.name for s in invited) or "—"},
        )
    return redirect("coordination:meeting_detail", pk=meeting.pk)


@staff_view
@require_POST
def meeting_invite_person(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    meeting = scoped_meeting(request, pk)
    form = GuestForm(request.POST)
    if form.is_valid():
        try:
            guest = services.invite_person(meeting, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("%(name)s has been invited.") % {"name": guest.name})
    else:
        for field_errors in form.errors.values():
            for field_error in field_errors:
                messages.error(request, str(field_error))
    return redirect("coordination:meeting_detail", pk=meeting.pk)


@staff_view
@require_POST
def meeting_checkin_toggle(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    meeting = scoped_meeting(request, pk)
    attendance.set_checkin(meeting, by=request.user, open_=request.POST.get("open") == "1")
    return redirect("coordination:meeting_detail", pk=meeting.pk)


@staff_view
@require_POST
def meeting_tick_in(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    meeting = scoped_meeting(request, pk)
    form = CheckInForm(request.POST, stakeholders=Stakeholder.objects.visible_to(request.user).filter(active=True))
    if form.is_valid():
        data = attendance.CheckInData(
            name=form.cleaned_data["name"],
            position=form.cleaned_data["position"],
            stakeholder_id=form.cleaned_data["stakeholder"],
            organisation=form.cleaned_data["organisation"],
        )
        try:
            person = attendance.staff_check_in(meeting, data, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("%(name)s has been ticked in.") % {"name": person.name})
    else:
        for field_errors in form.errors.values():
            for field_error in field_errors:
                messages.error(request, str(field_error))
    return redirect("coordination:meeting_detail", pk=meeting.pk)


def _minutes_page(
    request: AuthedHttpRequest,
    meeting: Meeting,
    form: MinutesForm | None,
    formset: Any,
    commitment_form: CommitmentForm | None,
    status: int = 200,
) -> HttpResponse:
    """The minutes editor with whichever of its forms came back with errors, the others fresh."""
    if form is None or formset is None:
        minutes = Minutes.objects.filter(meeting=meeting).first()
        initial = {"summary": minutes.summary, "decisions": minutes.decisions} if minutes else None
        form = MinutesForm(initial=initial)
        statements = [
            {"speaker": s.speaker, "speaker_role": s.speaker_role, "content": s.content}
            for s in meeting.statements.all()
        ]
        formset = StatementFormSet(initial=statements, prefix="s")
    if commitment_form is None:
        owners = Stakeholder.objects.visible_to(request.user).filter(active=True)
        commitment_form = CommitmentForm(user=request.user, owners=owners, prefix="c")
    context = {
        "meeting": meeting,
        "form": form,
        "formset": formset,
        "commitment_form": commitment_form,
        "commitments": list(meeting.commitments.select_related("owner", "stage", "area")),
    }
    return render(request, "coordination/minutes_form.html", context, status=status)


@staff_view
def minutes_edit(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    """The minutes editor: summary, statements per speaker, decisions; commitments are added below."""
    meeting = scoped_meeting(request, pk)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    statements = [
        {"speaker": s.speaker, "speaker_role": s.speaker_role, "content": s.content} for s in meeting.statements.all()
    ]
    form = MinutesForm(
        request.POST or None, initial={"summary": minutes.summary, "decisions": minutes.decisions} if minutes else None
    )
    formset = StatementFormSet(request.POST or None, initial=statements, prefix="s")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        rows = [
            services.StatementData(speaker=f["speaker"], content=f["content"], speaker_role=f["speaker_role"])
            for f in formset.cleaned_data
            if f and (f.get("speaker") or f.get("content"))
        ]
        try:
            services.save_minutes(meeting, by=request.user, statements=rows, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The minutes have been saved."))
            return redirect("coordination:minutes_edit", pk=meeting.pk)
    return _minutes_page(request, meeting, form, formset, None, status=400 if request.method == "POST" else 200)


@staff_view
@require_POST
def commitment_add(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    meeting = scoped_meeting(request, pk)
    owners = Stakeholder.objects.visible_to(request.user).filter(active=True)
    form = CommitmentForm(request.POST, user=request.user, owners=owners, prefix="c")
    if form.is_valid():
        try:
            commitments.add_commitment(meeting, form.to_data(), by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The commitment has been added."))
            return redirect(reverse("coordination:minutes_edit", args=[meeting.pk]) + "#komitmen")
    return _minutes_page(request, meeting, None, None, form, status=400)
