"""Rejecting a suggestion is recorded and changes nothing in the case."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kawal.core.models import AuditEvent
from kawal.triage.models import CaseCategory, Field, Status, Suggestion
from kawal.triage.services import reject, suggest_for_case
from tests.conftest import KEBOMAS, Personas


def test_a_rejection_is_recorded_with_who_and_when(personas: Personas, make_case: Callable[..., Any]) -> None:
    case = make_case(personas.panwascam_kebomas, KEBOMAS)
    suggest_for_case(case)
    subject = Suggestion.objects.get(case=case, field=Field.SUBJECT, rank=1)
    reject(subject, by=personas.panwascam_kebomas)
    subject.refresh_from_db()
    assert subject.status == Status.REJECTED
    assert subject.decided_by == personas.panwascam_kebomas and subject.decided_at is not None
    case.refresh_from_db()
    assert case.reported_type == "tidak_diketahui"
    assert not CaseCategory.objects.exists()
    event = AuditEvent.objects.get(action="triage.suggestion_rejected")
    assert event.data == {"suggestion": subject.pk, "field": "subject", "value": "kepala_desa", "rank": 1}
