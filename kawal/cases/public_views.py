"""Public pages (no account): report, anonymous information, receipt, tracking, announcements.

Nothing here renders the reporter's identity: templates receive only the case's public
fields, and tests scan these pages for the reporter's NIK, phone and e-mail.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from kawal.core.pdf import pdf_response
from kawal.core.throttling import PublicIntakeThrottle, PublicTrackingThrottle, wait_minutes

from . import documents, services
from .forms import CaseForm, CompletionForm, ReportForm, TrackForm
from .models import Case, Channel
from .workflow import Kind, State, TransitionRefused


def _public_case(code: str) -> Case:
    return get_object_or_404(Case.objects.select_related("region", "tps"), tracking_code=code)


def _too_many(request: HttpRequest, form: Any, throttle: Any, *, lookups: bool = False) -> bool:
    """Over the address's limit: the form says so and keeps what was typed (answered with 429)."""
    minutes = wait_minutes(throttle, request)
    if minutes is None:
        return False
    if lookups:
        message = ngettext(
            "Too many lookups from this network address. Try again in %(n)d minute.",
            "Too many lookups from this network address. Try again in %(n)d minutes.",
            minutes,
        )
    else:
        message = ngettext(
            "Too many submissions from this network address. Try again in %(n)d minute.",
            "Too many submissions from this network address. Try again in %(n)d minutes.",
            minutes,
        )
    form.add_error(None, message % {"n": minutes})
    return True


@require_http_methods(["GET", "POST"])
def report(request: HttpRequest) -> HttpResponse:
    """The laporan form; a successful report lands on its receipt page."""
    form = ReportForm(request.POST or None, request.FILES or None)
    limited = request.method == "POST" and _too_many(request, form, PublicIntakeThrottle())
    if request.method == "POST" and not limited and form.is_valid():
        try:
            case = services.file_report(
                form.case_fields(), channel=Channel.ONLINE, by=None, evidence=form.cleaned_data["evidence"]
            )
        except TransitionRefused as refused:
            form.add_error(None, str(refused.message))
        else:
            return redirect("cases:receipt", code=case.tracking_code)
    context = {"form": form, "anonymous": False, "limited": limited}
    return render(request, "cases/public/report_form.html", context, status=429 if limited else 200)


@require_http_methods(["GET", "POST"])
def information(request: HttpRequest) -> HttpResponse:
    """Informasi awal: an anonymous tip, without identity."""
    form = CaseForm(request.POST or None, request.FILES or None)
    limited = request.method == "POST" and _too_many(request, form, PublicIntakeThrottle())
    if request.method == "POST" and not limited and form.is_valid():
        case = services.record_information(form.case_fields(), evidence=form.cleaned_data["evidence"])
        return redirect("cases:receipt", code=case.tracking_code)
    context = {"form": form, "anonymous": True, "limited": limited}
    return render(request, "cases/public/report_form.html", context, status=429 if limited else 200)


def receipt(request: HttpRequest, code: str) -> HttpResponse:
    case = _public_case(code)
    return render(request, "cases/public/receipt.html", documents.receipt_context(case))


def receipt_pdf(request: HttpRequest, code: str) -> HttpResponse:
    case = _public_case(code)
    return pdf_response("cases/pdf/receipt.html", documents.receipt_context(case), f"tanda-terima-{code}.pdf")


def status_notice_pdf(request: HttpRequest, code: str) -> HttpResponse:
    """The notice of the report's status (pemberitahuan status laporan), without the reporter's identity."""
    case = _public_case(code)
    if case.kind != Kind.REPORT:
        raise Http404
    return pdf_response("cases/pdf/status_notice.html", documents.status_context(case), f"status-{code}.pdf")


def track(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.GET or None)
    limited = bool(request.GET) and _too_many(request, form, PublicTrackingThrottle(), lookups=True)
    if request.GET and not limited and form.is_valid():
        code = form.cleaned_data["code"]
        if Case.objects.filter(tracking_code=code).exists():
            return redirect("cases:track_detail", code=code)
        form.add_error("code", _("No report has this code. Check it and try again."))
    return render(request, "cases/public/track.html", {"form": form}, status=429 if limited else 200)


@require_http_methods(["GET", "POST"])
def track_detail(request: HttpRequest, code: str) -> HttpResponse:
    """The status by code; while completion is requested, the reporter can send what is missing here."""
    case = _public_case(code)
    waiting = case.state == State.COMPLETENESS_REQUESTED
    form = CompletionForm(request.POST or None, request.FILES or None) if waiting else None
    limited = False
    if request.method == "POST":
        if form is None:
            messages.error(request, _("This report is not waiting for anything from you."))
            return redirect("cases:track_detail", code=code)
        limited = _too_many(request, form, PublicIntakeThrottle())
        if not limited and form.is_valid():
            try:
                services.add_reporter_completion(case, form.cleaned_data["note"], form.cleaned_data["evidence"])
            except TransitionRefused as refused:
                form.add_error(None, str(refused.message))
            else:
                messages.success(request, _("Thank you: what you sent has been added to your report."))
                return redirect("cases:track_detail", code=code)
    notice = documents.status_context(case) if waiting else {}
    context = {
        "case": case, "history": documents.public_history(case), "form": form,
        "request_reason": notice.get("reason", ""), "complete_by": notice.get("complete_by"),
    }
    return render(request, "cases/public/track_detail.html", context, status=429 if limited else 200)


def announcements(request: HttpRequest) -> HttpResponse:
    """Registered reports and findings with their status, as Bawaslu announces them."""
    cases = Case.objects.public().select_related("region").order_by("-received_at", "-id")
    page = Paginator(cases, 25).get_page(request.GET.get("halaman"))
    return render(request, "cases/public/announcements.html", {"page": page, "Kind": Kind})
