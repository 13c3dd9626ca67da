"""Commitments: the follow-up list by stakeholder, one commitment's page and its actions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kawal.coordination import commitments as service
from kawal.coordination.forms import CommitmentForm, CompleteForm
from kawal.coordination.models import Commitment, CommitmentEvidence, Stakeholder
from kawal.coordination.views.common import add_errors, staff_view
from kawal.core.evidence import evidence_response
from kawal.core.http import AuthedHttpRequest


def scoped_commitment(request: AuthedHttpRequest, pk: int) -> Commitment:
    return get_object_or_404(
        Commitment.objects.visible_to(request.user).select_related("meeting", "owner", "stage", "area"), pk=pk
    )


@staff_view
def follow_up(request: AuthedHttpRequest) -> HttpResponse:
    """Open and overdue commitments grouped by the stakeholder who owns them (overdue first)."""
    today = timezone.localdate()
    pending = list(
        Commitment.objects.pending()
        .visible_to(request.user)
        .select_related("owner", "meeting")
        .order_by("owner__name", "due_date", "id")
    )
    groups: dict[int, dict] = {}
    for c in pending:
        group = groups.setdefault(c.owner_id, {"owner": c.owner, "items": [], "overdue": 0})
        group["items"].append(c)
        group["overdue"] += c.is_overdue(today)
    ordered = sorted(groups.values(), key=lambda g: (-g["overdue"], g["owner"].name))
    context = {
        "groups": ordered,
        "today": today,
        "n_pending": len(pending),
        "n_overdue": sum(g["overdue"] for g in ordered),
    }
    return render(request, "coordination/follow_up.html", context)


@staff_view
def commitment_detail(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    commitment = scoped_commitment(request, pk)
    form = CompleteForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        completed_at = None
        if form.cleaned_data["completed_on"]:
            now = timezone.localtime()
            completed_at = now.replace(
                year=form.cleaned_data["completed_on"].year,
                month=form.cleaned_data["completed_on"].month,
                day=form.cleaned_data["completed_on"].day,
            )
            if completed_at > now:
                completed_at = completed_at.replace(hour=0, minute=0, second=0, microsecond=0)
        try:
            service.complete_commitment(
                commitment,
                by=request.user,
                note=form.cleaned_data["note"],
                files=form.cleaned_data["attachments"],
                completed_at=completed_at,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The commitment is marked done."))
            return redirect("coordination:commitment_detail", pk=commitment.pk)
    return _detail(request, commitment, form, edit_form(request, commitment))


def edit_form(request: AuthedHttpRequest, commitment: Commitment, data: object = None) -> CommitmentForm:
    initial = {
        "owner": commitment.owner_id,
        "description": commitment.description,
        "due_date": commitment.due_date,
        "stage": commitment.stage,
        "area": commitment.area_id or "",
        "risk": commitment.risk,
    }
    owners = Stakeholder.objects.visible_to(request.user).filter(active=True)
    return CommitmentForm(data, user=request.user, owners=owners, prefix="c", initial=initial)


def _detail(
    request: AuthedHttpRequest, commitment: Commitment, form: CompleteForm, edit: CommitmentForm
) -> HttpResponse:
    context = {
        "commitment": commitment,
        "evidence": list(commitment.evidence_links.select_related("evidence", "added_by")),
        "form": form,
        "edit_form": edit,
        "today": timezone.localdate(),
    }
    status = 400 if form.errors or edit.errors else 200
    return render(request, "coordination/commitment_detail.html", context, status=status)


@staff_view
@require_POST
def commitment_edit(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    commitment = scoped_commitment(request, pk)
    form = edit_form(request, commitment, request.POST)
    if form.is_valid():
        try:
            service.update_commitment(commitment, form.to_data(), by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The commitment has been saved."))
            return redirect("coordination:commitment_detail", pk=commitment.pk)
    return _detail(request, commitment, CompleteForm(), form)


@staff_view
@require_POST
def commitment_action(request: AuthedHttpRequest, pk: int, action: str) -> HttpResponse:
    commitment = scoped_commitment(request, pk)
    try:
        if action == "mulai":
            service.start_commitment(commitment, by=request.user)
        elif action == "tidak-terpenuhi":
            service.mark_missed(commitment, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("coordination:commitment_detail", pk=commitment.pk)


@staff_view
def evidence_download(request: AuthedHttpRequest, pk: int, link_id: int) -> HttpResponseBase:
    commitment = scoped_commitment(request, pk)
    link = get_object_or_404(CommitmentEvidence.objects.select_related("evidence"), pk=link_id, commitment=commitment)
    return evidence_response(link.evidence, by=request.user, region_code=commitment.meeting.region_id)
