"""The coordination summary for a period: a page with a chart, and the same figures as PDF and XLSX."""

from __future__ import annotations

import datetime as dt
import io

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kawal.coordination.chart import Bar, bar_chart
from kawal.coordination.forms import PeriodForm
from kawal.coordination.queries import Summary, period_summary
from kawal.coordination.views.common import staff_view
from kawal.core.http import AuthedHttpRequest
from kawal.core.pdf import pdf_response


def _period(request: AuthedHttpRequest) -> tuple[PeriodForm, dt.date, dt.date]:
    today = timezone.localdate()
    default = {"start": today.replace(month=1, day=1), "end": today}
    form = PeriodForm(request.GET if "start" in request.GET else None, initial=default)
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["start"], form.cleaned_data["end"]
    return form, default["start"], default["end"]


def _summary(request: AuthedHttpRequest) -> tuple[PeriodForm, Summary]:
    form, start, end = _period(request)
    return form, period_summary(request.user, start, end)


def _filename(summary: Summary, ext: str) -> str:
    return f"rekap-koordinasi-{summary.start:%Y%m%d}-{summary.end:%Y%m%d}.{ext}"


@staff_view
def summary(request: AuthedHttpRequest) -> HttpResponse:
    form, data = _summary(request)
    attendance_bars = [
        Bar(s.name, r.attendance_rate or 0, f" ({r.attended}/{r.invited})") for s, r in data.rows if r.invited
    ]
    kept_bars = [
        Bar(s.name, r.on_time_rate or 0, f" ({r.done_on_time}/{r.done_on_time + r.done_late + r.missed})")
        for s, r in data.rows
        if r.on_time_rate is not None
    ]
    context = {
        "form": form,
        "summary": data,
        "chart": bar_chart(attendance_bars, title=_("Attendance rate per stakeholder")) if attendance_bars else "",
        "kept_chart": (
            bar_chart(kept_bars, title=_("Commitments kept on time (of those closed)"), colour="#2e7d32")
            if kept_bars
            else ""
        ),
        "query": request.GET.urlencode(),
    }
    return render(request, "coordination/summary.html", context)


@staff_view
def summary_pdf(request: AuthedHttpRequest) -> HttpResponse:
    _form, data = _summary(request)
    return pdf_response("coordination/pdf/summary.html", {"summary": data}, _filename(data, "pdf"))


@staff_view
def summary_xlsx(request: AuthedHttpRequest) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    _form, data = _summary(request)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Stakeholders")[:31]
    header = [
        _("Stakeholder"),
        _("Invited"),
        _("Attended"),
        _("Attendance rate (%)"),
        _("Commitments"),
        pgettext("commitment state", "Done on time"),
        pgettext("commitment state", "Done late"),
        pgettext("commitment state", "Missed"),
        _("Still open"),
        pgettext("commitment state", "Overdue"),
    ]
    sheet.append(header)
    for s, r in data.rows:
        sheet.append(
            [
                s.name,
                r.invited,
                r.attended,
                r.attendance_rate,
                r.commitments,
                r.done_on_time,
                r.done_late,
                r.missed,
                r.pending,
                r.overdue,
            ]
        )
    meetings = book.create_sheet(_("Meetings")[:31])
    meetings.append([_("Date"), _("Title"), _("Venue"), _("Region"), _("Attendees")])
    for m in data.meetings:
        meetings.append(
            [
                timezone.localtime(m.starts_at).strftime("%Y-%m-%d %H:%M"),
                m.title,
                m.venue,
                m.region.display_name,
                m.n_attendees,
            ]
        )
    for ws in (sheet, meetings):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.column_dimensions["A"].width = 40
        ws.column_dimensions["B"].width = 40 if ws is meetings else 12
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(data, "xlsx")}"'
    return response
