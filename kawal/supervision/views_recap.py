"""Recap cross-check pages: import KPU's official results, list every difference."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kawal.accounts.models import Role
from kawal.core.http import AuthedHttpRequest
from kawal.core.scope import scope_codes
from kawal.elections.models import Election
from kawal.supervision.recap import differences, import_official

IMPORTERS = (Role.BAWASLU_MEMBER, Role.SECRETARIAT, Role.ADMIN)
MAX_UPLOAD = 5 * 1024 * 1024


def _elections(user: object) -> list[Election]:
    codes = scope_codes(user)
    if codes is None:
        return list(Election.objects.order_by("kind", "region_id"))
    found: dict[int, Election] = {}
    for code in codes:
        for election in Election.objects.covering(code):
            found[election.pk] = election
    return sorted(found.values(), key=lambda e: (e.kind, e.region_id))


@login_required
def recap_index(request: AuthedHttpRequest) -> HttpResponse:
    elections = _elections(request.user)
    if not elections:
        raise Http404
    return redirect("supervision:recap", election_id=elections[0].pk)


@login_required
def recap(request: AuthedHttpRequest, election_id: int) -> HttpResponse:
    elections = _elections(request.user)
    election = next((e for e in elections if e.pk == election_id), None)
    if election is None:
        raise Http404
    election = get_object_or_404(Election, pk=election_id)
    codes = scope_codes(request.user)
    scope = None if codes is None or election.region_id in codes else (codes[0] if codes else None)
    may_import = request.user.is_superuser or request.user.has_role(*IMPORTERS)
    errors = []
    if request.method == "POST":
        if not may_import:
            raise Http404
        upload = request.FILES.get("csv")
        if upload is None or (upload.size or 0) > MAX_UPLOAD:
            messages.error(request, _("Choose a CSV file of at most 5 MB."))
        else:
            result = import_official(election, upload.read(), by=request.user, source=upload.name or "")
            errors = result.errors
            messages.success(
                request,
                _("%(ok)d rows imported, %(bad)d rejected.") % {"ok": result.imported, "bad": len(result.errors)},
            )
            if not errors:
                return redirect("supervision:recap", election_id=election.pk)
    rows = differences(election, scope)
    return render(
        request,
        "supervision/recap.html",
        {"election": election, "elections": elections, "rows": rows, "errors": errors, "may_import": may_import},
    )
