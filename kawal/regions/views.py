from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from kawal.core.scope import scope_codes
from kawal.regions.models import Level, Region, Tps


@login_required
def index(request: HttpRequest) -> HttpResponse:
    codes = scope_codes(request.user)
    if codes is None:
        from django.conf import settings

        return redirect("regions:detail", code=settings.KAWAL_REGENCY_CODE)
    if not codes:
        raise Http404
    return redirect("regions:detail", code=codes[0])


def _children_with_counts(region: Region) -> list[Region]:
    """Child regions with their desa, TPS and DPT counts, in three grouped queries."""
    children = list(Region.objects.filter(parent=region).order_by("code"))
    if not children or region.level == Level.KECAMATAN:
        per_desa = Tps.objects.filter(desa__parent=region).values("desa_id").annotate(n=Count("id"), dpt=Sum("dpt"))
        counts = {row["desa_id"]: row for row in per_desa}
        for child in children:
            row = counts.get(child.code, {})
            child.desa_count, child.tps_count, child.dpt_sum = 1, row.get("n", 0), row.get("dpt") or 0  # type: ignore[attr-defined]
        return children
    prefix_len = len(region.code) + 3  # the child code length ("35.25" -> "35.25.01")
    desa = Region.objects.filter(level=Level.DESA, code__startswith=region.code + ".")
    tps = Tps.objects.filter(desa__code__startswith=region.code + ".")
    desa_counts: dict[str, int] = {}
    for code in desa.values_list("code", flat=True):
        desa_counts[code[:prefix_len]] = desa_counts.get(code[:prefix_len], 0) + 1
    tps_counts: dict[str, tuple[int, int]] = {}
    for desa_id, dpt in tps.values_list("desa_id", "dpt"):
        n, total = tps_counts.get(desa_id[:prefix_len], (0, 0))
        tps_counts[desa_id[:prefix_len]] = (n + 1, total + dpt)
    for child in children:
        child.desa_count = desa_counts.get(child.code, 0)  # type: ignore[attr-defined]
        child.tps_count, child.dpt_sum = tps_counts.get(child.code, (0, 0))  # type: ignore[attr-defined]
    return children


@login_required
def detail(request: HttpRequest, code: str) -> HttpResponse:
    region = get_object_or_404(Region.objects.visible_to(request.user), code=code)
    context = {
        "region": region,
        "ancestors": [
            a for a in region.ancestors() if Region.objects.visible_to(request.user).filter(pk=a.pk).exists()
        ],
        "children": _children_with_counts(region) if region.level != Level.DESA else [],
        "tps_list": (
            Tps.objects.filter(desa=region).order_by("number") if region.level == Level.DESA else Tps.objects.none()
        ),
        "totals": Tps.objects.filter(Q(desa_id=code) | Q(desa__code__startswith=code + ".")).aggregate(
            n=Count("id"), dpt=Sum("dpt")
        ),
    }
    return render(request, "regions/detail.html", context)
