"""Staff screens: the case list, a case with its timeline and clocks, and the writes on it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kawal.accounts.models import Membership, User
from kawal.core.crypto import mask
from kawal.core.evidence import evidence_response
from kawal.core.http import AuthedHttpRequest
from kawal.core.pdf import pdf_response
from kawal.core.scope import code_covers
from kawal.regions.models import Level, Region

from . import deadlines, documents, editing, services
from .forms import ActionForm, CaseEditForm, CaseForm, EvidenceForm, LinkForm, NoteForm, ReportForm
from .models import Case, CaseEvidence, CaseLink, Channel, LinkKind
from .services import REPORTER_FIELDS, roles_on
from .workflow import HANDLERS, INTAKE_ROLES, SUPERVISORS, Kind, State, TransitionRefused, allowed_actions

PAGE_SIZE = 50


def visible_cases(user: Any) -> Any:
    return Case.objects.visible_to(user)


def _case(request: AuthedHttpRequest, pk: int) -> Case:
    return get_object_or_404(visible_cases(request.user).select_related("region", "tps", "assigned_to"), pk=pk)


@login_required
def case_list(request: AuthedHttpRequest) -> HttpResponse:
    cases = visible_cases(request.user).select_related("region", "assigned_to")
    params = request.GET
    if params.get("jenis") in Kind.values:
        cases = cases.filter(kind=params["jenis"])
    else:  # initial information is kept apart from reports and findings
        cases = cases.exclude(kind=Kind.INFORMATION)
    if params.get("status") in State.values:
        cases = cases.filter(state=params["status"])
    elif params.get("status") != "semua":
        cases = cases.open()
    now = timezone.now()
    due = params.get("tenggat")
    if due == "24jam":
        cases = cases.filter(next_due_at__gte=now, next_due_at__lte=now + dt.timedelta(hours=24))
    elif due == "lewat":
        cases = cases.filter(next_due_at__lt=now)
    kecamatan = params.get("wilayah", "")
    if kecamatan:
        cases = cases.filter(Q(region_id=kecamatan) | Q(region__code__startswith=kecamatan + "."))
    if params.get("saya"):
        cases = cases.filter(assigned_to=request.user)
    query = params.get("q", "").strip()
    if query:
        cases = cases.filter(
            Q(tracking_code__icontains=query) | Q(title__icontains=query) | Q(reported_name__icontains=query)
            | Q(registration_number__icontains=query) | Q(region__name__icontains=query)
        )
    cases = cases.order_by("next_due_at", "-received_at") if due else cases
    page = Paginator(cases, PAGE_SIZE).get_page(params.get("halaman"))
    counts = {
        "due_soon": visible_cases(request.user).open()
        .filter(next_due_at__gte=now, next_due_at__lte=now + dt.timedelta(hours=24)).count(),
        "overdue": visible_cases(request.user).open().filter(next_due_at__lt=now).count(),
        "information": visible_cases(request.user).open().filter(kind=Kind.INFORMATION).count(),
    }
    roles = request.user.roles()
    return render(request, "cases/list.html", {
        "page": page, "now": now, "counts": counts, "kinds": Kind.choices, "states": State.choices,
        "params": params, "can_find": bool(roles & SUPERVISORS), "can_intake": bool(roles & INTAKE_ROLES),
        "areas": Region.objects.visible_to(request.user).filter(level=Level.KECAMATAN).order_by("name"),
    })


def _identity(case: Case, visible: bool) -> list[tuple[str, str]]:
    rows = []
    for name in REPORTER_FIELDS:
        field = Case._meta.get_field(name)
        value = getattr(case, f"get_{name}_display")() if getattr(field, "choices", None) else getattr(case, name)
        if not value:
            continue
        rows.append((Case.label_of(name), str(value) if visible or name == "reporter_status" else mask(str(value))))
    return rows


def _handlers(case: Case) -> list[User]:
    memberships = Membership.objects.filter(active=True, role__in=HANDLERS).select_related("user")
    users = {m.user for m in memberships if m.role == "admin" or code_covers(m.region_id, case.region_code)}
    return sorted(users, key=lambda u: str(u))


@login_required
def case_detail(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    roles = roles_on(request.user, case.region_code)
    links = CaseLink.objects.filter(Q(first=case) | Q(second=case)).select_related("first", "second")
    linked = [(link, link.second if link.first_id == case.pk else link.first) for link in links]
    return render(request, "cases/detail.html", {
        "case": case,
        "identity": _identity(case, services.may_see_identity(request.user, case)),
        "identity_masked": not services.may_see_identity(request.user, case),
        "events": case.events.select_related("actor").order_by("at", "id"),
        "clocks": deadlines.clocks_for(case),
        "actions": allowed_actions(state=case.state, kind=case.kind, roles=roles),
        "notes": case.notes.select_related("author"),
        "evidence": case.evidence.select_related("evidence", "added_by"),
        "linked": linked,
        "handlers": _handlers(case) if roles & HANDLERS else [],
        "can_handle": bool(roles & HANDLERS),
        "can_edit": bool(roles & HANDLERS) and editing.may_edit(case),
        "can_note": bool(roles & (HANDLERS | SUPERVISORS)),
        "action_form": ActionForm(), "note_form": NoteForm(), "link_form": LinkForm(), "evidence_form": EvidenceForm(),
        "link_kinds": LinkKind.choices,
    })


def _done(request: AuthedHttpRequest, case: Case, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("cases:detail", pk=case.pk)


def _refused(request: AuthedHttpRequest, case: Case, message: Any) -> HttpResponse:
    messages.error(request, str(message))
    return redirect("cases:detail", pk=case.pk)


@login_required
@require_POST
def act(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    form = ActionForm(request.POST)
    if not form.is_valid():
        return _refused(request, case, _("The action could not be read; please try again."))
    try:
        services.transition(case, form.cleaned_data["action"], by=request.user, reason=form.cleaned_data["reason"],
                            seen_state=form.cleaned_data["state"] or None)
    except TransitionRefused as refused:
        return _refused(request, case, refused.message)
    return _done(request, case, _("Done: the case is now “%(state)s”.") % {"state": case.get_state_display()})


@login_required
@require_POST
def assign(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    handler_id = request.POST.get("handler") or ""
    handler = User.objects.filter(pk=int(handler_id)).first() if handler_id.isdigit() else None
    try:
        services.assign(case, handler, by=request.user)
    except TransitionRefused as refused:
        return _refused(request, case, refused.message)
    return _done(request, case, _("Handler saved."))


@login_required
@require_POST
def add_note(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _refused(request, case, _("The note is empty or too long."))
    try:
        services.add_note(case, form.cleaned_data["body"], by=request.user)
    except TransitionRefused as refused:
        return _refused(request, case, refused.message)
    return _done(request, case, _("Note saved."))


@login_required
@require_POST
def link(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    form = LinkForm(request.POST)
    if not form.is_valid():
        return _refused(request, case, " ".join(str(e) for errs in form.errors.values() for e in errs))
    other = visible_cases(request.user).filter(tracking_code=form.cleaned_data["code"]).first()
    if other is None:
        return _refused(request, case, _("No case you can see has that tracking code."))
    try:
        services.link_cases(case, other, form.cleaned_data["kind"], by=request.user)
    except TransitionRefused as refused:
        return _refused(request, case, refused.message)
    return _done(request, case, _("Cases linked."))


@login_required
@require_POST
def add_evidence(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    case = _case(request, pk)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        return _refused(request, case, " ".join(str(e) for errs in form.errors.values() for e in errs))
    try:
        services.add_evidence(case, form.cleaned_data["evidence"], by=request.user)
    except TransitionRefused as refused:
        return _refused(request, case, refused.message)
    return _done(request, case, _("Evidence added."))


@login_required
def download_evidence(request: AuthedHttpRequest, pk: int, item: int) -> Any:
    case = _case(request, pk)
    attached = get_object_or_404(CaseEvidence.objects.select_related("evidence"), case=case, pk=item)
    return evidence_response(attached.evidence, by=request.user, region_code=case.region_code)


PDFS = {
    "tanda-terima": ("cases/pdf/receipt.html", documents.receipt_context),
    "pemberitahuan-status": ("cases/pdf/status_notice.html", documents.status_context),
    "penerusan": ("cases/pdf/referral.html", documents.referral_context),
    "kajian": ("cases/pdf/assessment.html", documents.assessment_context),
}


@login_required
def case_pdf(request: AuthedHttpRequest, pk: int, doc: str) -> HttpResponse:
    case = _case(request, pk)
    if doc not in PDFS:
        raise Http404
    template, make_context = PDFS[doc]
    context = make_context(case)
    context["show_identity"] = services.may_see_identity(request.user, case)
    return pdf_response(template, context, f"{doc}-{case.tracking_code}.pdf")


@login_required
@require_http_methods(["GET", "POST"])
def new_case(request: AuthedHttpRequest, kind: str) -> HttpResponse:
    """Staff intake: a temuan, or a laporan received in person on the reporter's behalf."""
    if not request.user.roles() & (INTAKE_ROLES if kind == Kind.REPORT else SUPERVISORS):
        raise Http404
    form_class = ReportForm if kind == Kind.REPORT else CaseForm
    form = form_class(request.POST or None, request.FILES or None, user=request.user)
    if kind == Kind.REPORT:
        form.fields.pop("agree", None)
    if request.method == "POST" and form.is_valid():
        evidence = form.cleaned_data["evidence"]
        try:
            if kind == Kind.REPORT:
                case = services.file_report(form.case_fields(), channel=Channel.IN_PERSON, by=request.user,
                                            evidence=evidence)
            else:
                case = services.record_finding(form.case_fields(), by=request.user, evidence=evidence)
        except TransitionRefused as refused:
            form.add_error(None, str(refused.message))
        else:
            return _done(request, case, _("Recorded with tracking code %(code)s.") % {"code": case.tracking_code})
    return render(request, "cases/new.html", {"form": form, "kind": kind, "kind_label": Kind(kind).label})


@login_required
@require_http_methods(["GET", "POST"])
def edit_case(request: AuthedHttpRequest, pk: int) -> HttpResponse:
    """A handler corrects the event details; every change needs a reason and is on the timeline."""
    case = _case(request, pk)
    if not roles_on(request.user, case.region_code) & HANDLERS:
        raise Http404
    if not editing.may_edit(case):
        return _refused(request, case, _("A closed case can no longer be corrected."))
    form = CaseEditForm(request.POST or None, instance=case, user=request.user,
                        dates_editable=editing.dates_editable(case))
    if request.method == "POST" and form.is_valid():
        try:
            # The form wrote its values onto ``case``; the service compares with the stored row.
            changed = editing.edit_case(case, form.case_fields(), by=request.user, reason=form.cleaned_data["reason"])
        except TransitionRefused as refused:
            form.add_error(None, str(refused.message))
        else:
            if not changed:
                return _done(request, case, _("Nothing was changed."))
            return _done(request, case, _("Corrected: %(fields)s.") % {
                "fields": ", ".join(str(Case.label_of(name)) for name in changed)})
    return render(request, "cases/edit.html", {"form": form, "case": case})
