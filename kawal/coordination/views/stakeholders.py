"""Stakeholder list, registration and the page with a stakeholder's whole history."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kawal.coordination import services
from kawal.coordination.forms import ContactForm, StakeholderEditForm, StakeholderForm
from kawal.coordination.models import Attendance, Commitment, Invitation, Meeting, Stakeholder, StakeholderKind
from kawal.coordination.permissions import can_work_in
from kawal.coordination.queries import records
from kawal.coordination.views.common import add_errors, page_of, staff_view
from kawal.core.crypto import mask
from kawal.core.http import AuthedHttpRequest


@staff_view
def stakeholder_list(request: AuthedHttpRequest) -> HttpResponse:
    stakeholders = Stakeholder.objects.visible_to(request.user).select_related("region")
    kind = request.GET.get("jenis", "")
    if kind in StakeholderKind.values:
        stakeholders = stakeholders.filter(kind=kind)
    page = page_of(request, stakeholders.order_by("name", "id"))
    stakeholder_list = list(page.object_list)
    found = records([s.pk for s in stakeholder_list], Meeting.objects.visible_to(request.user))
    form = StakeholderForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.create_stakeholder(
                by=request.user,
                name=form.cleaned_data["name"],
                kind=form.cleaned_data["kind"],
                region_code=form.cleaned_data["region"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect("coordination:stakeholder_detail", pk=created.pk)
    context = {
        "rows": [(s, found[s.pk]) for s in stakeholder_list],
        "kinds": StakeholderKind.choices,
        "kind": kind,
        "form": form,
        "page": page,
    }
    return render(request, "coordination/stakeholder_list.html", context)


@staff_view
def stakeholder_detail(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    stakeholder = get_object_or_404(Stakeholder.objects.visible_to(request.user).select_related("region"), pk=pk)
    meetings = Meeting.objects.visible_to(request.user)
    invitations = (
        Invitation.objects.filter(stakeholder=stakeholder, meeting__in=meetings)
        .select_related("meeting")
        .order_by("-meeting__starts_at")
    )
    attended = dict(
        Attendance.objects.filter(stakeholder=stakeholder, meeting__in=meetings).values_list("meeting_id", "name")
    )
    other_attended = (
        meetings.filter(attendances__stakeholder=stakeholder).exclude(invitations__stakeholder=stakeholder).distinct()
    )
    commitments = (
        Commitment.objects.filter(owner=stakeholder, meeting__in=meetings)
        .select_related("meeting", "stage", "area")
        .order_by("due_date")
    )
    can_edit = can_work_in(request.user, stakeholder.region_id)
    show_full = request.GET.get("tampilkan") == "kontak" and can_edit
    contacts = services.reveal_contacts(stakeholder, by=request.user) if show_full else list(stakeholder.contacts.all())
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_contact(stakeholder, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect("coordination:stakeholder_detail", pk=stakeholder.pk)
    context = {
        "stakeholder": stakeholder,
        "record": records([stakeholder.pk], meetings)[stakeholder.pk],
        "invitations": [(inv, inv.meeting_id in attended) for inv in invitations],
        "other_attended": other_attended,
        "commitments": commitments,
        "today": timezone.localdate(),
        "contacts": [
            (c, c.phone if show_full else mask(c.phone), c.email if show_full else mask(c.email)) for c in contacts
        ],
        "show_full": show_full,
        "has_personal_data": any(c.phone or c.email for c in contacts),
        "form": form,
        "can_edit": can_edit,
        "edit_form": StakeholderEditForm(
            initial={"name": stakeholder.name, "kind": stakeholder.kind, "active": stakeholder.active}
        ),
        "page_title": _("Stakeholder"),
    }
    return render(request, "coordination/stakeholder_detail.html", context)


@staff_view
@require_POST
def stakeholder_edit(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    stakeholder = get_object_or_404(Stakeholder.objects.visible_to(request.user), pk=pk)
    form = StakeholderEditForm(request.POST)
    if form.is_valid():
        try:
            services.update_stakeholder(stakeholder, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The stakeholder has been saved."))
    else:
        for field_errors in form.errors.values():
            for field_error in field_errors:
                messages.error(request, str(field_error))
    return redirect("coordination:stakeholder_detail", pk=stakeholder.pk)
