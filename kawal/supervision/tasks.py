"""Background jobs: chain the received report versions into the audit log, and keep the
running area totals up to date while reports come in."""

from __future__ import annotations

import time

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, lock_task

from kawal.supervision.services import seal_intake
from kawal.supervision.totals import apply_pending

BUSY_SECONDS = 55  # one run per minute keeps applying for most of the minute while reports arrive
PAUSE = 1.0  # seconds between passes: the totals lag the intake by about this much


@db_periodic_task(crontab(minute="*"))
def seal_received_reports() -> int:
    """One audit event for every version stored since the previous seal (none when idle)."""
    seal = seal_intake(by="intake-sealer")
    return seal.count if seal else 0


@db_periodic_task(crontab(minute="*"))
@lock_task("apply-running-totals")
def apply_running_totals(seconds: float = BUSY_SECONDS) -> int:
    """Add pending reports to the area totals; when idle, one query a minute and done."""
    applied = 0
    deadline = time.monotonic() + seconds
    while True:
        found = apply_pending()
        applied += found
        if not found or time.monotonic() >= deadline:
            return applied
        time.sleep(PAUSE)
