"""The voting-day checklist editor: which questions the PTPS form asks, per election."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import BaseModelFormSet
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kawal.core.http import AuthedHttpRequest
from kawal.elections.models import Election
from kawal.supervision.checklists import ItemSpec, may_edit, save_checklist
from kawal.supervision.forms import ChecklistFormSet
from kawal.supervision.models import ChecklistItem, TpsReport


@login_required
def checklist_index(request: AuthedHttpRequest) -> HttpResponse:
    elections = [e for e in Election.objects.order_by("kind", "region_id")[:200] if may_edit(request.user, e)]
    if not elections:
        raise Http404
    if len(elections) == 1:
        return redirect("supervision:checklist", election_id=elections[0].pk)
    return render(request, "supervision/checklist_index.html", {"elections": elections})


@login_required
def checklist(request: AuthedHttpRequest, election_id: int) -> HttpResponse:
    election = get_object_or_404(Election, pk=election_id)
    if not may_edit(request.user, election):
        raise Http404
    items = ChecklistItem.objects.filter(election=election).order_by("order", "key")
    formset = ChecklistFormSet(request.POST or None, queryset=items)
    refused: list[str] = []
    if request.method == "POST" and formset.is_valid():
        try:
            changed = save_checklist(election, _specs(formset), by=request.user)
        except ValidationError as error:
            refused = error.messages
        else:
            messages.success(request, _("%(n)d question(s) changed.") % {"n": changed})
            return redirect("supervision:checklist", election_id=election.pk)
    context = {
        "election": election,
        "formset": formset,
        "refused": refused,
        "answered": TpsReport.objects.filter(election=election).exists(),
    }
    return render(request, "supervision/checklist_edit.html", context)


def _specs(formset: BaseModelFormSet[ChecklistItem, Any]) -> list[ItemSpec]:
    specs: list[ItemSpec] = []
    for form in formset.forms:
        data = form.cleaned_data
        if not data or (form.instance.pk is None and not form.has_changed()):
            continue
        specs.append(
            ItemSpec(
                label=data.get("label") or "",
                kind=data.get("kind") or form.instance.kind,
                required=bool(data.get("required")),
                order=data.get("order") or 0,
                pk=form.instance.pk,
                delete=bool(data.get("DELETE")),
            )
        )
    return specs
