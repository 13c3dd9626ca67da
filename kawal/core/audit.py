"""Appending to and verifying the audit chain.

Every service write calls :func:`record` inside its transaction. Appends are
serialised by locking the single :class:`AuditHead` row, so the chain stays linear
with many processes writing at once.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from kawal.core.models import AuditEvent, AuditHead

GENESIS_HASH = "0" * 64
MASK = "***"
# Keys whose values never reach the audit log: secrets and personal data.
SECRET_KEY_PATTERN = re.compile(
    r"pass(word)?|token|secret|otp|key|nik|phone|telepon|hp|email|e_mail|address|alamat|birth|lahir",
    re.IGNORECASE,
)


def mask_secrets(data: Any) -> Any:
    """Return ``data`` with the values of secret-looking keys replaced by ``***``."""
    if isinstance(data, Mapping):
        return {str(k): (MASK if SECRET_KEY_PATTERN.search(str(k)) else mask_secrets(v)) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [mask_secrets(v) for v in data]
    if isinstance(data, (str, int, float, bool)) or data is None:
        return data
    return str(data)


def _canonical(event: AuditEvent) -> bytes:
    payload = {
        "created_at": event.created_at.isoformat(),
        "actor": event.actor_id,
        "actor_label": event.actor_label,
        "action": event.action,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "region_code": event.region_code,
        "data": event.data,
        "prev_hash": event.prev_hash,
    }
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def compute_hash(event: AuditEvent) -> str:
    return hashlib.sha256(_canonical(event)).hexdigest()


def _lock_head() -> AuditHead:
    head = AuditHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        AuditHead.objects.get_or_create(pk=1, defaults={"last_hash": GENESIS_HASH})
        head = AuditHead.objects.select_for_update().get(pk=1)
    return head


def record(
    action: str,
    *,
    actor: Any = None,
    target: models.Model | None = None,
    region_code: str = "",
    data: Mapping[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """Append one audit event. Call inside the transaction of the write it describes."""
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    with transaction.atomic():
        head = _lock_head()
        event = AuditEvent(
            created_at=at or timezone.now(),
            actor=actor if is_user else None,
            actor_label=(actor.get_username() if is_user else str(actor or "system"))[:150],
            action=action,
            target_type=target._meta.label_lower if target is not None else "",
            target_id=str(target.pk) if target is not None else "",
            region_code=region_code,
            data=json.loads(json.dumps(mask_secrets(dict(data or {})), default=str)),
            prev_hash=head.last_hash,
        )
        event.hash = compute_hash(event)
        event.save(force_insert=True)
        head.last_hash = event.hash
        head.last_event_id = event.pk
        head.save(update_fields=["last_hash", "last_event_id"])
    return event


@dataclass(frozen=True)
class ChainBreak:
    event_id: int
    reason: str


def verify_chain(batch_size: int = 2000) -> tuple[int, ChainBreak | None]:
    """Check every row in order; return how many were checked and the first break."""
    expected_prev = GENESIS_HASH
    checked = 0
    for event in _iterate(batch_size):
        if event.prev_hash != expected_prev:
            return checked, ChainBreak(event.pk, "previous hash does not match the row before it")
        if compute_hash(event) != event.hash:
            return checked, ChainBreak(event.pk, "row content does not match its hash")
        expected_prev = event.hash
        checked += 1
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None and checked and head.last_hash != expected_prev:
        return checked, ChainBreak(head.last_event_id, "newest rows are missing from the chain")
    return checked, None


def _iterate(batch_size: int) -> Iterator[AuditEvent]:
    last_id = 0
    while True:
        batch = list(AuditEvent.objects.filter(id__gt=last_id).order_by("id")[:batch_size])
        if not batch:
            return
        yield from batch
        last_id = batch[-1].pk
