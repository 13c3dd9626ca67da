"""Background jobs: receipts and status notices to reporters, digests and clock warnings to handlers.

Times: huey runs with ``utc=True``, so crontabs are in UTC; 00:00 UTC is 07:00 in Jakarta.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from kawal.accounts.models import Membership
from kawal.core.clocks import local
from kawal.core.pdf import render_pdf
from kawal.core.scope import code_covers
from kawal.core.tasks import send_email

from . import deadlines, documents
from .models import Case, CaseEvent
from .workflow import HANDLERS

WARNING_EVENT = "clock_warning"


def public_url(name: str) -> str:
    """An absolute link when ``KAWAL_PUBLIC_URL`` (e.g. https://kawal.example.go.id) is set, else the path."""
    return getattr(settings, "KAWAL_PUBLIC_URL", "").rstrip("/") + reverse(name)


@db_task(retries=2, retry_delay=60)
def send_receipt(case_id: int) -> None:
    """E-mail the reporter the receipt (tanda terima) as a PDF."""
    with translation.override(settings.LANGUAGE_CODE):
        case = Case.objects.get(pk=case_id)
        pdf = render_pdf("cases/pdf/receipt.html", documents.receipt_context(case))
        body = _(
            "Your report has been received by %(org)s.\n\nTracking code: %(code)s\n"
            "Follow its status at %(path)s with this code.\n\nThe receipt is attached."
        ) % {"org": settings.KAWAL_LETTERHEAD["unit"], "code": case.tracking_code, "path": public_url("cases:track")}
        send_email(_("Receipt of your report %(code)s") % {"code": case.tracking_code}, body, [case.reporter_email],
                   attachments=[(f"tanda-terima-{case.tracking_code}.pdf", pdf, "application/pdf")])


@db_task(retries=2, retry_delay=60)
def send_status_notice(case_id: int) -> None:
    """E-mail the reporter the notice of the report's status (pemberitahuan status laporan)."""
    with translation.override(settings.LANGUAGE_CODE):
        case = Case.objects.get(pk=case_id)
        context = documents.status_context(case)
        pdf = render_pdf("cases/pdf/status_notice.html", context)
        body = _("The status of your report %(code)s is now: %(status)s.\n\nThe notice is attached.") % {
            "code": case.tracking_code,
            "status": case.public_status,
        }
        if context["reason"]:
            body += "\n\n" + str(context["reason"])
        if context["complete_by"]:
            body += "\n\n" + _("Please complete the report by %(due)s WIB (2 x 24 hours).") % {
                "due": f"{local(context['complete_by']):%d-%m-%Y %H:%M}"
            }
        send_email(_("Status of your report %(code)s") % {"code": case.tracking_code}, body, [case.reporter_email],
                   attachments=[(f"status-{case.tracking_code}.pdf", pdf, "application/pdf")])


def handlers_of(case: Case, memberships: list[Membership]) -> set[Any]:
    """Who is told about a case: its assigned handler, else every handler covering its area."""
    if case.assigned_to_id and case.assigned_to is not None and case.assigned_to.email:
        return {case.assigned_to}
    return {m.user for m in memberships if code_covers(m.region_id, case.region_code) and m.user.email}


def _handler_memberships() -> list[Membership]:
    return list(Membership.objects.filter(active=True, role__in=HANDLERS).select_related("user"))


def _line(case: Case, due: dt.datetime, now: dt.datetime) -> str:
    state = _("OVERDUE") if due < now else _("due")
    return f"- {case.tracking_code} · {case.title} · {state} {local(due):%d-%m-%Y %H:%M} WIB"


def digest(now: dt.datetime | None = None) -> int:
    """One e-mail per handler listing their cases overdue or due within 24 hours; returns e-mails sent."""
    now = now or timezone.now()
    cases = list(
        Case.objects.open()
        .filter(next_due_at__isnull=False, next_due_at__lte=now + dt.timedelta(hours=24))
        .select_related("assigned_to")
        .order_by("next_due_at")
    )
    memberships = _handler_memberships()
    per_user: dict[Any, list[str]] = defaultdict(list)
    for case in cases:
        assert case.next_due_at is not None
        for user in handlers_of(case, memberships):
            per_user[user].append(_line(case, case.next_due_at, now))
    for user, lines in per_user.items():
        body = _("Cases overdue or due within 24 hours:") + "\n\n" + "\n".join(lines)
        send_email(_("Kawal: %(n)d case(s) need attention today") % {"n": len(lines)}, body, [user.email])
    return len(per_user)


def warn_expiring(now: dt.datetime | None = None) -> int:
    """Warn handlers once per clock when it comes within its rule's warning time; returns warnings sent."""
    now = now or timezone.now()
    horizon = now + dt.timedelta(hours=max([r.warn_hours for r in deadlines.active_rules()] or [24]))
    sent = 0
    memberships = _handler_memberships()
    for case in Case.objects.open().filter(next_due_at__isnull=False, next_due_at__lte=horizon).select_related(
        "assigned_to"
    ):
        warned = {(e.data.get("rule"), e.data.get("due")) for e in case.events.filter(action=WARNING_EVENT)}
        for clock in deadlines.clocks_for(case, now):
            key = (clock.rule.code, clock.due.isoformat())
            if not clock.due_soon or key in warned:
                continue
            recipients = [u.email for u in handlers_of(case, memberships)]
            with transaction.atomic():
                CaseEvent.objects.create(case=case, action=WARNING_EVENT, at=now, actor_label="kawal",
                                         data={"rule": key[0], "due": key[1]})
            body = _("The clock “%(clock)s” on case %(code)s (%(title)s) runs out at %(due)s WIB.") % {
                "clock": clock.rule.name, "code": case.tracking_code, "title": case.title,
                "due": f"{local(clock.due):%d-%m-%Y %H:%M}",
            }
            send_email(_("Kawal: deadline soon on %(code)s") % {"code": case.tracking_code}, body, recipients)
            sent += 1
    return sent


@db_task()
def refresh_open_due_dates() -> int:
    """Recompute every open case's next due date (after a rule or a day off changed)."""
    return deadlines.refresh_due_dates()


@db_periodic_task(crontab(hour="0", minute="0"))
def morning_digest() -> None:
    with translation.override(settings.LANGUAGE_CODE):
        digest()


@db_periodic_task(crontab(minute="*/15"))
def clock_warnings() -> None:
    with translation.override(settings.LANGUAGE_CODE):
        warn_expiring()
