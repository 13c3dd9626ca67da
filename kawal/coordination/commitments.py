"""Writes to commitments (komitmen/tindak lanjut): taking one on, progress, completion with evidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kawal.coordination.models import (
    PENDING_STATUSES,
    Commitment,
    CommitmentEvidence,
    CommitmentStatus,
    Meeting,
    Stakeholder,
)
from kawal.coordination.permissions import require_staff_in
from kawal.core import audit
from kawal.core.evidence import store_evidence
from kawal.elections.models import Stage
from kawal.regions.models import Region


@dataclass(frozen=True)
class CommitmentData:
    owner_id: int | None
    description: str
    due_date: dt.date | None
    stage: Stage | None = None
    area_code: str = ""
    risk: str = ""


def _owner(by: Any, owner_id: int | None) -> Stakeholder:
    owner = Stakeholder.objects.visible_to(by).filter(pk=owner_id).first() if owner_id else None
    if owner is None:
        raise ValidationError(_("Unknown stakeholder: choose the stakeholder who takes on the commitment."))
    return owner


def _check(meeting: Meeting, data: CommitmentData) -> None:
    if not data.description.strip():
        raise ValidationError(_("Describe what the stakeholder commits to."))
    if data.due_date is None:
        raise ValidationError(_("A commitment needs a due date."))
    if data.due_date < meeting.local_date:
        raise ValidationError(
            _("The due date cannot be before the meeting (%(date)s).")
            % {"date": meeting.local_date.strftime("%d-%m-%Y")},
            code="due_before_meeting",
        )


def _area(code: str) -> Region | None:
    if not code:
        return None
    area = Region.objects.filter(code=code).first()
    if area is None:
        raise ValidationError(_("Unknown region %(code)s.") % {"code": code})
    return area


def add_commitment(meeting: Meeting, data: CommitmentData, *, by: Any) -> Commitment:
    require_staff_in(by, meeting.region_id)
    owner = _owner(by, data.owner_id)
    _check(meeting, data)
    area = _area(data.area_code)
    assert data.due_date is not None
    with transaction.atomic():
        commitment = Commitment.objects.create(
            meeting=meeting,
            owner=owner,
            description=data.description.strip(),
            due_date=data.due_date,
            stage=data.stage,
            area=area,
            risk=data.risk.strip()[:250],
        )
        audit.record(
            "coordination.commitment_added",
            actor=by,
            target=commitment,
            region_code=meeting.region_id,
            data={"meeting": meeting.pk, "owner": owner.pk, "due_date": data.due_date.isoformat()},
        )
    return commitment


def update_commitment(commitment: Commitment, data: CommitmentData, *, by: Any) -> Commitment:
    meeting = commitment.meeting
    require_staff_in(by, meeting.region_id)
    if commitment.status not in PENDING_STATUSES:
        raise ValidationError(_("This commitment has already been closed; reload the page."), code="stale")
    owner = _owner(by, data.owner_id)
    _check(meeting, data)
    area = _area(data.area_code)
    assert data.due_date is not None
    with transaction.atomic():
        commitment.owner, commitment.description, commitment.due_date = owner, data.description.strip(), data.due_date
        commitment.stage, commitment.area, commitment.risk = data.stage, area, data.risk.strip()[:250]
        commitment.save()
        audit.record(
            "coordination.commitment_updated",
            actor=by,
            target=commitment,
            region_code=meeting.region_id,
            data={"owner": owner.pk, "due_date": data.due_date.isoformat()},
        )
    return commitment


def _transition(commitment: Commitment, *, by: Any, to: str, allowed_from: Sequence[str], **fields: Any) -> Commitment:
    """Move a commitment with a conditional update, so two people cannot both act on stale state."""
    with transaction.atomic():
        changed = Commitment.objects.filter(pk=commitment.pk, status__in=allowed_from).update(status=to, **fields)
        if not changed:
            raise ValidationError(_("This commitment has already been closed; reload the page."), code="stale")
        commitment.refresh_from_db()
        audit.record(
            f"coordination.commitment_{to}",
            actor=by,
            target=commitment,
            region_code=commitment.meeting.region_id,
            data={k: v for k, v in fields.items() if k != "completion_note"},
        )
    return commitment


def start_commitment(commitment: Commitment, *, by: Any) -> Commitment:
    require_staff_in(by, commitment.meeting.region_id)
    return _transition(commitment, by=by, to=CommitmentStatus.IN_PROGRESS, allowed_from=[CommitmentStatus.OPEN])


def mark_missed(commitment: Commitment, *, by: Any, today: dt.date | None = None) -> Commitment:
    """Record that the stakeholder did not keep the commitment (only once it is overdue)."""
    require_staff_in(by, commitment.meeting.region_id)
    if not commitment.is_overdue(today):
        raise ValidationError(_("A commitment can only be marked missed after its due date."))
    return _transition(commitment, by=by, to=CommitmentStatus.MISSED, allowed_from=PENDING_STATUSES)


def complete_commitment(
    commitment: Commitment,
    *,
    by: Any,
    note: str,
    files: Sequence[UploadedFile] = (),
    completed_at: dt.datetime | None = None,
) -> Commitment:
    """Mark done with the evidence of completion (a description and/or files)."""
    meeting = commitment.meeting
    require_staff_in(by, meeting.region_id)
    completed_at = completed_at or timezone.now()
    if not note.strip() and not files:
        raise ValidationError(_("Describe or attach the evidence that the commitment was carried out."))
    if completed_at > timezone.now():
        raise ValidationError(_("The completion date cannot be in the future."))
    if timezone.localtime(completed_at).date() < meeting.local_date:
        raise ValidationError(_("The completion date cannot be before the meeting."))
    stored = [store_evidence(upload, by=by, region_code=meeting.region_id) for upload in files]
    with transaction.atomic():
        commitment = _transition(
            commitment,
            by=by,
            to=CommitmentStatus.DONE,
            allowed_from=[*PENDING_STATUSES, CommitmentStatus.MISSED],
            completed_at=completed_at,
            completion_note=note.strip(),
        )
        CommitmentEvidence.objects.bulk_create(
            [CommitmentEvidence(commitment=commitment, evidence=evidence, added_by=by) for evidence in stored]
        )
    return commitment
