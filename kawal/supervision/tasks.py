"""Background jobs: chain the report versions received into the audit log, every minute."""

from __future__ import annotations

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from kawal.supervision.services import seal_intake


@db_periodic_task(crontab(minute="*"))
def seal_received_reports() -> int:
    """One audit event for every version stored since the previous seal (none when idle)."""
    seal = seal_intake(by="intake-sealer")
    return seal.count if seal else 0
