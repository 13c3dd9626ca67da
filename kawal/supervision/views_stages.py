"""Stage supervision pages: tasks, Form A (with PDF), turning a Form A into a temuan, the roster."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kawal.core.http import AuthedHttpRequest
from kawal.core.pdf import pdf_response
from kawal.supervision import stages
from kawal.supervision.forms import CsvUploadForm, FormAForm, TaskForm
from kawal.supervision.models import Assignment, SupervisionReport, SupervisionTask

MAX_CSV = 2 * 1024 * 1024


@login_required
def task_list(request: AuthedHttpRequest) -> HttpResponse:
    may_assign = request.user.is_superuser or request.user.has_role(*stages.TASK_ASSIGNERS)
    form = TaskForm(request.POST or None, user=request.user) if may_assign else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                stages.create_task(**form.cleaned_data, by=request.user)
            except PermissionDenied:
                raise Http404 from None
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Task created."))
                return redirect("supervision:tasks")
    tasks = SupervisionTask.objects.visible_to(request.user).select_related("stage", "region")
    reports = SupervisionReport.objects.visible_to(request.user).select_related("stage", "region")[:50]
    return render(request, "supervision/tasks.html", {"tasks": tasks, "form": form, "reports": reports})


@login_required
def form_a_new(request: AuthedHttpRequest) -> HttpResponse:
    if not (request.user.is_superuser or request.user.has_role(*stages.FORM_A_AUTHORS)):
        raise Http404
    task = None
    if request.GET.get("tugas", "").isdigit():
        task = get_object_or_404(SupervisionTask.objects.visible_to(request.user), pk=request.GET["tugas"])
    membership = request.user.primary_membership
    initial = {
        "supervisor_name": str(request.user),
        "position": membership.position if membership else "",
        **({"stage": task.stage_id, "region": task.region_id, "purpose": task.title} if task else {}),
    }
    form = FormAForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            report = stages.file_form_a({**form.cleaned_data, "task": task}, by=request.user)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Supervision report %(number)s saved.") % {"number": report.number})
            return redirect("supervision:form_a", report_id=report.pk)
    return render(request, "supervision/form_a_edit.html", {"form": form, "task": task})


def _report(request: AuthedHttpRequest, report_id: int) -> SupervisionReport:
    return get_object_or_404(
        SupervisionReport.objects.visible_to(request.user).select_related("stage", "region", "author"), pk=report_id
    )


@login_required
def form_a(request: AuthedHttpRequest, report_id: int) -> HttpResponse:
    report = _report(request, report_id)
    return render(request, "supervision/form_a.html", {"report": report})


@login_required
def form_a_pdf(request: AuthedHttpRequest, report_id: int) -> HttpResponse:
    report = _report(request, report_id)
    filename = "form-a-" + report.number.replace("/", "-") + ".pdf"
    return pdf_response("supervision/pdf/form_a.html", {"report": report}, filename)


@login_required
def form_a_to_finding(request: AuthedHttpRequest, report_id: int) -> HttpResponse:
    if request.method != "POST":
        raise Http404
    report = _report(request, report_id)
    try:
        case = stages.record_as_finding(report, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except Exception as error:  # the cases app refuses (e.g. not a supervisor of the area)
        if error.__class__.__name__ != "TransitionRefused":
            raise
        messages.error(request, str(error))
    else:
        messages.success(request, _("Recorded as finding %(code)s.") % {"code": case.tracking_code})
    return redirect("supervision:form_a", report_id=report.pk)


@login_required
def roster(request: AuthedHttpRequest) -> HttpResponse:
    may_import = request.user.is_superuser or request.user.has_role(*stages.ROSTER_MANAGERS)
    if not may_import and not request.user.has_role("pkd"):
        raise Http404
    form = CsvUploadForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST":
        if not may_import:
            raise Http404
        if form.is_valid():
            upload = form.cleaned_data["csv"]
            if upload.size > MAX_CSV:
                form.add_error("csv", _("The file is larger than 2 MB."))
            else:
                result = stages.import_roster(upload.read(), by=request.user)
                errors = result.errors
                counts = {"ok": result.imported, "same": result.unchanged, "bad": len(result.errors)}
                messages.success(
                    request, _("%(ok)d assignments imported, %(same)d already there, %(bad)d rejected.") % counts
                )
    assignments = Assignment.objects.visible_to(request.user).select_related("user", "region", "tps")[:500]
    return render(request, "supervision/roster.html",
                  {"assignments": assignments, "form": form, "errors": errors, "may_import": may_import})  # fmt: skip
