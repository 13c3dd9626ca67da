"""New reports and findings are triaged after their creating transaction commits."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save

from kawal.cases.models import Case
from kawal.cases.workflow import Kind

TRIAGED_KINDS = frozenset({Kind.REPORT, Kind.FINDING})
DISPATCH_UID = "kawal.triage.suggest_new_case"


def on_case_saved(sender: type[Case], instance: Case, created: bool, raw: bool = False, **kwargs: Any) -> None:
    if not created or raw or instance.kind not in TRIAGED_KINDS:
        return
    from .tasks import suggest_for_case_task

    case_id = instance.pk
    transaction.on_commit(lambda: suggest_for_case_task(case_id), robust=True)


def connect() -> None:
    post_save.connect(on_case_saved, sender=Case, dispatch_uid=DISPATCH_UID)
