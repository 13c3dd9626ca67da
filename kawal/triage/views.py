"""Triage screens: the htmx panel on a case, its standalone page, and the accuracy page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kawal.cases.models import Case, PartyType
from kawal.core.http import AuthedHttpRequest
from kawal.regions.models import Region

from . import services
from .models import FIRST_CHOICE, SECOND_CHOICE, Category, Field, Status, Suggestion

ACTIONS = {"accept": services.accept, "reject": services.reject}


def _case_for(request: AuthedHttpRequest, pk: int) -> Case:
    return get_object_or_404(Case.objects.visible_to(request.user).select_related("region"), pk=pk)


def _rows(case: Case) -> list[dict[str, Any]]:
    """Each suggestion with a readable label for its value."""
    suggestions = list(case.triage_suggestions.select_related("other_case", "decided_by"))
    place_codes = [s.value for s in suggestions if s.field == Field.PLACE]
    regions = {r.code: r for r in Region.objects.filter(code__in=place_codes)}
    categories, subjects = dict(Category.choices), dict(PartyType.choices)
    # a first choice of "unknown" is not offered (it is what a case has without a choice), so its
    # second choice stands alone and says so
    with_first = {s.field for s in suggestions if s.rank == FIRST_CHOICE}
    rows = []
    for s in suggestions:
        if s.field == Field.CATEGORY:
            label = categories.get(s.value, s.value)
        elif s.field == Field.SUBJECT:
            label = subjects.get(s.value, s.value)
        elif s.field == Field.PLACE:
            region = regions.get(s.value)
            label = f"{region.display_name} ({region.code})" if region else s.value
        else:
            label = f"{s.other_case.tracking_code} · {s.other_case.title}" if s.other_case else s.value
        rows.append({
            "suggestion": s, "label": label, "pending": s.status == Status.PENDING, "second": s.rank == SECOND_CHOICE,
            "alone": s.rank == SECOND_CHOICE and s.field not in with_first,
            "close_call": s.rank == FIRST_CHOICE and services.is_close_call(s.explanation),
        })
    return rows


def _render_panel(request: HttpRequest, case: Case, error: str = "") -> HttpResponse:
    context = {"case": case, "rows": _rows(case), "error": error}
    return render(request, "triage/_panel.html", context)


@require_GET
@login_required
def case_panel(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    return _render_panel(request, _case_for(request, pk))


@require_GET
@login_required
def case_page(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    case = _case_for(request, pk)
    return render(request, "triage/case_page.html", {"case": case, "rows": _rows(case)})


def _done(request: AuthedHttpRequest, case: Case, error: str = "") -> HttpResponse:
    if request.headers.get("HX-Request"):  # htmx swaps the panel in place
        return _render_panel(request, case, error)
    if error:
        messages.error(request, error)
    return redirect("triage:case_page", pk=case.pk)


@require_POST
@login_required
def decide(request: AuthedHttpRequest, pk: int, suggestion_pk: int, action: str) -> HttpResponse:
    case = _case_for(request, pk)
    suggestion = get_object_or_404(Suggestion.objects.filter(case=case), pk=suggestion_pk)
    try:
        ACTIONS[action](suggestion, by=request.user)
    except services.TriageRefused as exc:
        return _done(request, case, str(exc.message))
    return _done(request, case)


@require_POST
@login_required
def analyse(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    case = _case_for(request, pk)
    try:
        services.analyse(case, by=request.user)
    except services.TriageRefused as exc:
        return _done(request, case, str(exc.message))
    return _done(request, case)


@require_GET
@login_required
def accuracy(request: AuthedHttpRequest) -> HttpResponse:
    fields, categories = services.accuracy_tables(request.user)
    tables = [(_("Per field"), fields), (_("Category suggestions, by suggested category"), categories)]
    return render(request, "triage/accuracy.html", {"tables": tables})
