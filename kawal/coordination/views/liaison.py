"""The stakeholder liaison's page: their organisation's meetings and commitments (read only)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kawal.coordination.models import Commitment, Invitation, Stakeholder
from kawal.core.http import AuthedHttpRequest


@login_required
def my_commitments(request: AuthedHttpRequest) -> HttpResponse:
    """Only what belongs to the stakeholders this user is liaison for; nobody else's data."""
    organisations = list(Stakeholder.objects.filter(liaison=request.user, active=True).order_by("name"))
    commitments = (
        Commitment.objects.filter(owner__in=organisations)
        .select_related("owner", "meeting")
        .order_by("status", "due_date", "id")
    )
    invitations = (
        Invitation.objects.filter(stakeholder__in=organisations)
        .select_related("meeting", "stakeholder")
        .order_by("-meeting__starts_at")[:20]
    )
    context = {
        "organisations": organisations,
        "commitments": commitments,
        "invitations": invitations,
        "today": timezone.localdate(),
    }
    return render(request, "coordination/liaison.html", context)
