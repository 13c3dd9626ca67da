"""The PTPS voting-day form (mobile-first, works offline) and the report page."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kawal.core.evidence import evidence_response
from kawal.core.http import AuthedHttpRequest
from kawal.core.scope import code_covers
from kawal.elections.models import Election
from kawal.regions.models import Tps
from kawal.supervision import quality
from kawal.supervision.intake import Reporter, reporter_for
from kawal.supervision.models import Channel, ChecklistItem, CurrentReport, TallyPhoto, TpsReport
from kawal.supervision.services import add_photo, receive
from kawal.supervision.submission import COUNT_FIELDS, Invalid

STATIC = Path(__file__).resolve().parent / "static" / "supervision"


def reportable_tps(user: Any, reporter: Reporter) -> list[Tps]:
    stations = Tps.objects.visible_to(user).select_related("desa").order_by("desa_id", "number")
    if reporter.tps_ids is not None:
        stations = stations.filter(pk__in=reporter.tps_ids)
    return list(stations[:200])


def elections_for(stations: list[Tps]) -> list[Election]:
    desa_codes = {s.desa_id for s in stations}
    prefixes: set[str] = set()
    for code in desa_codes:
        parts = code.split(".")
        prefixes.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return list(Election.objects.filter(region_id__in=prefixes).order_by("kind", "region_id"))


@login_required
@never_cache
def report_form(request: AuthedHttpRequest, election_id: int | None = None) -> HttpResponse:
    reporter = reporter_for(request.user)
    stations = reportable_tps(request.user, reporter)
    elections = elections_for(stations)
    if election_id is None:
        if len(elections) == 1:
            return redirect("supervision:report_form_election", election_id=elections[0].pk)
        return render(request, "supervision/report_choose.html", {"elections": elections, "stations": stations})
    election = next((e for e in elections if e.pk == election_id), None)
    if election is None:
        raise Http404
    stations = [s for s in stations if code_covers(election.region_id, s.desa_id)]
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    if request.method == "POST":
        payload = form_payload(request.POST, election)
        result = receive([payload], reporter=reporter, channel=Channel.WEB)
        [item] = result.items
        if isinstance(item, Invalid):
            errors, values = item.errors, request.POST.dict()
            messages.error(request, _("The report was not saved. Please correct the marked fields."))
        else:
            if item.status == "duplicate":
                messages.success(request, _("This report had already been received; nothing was added."))
            else:
                messages.success(request, _("Report received (version %(v)d).") % {"v": item.version})
            _attach_photo(request, item.report_id)
            return redirect("supervision:report_detail", report_id=item.report_id)
    context = {
        "election": election,
        "elections": elections,
        "stations": stations,
        "pair_rows": [(p, values.get(f"votes.{p.number}", "")) for p in election.pairs.all()],
        "checklist": list(ChecklistItem.objects.filter(election=election)),
        "submission_id": values.get("submission_id") or uuid.uuid4(),
        "errors": errors,
        "values": values,
        "counts": COUNT_FIELDS,
    }
    return render(request, "supervision/report_form.html", context)


def _attach_photo(request: AuthedHttpRequest, report_id: int) -> None:
    """The photo sent with the form (without JavaScript); the report is kept even if it is refused."""
    upload = request.FILES.get("photo")
    if upload is None:
        return
    report = TpsReport.objects.get(pk=report_id)
    try:
        add_photo(report, upload, by=request.user)
    except ValidationError as error:
        messages.error(request, _("The report was saved, but the photo was refused: %(why)s") % {
            "why": " ".join(error.messages)})  # fmt: skip
    except PermissionError:
        messages.error(request, _("The report was saved, but you may not add a photo to it."))


def form_payload(post: Any, election: Election) -> dict[str, Any]:
    """The JSON payload the API takes, from the form's flat fields (votes.N, checklist.KEY)."""
    payload: dict[str, Any] = {name: post.get(name, "") for name in COUNT_FIELDS}
    payload.update(
        submission_id=post.get("submission_id", ""),
        election=election.pk,
        tps=post.get("tps", ""),
        note=post.get("note", ""),
        votes={k.split(".", 1)[1]: v for k, v in post.items() if k.startswith("votes.")},
        checklist={k.split(".", 1)[1]: v for k, v in post.items() if k.startswith("checklist.") and v != ""},
    )
    return payload


@login_required
def report_detail(request: AuthedHttpRequest, report_id: int) -> HttpResponse:
    report = get_object_or_404(
        TpsReport.objects.visible_to(request.user).select_related("tps", "desa", "election", "submitted_by"),
        pk=report_id,
    )
    versions = list(
        TpsReport.objects.filter(tps_id=report.tps_id, election_id=report.election_id)
        .select_related("submitted_by")
        .order_by("-version")
    )
    current = CurrentReport.objects.filter(tps_id=report.tps_id, election_id=report.election_id).first()
    photos = TallyPhoto.objects.filter(
        report__tps_id=report.tps_id, report__election_id=report.election_id
    ).select_related("evidence")
    pairs = {str(p.number): p for p in report.election.pairs.all()}
    return render(
        request,
        "supervision/report_detail.html",
        {
            "report": report,
            "versions": versions,
            "current_id": current.report_id if current else None,
            "reasons": quality.reasons(report.flags),
            "votes": [(pairs.get(n), v) for n, v in sorted(report.votes.items(), key=lambda kv: int(kv[0]))],
            "photos": photos,
            "may_add_photo": reporter_for(request.user).may_report(report.tps_id, report.desa_id),
        },
    )


@login_required
@require_POST
def report_photo(request: AuthedHttpRequest, report_id: int) -> HttpResponse:
    report = get_object_or_404(TpsReport.objects.visible_to(request.user), pk=report_id)
    upload = request.FILES.get("photo")
    if upload is None:
        messages.error(request, _("Choose a photo of the C.Hasil first."))
        return redirect("supervision:report_detail", report_id=report.pk)
    try:
        add_photo(report, upload, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionError:
        raise Http404 from None
    else:
        messages.success(request, _("Photo added."))
    return redirect("supervision:report_detail", report_id=report.pk)


@login_required
def photo_download(request: AuthedHttpRequest, photo_id: int) -> HttpResponseBase:
    visible = TpsReport.objects.visible_to(request.user).values("pk")
    photos = TallyPhoto.objects.select_related("evidence", "report")
    photo = get_object_or_404(photos, Q(report__in=visible), pk=photo_id)
    return evidence_response(photo.evidence, by=request.user, region_code=photo.report.desa_id, inline=True)


def service_worker(request: AuthedHttpRequest) -> HttpResponse:
    """The service worker, served under /pengawasan/ so it may control the form pages."""
    response = HttpResponse((STATIC / "sw.js").read_bytes(), content_type="application/javascript")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/pengawasan/"
    return response
