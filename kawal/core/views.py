from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kawal.accounts.models import Membership
from kawal.core.scope import ALL_REGIONS, region_q, scope_codes
from kawal.elections.models import Election
from kawal.regions.models import Level, Region, Tps


def scope_numbers(user: Any) -> dict[str, Any]:
    """Counts of regions, TPS, voters and people within the user's scope."""
    regions = Region.objects.visible_to(user)
    by_level = dict(regions.values_list("level").annotate(n=Count("code")).values_list("level", "n"))
    tps = Tps.objects.visible_to(user).aggregate(n=Count("id"), dpt=Sum("dpt"))
    codes = scope_codes(user)
    memberships = Membership.objects.filter(active=True)
    if codes is not ALL_REGIONS:
        memberships = memberships.filter(region_q("region", codes or []))
    return {
        "kecamatan": by_level.get(Level.KECAMATAN, 0),
        "desa": by_level.get(Level.DESA, 0),
        "tps": tps["n"] or 0,
        "dpt": tps["dpt"] or 0,
        "people": memberships.values("user").distinct().count(),
    }


def home(request: HttpRequest) -> HttpResponse:
    """Staff see their area's numbers; visitors see the public entry points."""
    if not request.user.is_authenticated:
        return render(request, "core/public_home.html")
    return staff_home(request)


@login_required
def staff_home(request: HttpRequest) -> HttpResponse:
    user = request.user
    codes = scope_codes(user)
    top = Region.objects.filter(code__in=codes).order_by("code") if codes else Region.objects.none()
    elections = Election.objects.select_related("region").prefetch_related("pairs")
    if codes is not ALL_REGIONS:
        wanted: set[str] = set()
        for code in codes or []:
            parts = code.split(".")
            wanted |= {".".join(parts[:i]) for i in range(1, len(parts) + 1)}
        elections = elections.filter(region_id__in=wanted)
    context = {
        "numbers": scope_numbers(user),
        "scope_regions": top,
        "memberships": user.active_memberships(),  # type: ignore[union-attr]
        "elections": elections,
    }
    return render(request, "core/home.html", context)
