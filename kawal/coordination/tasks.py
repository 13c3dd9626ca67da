"""Background jobs of the coordination app (huey)."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from kawal.coordination.reminders import send_due_reminders


@db_periodic_task(crontab(hour="0", minute="5"))  # 07.05 WIB (huey runs on UTC)
def remind_commitments_due() -> int:
    """Every morning: e-mail stakeholders whose commitments fall due within the reminder window."""
    return send_due_reminders()
