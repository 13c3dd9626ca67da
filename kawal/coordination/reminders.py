"""E-mail reminders to stakeholders before their commitments fall due.

Each commitment is claimed with a conditional update before its e-mail is queued, so two
workers running at once never remind twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from kawal.coordination.models import Commitment, Contact
from kawal.core import audit
from kawal.core.tasks import send_email

REMINDER_ACTOR = "reminder job"


def reminder_days() -> int:
    """How many days before the due date the reminder goes out (setting ``KAWAL_COMMITMENT_REMINDER_DAYS``)."""
    return int(getattr(settings, "KAWAL_COMMITMENT_REMINDER_DAYS", 3))


def recipients(commitment: Commitment) -> list[str]:
    addresses = [c.email for c in Contact.objects.filter(stakeholder_id=commitment.owner_id) if c.email]
    liaison = commitment.owner.liaison
    if liaison is not None and liaison.email:
        addresses.append(liaison.email)
    return sorted(set(addresses))


def send_due_reminders(today: dt.date | None = None, *, send: Callable[..., object] = send_email) -> int:
    """Remind the owners of pending commitments due within the reminder window; returns how many."""
    today = today or timezone.localdate()
    horizon = today + dt.timedelta(days=reminder_days())
    due = (
        Commitment.objects.pending()
        .filter(due_date__gte=today, due_date__lte=horizon, reminder_sent_at__isnull=True)
        .select_related("owner__liaison", "meeting")
        .order_by("due_date", "id")
    )
    sent = 0
    for commitment in due:
        to = recipients(commitment)
        if not to:
            continue
        with transaction.atomic():
            claimed = Commitment.objects.filter(pk=commitment.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=timezone.now()
            )
            if not claimed:
                continue
            audit.record(
                "coordination.commitment_reminded",
                actor=REMINDER_ACTOR,
                target=commitment,
                region_code=commitment.meeting.region_id,
                data={"due_date": commitment.due_date.isoformat(), "recipients": len(to)},
            )
            with translation.override(settings.LANGUAGE_CODE):
                subject = str(translation.gettext("Reminder: commitment due %(date)s")) % {
                    "date": commitment.due_date.strftime("%d-%m-%Y")
                }
                body = render_to_string(
                    "coordination/email/reminder.txt",
                    {"c": commitment, "today": today, "letterhead": settings.KAWAL_LETTERHEAD},
                )
            transaction.on_commit(lambda s=subject, b=body, t=to: send(s, b, t))  # type: ignore[misc]
        sent += 1
    return sent
