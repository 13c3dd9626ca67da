"""Background job: read a new case and store its triage suggestions."""

from __future__ import annotations

import logging

from huey.contrib.djhuey import db_task

from kawal.cases.models import Case

from .services import suggest_for_case

log = logging.getLogger(__name__)


@db_task(retries=1, retry_delay=30)
def suggest_for_case_task(case_id: int) -> int:
    """Return how many suggestions were created (0 if the case is gone)."""
    case = Case.objects.filter(pk=case_id).select_related("region").first()
    if case is None:
        return 0
    created = suggest_for_case(case)
    log.info("triage: %d suggestion(s) for case %s", len(created), case_id)  # ids only, never text
    return len(created)
