"""Writes of the supervision app that people (form, API, demo) make.

Report intake goes through :func:`receive`: parse, scope check, store (``intake.py``),
and one audit event per batch when asked. The single-report API skips the per-request
audit event; :func:`seal_intake` chains every stored version into the audit log.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from kawal.core import audit
from kawal.core.evidence import store_evidence
from kawal.core.models import EvidenceKind
from kawal.elections.models import Election
from kawal.regions.models import Tps
from kawal.supervision.intake import Outcome, Reporter, reporter_for, submit
from kawal.supervision.models import Assignment, ChecklistItem, IntakeSeal, TallyPhoto, TpsReport
from kawal.supervision.submission import Invalid, Submission, parse

MAX_BATCH = 100


@dataclass
class Received:
    """Per item, in the order sent: an :class:`Outcome` or what was wrong with it."""

    items: list[Outcome | Invalid] = field(default_factory=list)

    @property
    def created(self) -> int:
        return sum(1 for i in self.items if isinstance(i, Outcome) and i.status == "created")

    @property
    def duplicates(self) -> int:
        return sum(1 for i in self.items if isinstance(i, Outcome) and i.status == "duplicate")

    def as_list(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for item in self.items:
            if isinstance(item, Outcome):
                out.append(item.as_dict())
            else:
                status = "not_found" if item.not_found else "invalid"
                out.append({"submission_id": item.submission_id, "status": status, "errors": item.errors})
        return out


def receive(
    payloads: Sequence[Any],
    *,
    reporter: Reporter,
    channel: str,
    audit_batch: bool = True,
    default_election: int | None = None,
) -> Received:
    """Check each payload, store the good ones in one transaction, keep the verdict for each."""
    result = Received()
    verdicts: list[Submission | Invalid] = []
    good: list[Submission] = []
    slots: list[int] = []
    for payload in payloads[:MAX_BATCH]:
        item = parse(payload, default_election=default_election)
        if isinstance(item, Submission) and not reporter.may_report(item.tps.id, item.tps.desa_code):
            # Out of scope looks the same as a TPS that does not exist.
            item = Invalid({"tps": _("Unknown TPS.")}, str(item.submission_id), not_found=True)
        verdicts.append(item)
        if isinstance(item, Submission):
            good.append(item)
            slots.append(len(verdicts) - 1)
    result.items = [Invalid() if isinstance(v, Submission) else v for v in verdicts]  # filled in below
    for payload in payloads[MAX_BATCH:]:
        sid = str(payload.get("submission_id", "")) if isinstance(payload, dict) else ""
        result.items.append(Invalid({"__all__": _("At most %(n)d reports per batch.") % {"n": MAX_BATCH}}, sid))
    if not good:
        return result

    def audit_batch_event(outcomes: list[Outcome]) -> None:
        created = [o.report_id for o in outcomes if o.status == "created"]
        if created:
            audit.record(
                "supervision.reports_received",
                actor=reporter.label or None,
                data={"channel": channel, "created": len(created), "duplicates": len(outcomes) - len(created),
                      "report_ids": created},
            )  # fmt: skip

    # One transaction per batch, no savepoint: the intake's own.
    outcomes = submit(good, reporter=reporter, channel=channel, then=audit_batch_event if audit_batch else None)
    for slot, outcome in zip(slots, outcomes, strict=True):
        result.items[slot] = outcome
    return result


def add_photo(report: TpsReport, upload: Any, *, by: Any) -> TallyPhoto:
    """Attach a photo of the C.Hasil to a report; only someone who may report for the TPS may."""
    if not reporter_for(by).may_report(report.tps_id, report.desa_id):
        raise PermissionError
    evidence = store_evidence(upload, by=by, region_code=report.desa_id, kinds=frozenset({EvidenceKind.IMAGE}))
    with transaction.atomic():
        photo, created = TallyPhoto.objects.get_or_create(report=report, evidence=evidence)
        if created:
            audit.record(
                "supervision.photo_added",
                actor=by,
                target=photo,
                region_code=report.desa_id,
                data={"report": report.pk, "sha256": evidence.sha256},
            )
    return photo


def _canonical_report(row: dict[str, Any]) -> bytes:
    return json.dumps(row, sort_keys=True, separators=(",", ":"), default=str).encode()


SEALED_FIELDS = ("id", "submission_id", "election_id", "tps_id", "version", "submitted_by_id", "received_at",
                 "votes", "invalid", "cast", "flags")  # fmt: skip


def seal_intake(*, by: Any = None, limit: int = 200_000) -> IntakeSeal | None:
    """Chain the report versions stored since the last seal into the audit log (one event).

    The digest covers each version's identity, author, time and tally, so a version
    changed or removed afterwards no longer matches its seal.
    """
    with transaction.atomic():
        last = IntakeSeal.objects.select_for_update().aggregate(m=Max("last_report_id"))["m"] or 0
        rows = list(TpsReport.objects.filter(id__gt=last).order_by("id").values(*SEALED_FIELDS)[:limit])
        if not rows:
            return None
        digest = hashlib.sha256()
        for row in rows:
            digest.update(_canonical_report(row))
        seal = IntakeSeal.objects.create(
            first_report_id=rows[0]["id"], last_report_id=rows[-1]["id"], count=len(rows), digest=digest.hexdigest()
        )
        audit.record(
            "supervision.intake_sealed",
            actor=by,
            target=seal,
            data={"first": seal.first_report_id, "last": seal.last_report_id, "count": seal.count,
                  "sha256": seal.digest},
        )  # fmt: skip
    return seal


def verify_seals() -> list[IntakeSeal]:
    """Seals whose report versions no longer match their digest."""
    broken: list[IntakeSeal] = []
    for seal in IntakeSeal.objects.order_by("last_report_id"):
        digest = hashlib.sha256()
        for row in (
            TpsReport.objects.filter(id__gte=seal.first_report_id, id__lte=seal.last_report_id)
            .order_by("id")
            .values(*SEALED_FIELDS)
        ):
            digest.update(_canonical_report(row))
        if digest.hexdigest() != seal.digest:
            broken.append(seal)
    return broken


def orphan_reports() -> list[str]:
    """Report rows pointing at an election, TPS, desa or author that no longer exists.

    The report tables carry no database-level foreign keys (see ``TpsReport``); this is
    the check that replaces them, run by ``manage.py seal_intake --verify``.
    """
    from django.contrib.auth import get_user_model
    from django.db.models import Exists, OuterRef, Q

    from kawal.regions.models import Region
    from kawal.supervision.models import CurrentReport

    def missing(model: Any, field: str) -> Q:
        return Q(~Exists(model.objects.filter(pk=OuterRef(field))))

    parents = missing(Election, "election_id") | missing(Tps, "tps_id") | missing(Region, "desa_id")
    found: list[str] = []
    author = Q(submitted_by_id__isnull=False) & missing(get_user_model(), "submitted_by_id")
    reports = TpsReport.objects.filter(parents | author).values_list("pk", flat=True)[:100]
    found += [f"TPS report {pk}" for pk in reports]
    current = CurrentReport.objects.filter(parents | missing(TpsReport, "report_id")).values_list("pk", flat=True)
    found += [f"current report {pk}" for pk in current[:100]]
    return found


def ensure_checklist(election: Election, items: Sequence[tuple[str, str, str, bool]], *, by: Any = None) -> int:
    """Make the election's checklist hold these (key, label, kind, required) items; returns how many changed."""
    changed = 0
    with transaction.atomic():
        for order, (key, label, kind, required) in enumerate(items):
            _item, created = ChecklistItem.objects.update_or_create(
                election=election,
                key=key,
                defaults={"label": label, "kind": kind, "required": required, "order": order},
            )
            changed += int(created)
        if changed:
            audit.record(
                "supervision.checklist_set", actor=by, target=election, region_code=election.region_id,
                data={"items": [k for k, *_rest in items]},
            )  # fmt: skip
    return changed


def assign_supervisor(
    user: Any, *, role: str, region_code: str, tps: Tps | None = None, letter_number: str = "", by: Any = None
) -> Assignment:
    """Put a supervisor on the roster for an area (and, for a PTPS, a TPS). Idempotent."""
    with transaction.atomic():
        assignment, created = Assignment.objects.get_or_create(
            user=user, role=role, region_id=region_code, tps=tps, defaults={"letter_number": letter_number}
        )
        if created:
            audit.record(
                "supervision.supervisor_assigned", actor=by, target=assignment, region_code=region_code,
                data={"user": user.get_username(), "role": role, "tps": tps.pk if tps else None},
            )  # fmt: skip
    return assignment
