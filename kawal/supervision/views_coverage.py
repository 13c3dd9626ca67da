"""Live coverage and tabulation per area: reported / missing / flagged, and totals per pair.

Figures come from the running totals (``AreaTotal``): one query for the area and its
children, whatever the number of reports. The table refreshes itself with htmx.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from kawal.core.http import AuthedHttpRequest
from kawal.core.scope import code_covers, scope_codes
from kawal.elections.models import Election
from kawal.regions.models import Level, Region, Tps
from kawal.supervision import quality
from kawal.supervision.models import CurrentReport
from kawal.supervision.tabulation import AreaSummary, totals

POLL_SECONDS = 10


def _start_code(user: object) -> str:
    codes = scope_codes(user)
    if codes is None:
        return str(settings.KAWAL_REGENCY_CODE)
    if not codes:
        raise Http404
    return codes[0]


@login_required
def coverage_index(request: AuthedHttpRequest) -> HttpResponse:
    code = _start_code(request.user)
    election = Election.objects.covering(code).order_by("-region_id").first()
    if election is None:
        raise Http404
    return redirect("supervision:coverage", election_id=election.pk, code=code)


def expected_by_child(region: Region) -> dict[str, int]:
    """TPS per child area (one grouped query)."""
    if region.level == Level.KECAMATAN:
        rows = Tps.objects.filter(desa__parent=region).values("desa_id").annotate(n=Count("id"))
        return {row["desa_id"]: row["n"] for row in rows}
    width = len(region.code) + 3
    found: dict[str, int] = {}
    rows = (
        Tps.objects.filter(desa__code__startswith=region.code + ".").values("desa_id").annotate(n=Count("id"))
    )
    for row in rows:
        key = row["desa_id"][:width]
        found[key] = found.get(key, 0) + row["n"]
    return found


@login_required
def coverage(request: AuthedHttpRequest, election_id: int, code: str) -> HttpResponse:
    region = get_object_or_404(Region.objects.visible_to(request.user), code=code)
    election = get_object_or_404(Election.objects.covering(code), pk=election_id)
    pairs = list(election.pairs.all())
    children: list[tuple[Region, AreaSummary]] = []
    stations: list[tuple[Tps, CurrentReport | None]] = []
    if region.level == Level.DESA:
        current = {
            c.tps_id: c
            for c in CurrentReport.objects.filter(election=election, desa=region).select_related("report")
        }
        stations = [(t, current.get(t.pk)) for t in Tps.objects.filter(desa=region).order_by("number")]
        summary = totals(election, [code])[code]
        summary.expected = len(stations)
    else:
        child_regions = list(Region.objects.filter(parent=region).order_by("code"))
        figures = totals(election, [code] + [c.code for c in child_regions])
        expected = expected_by_child(region)
        for child in child_regions:
            figures[child.code].expected = expected.get(child.code, 0)
            children.append((child, figures[child.code]))
        summary = figures[code]
        summary.expected = sum(expected.values())
    flagged = (
        CurrentReport.objects.filter(Q(desa_id=code) | Q(desa__code__startswith=code + "."), election=election)
        .filter(flagged=True)
        .select_related("tps", "desa", "report")
        .order_by("desa_id", "tps__number")[:50]
    )
    context = {
        "region": region,
        "election": election,
        "elections": Election.objects.covering(code),
        "ancestors": [a for a in region.ancestors() if _visible(request.user, a.code)],
        "pairs": pairs,
        "pair_votes": [(p, summary.votes.get(p.number, 0)) for p in pairs],
        "summary": summary,
        "children": children,
        "stations": stations,
        "flagged": [(c, quality.reasons(c.report.flags)) for c in flagged],
        "poll_seconds": POLL_SECONDS,
        "not_counted": summary.not_counted,
    }
    template = "supervision/_coverage_live.html" if request.headers.get("HX-Request") else "supervision/coverage.html"
    return render(request, template, context)


def _visible(user: object, code: str) -> bool:
    codes = scope_codes(user)
    return codes is None or any(code_covers(c, code) for c in codes)
