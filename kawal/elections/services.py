"""Writes to cycles, stages, elections and pairs (used by the demo loader and admin tools)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kawal.core import audit
from kawal.elections.models import CandidatePair, Cycle, Election, Stage


def ensure_cycle(name: str, voting_date: dt.date, *, by: Any = None) -> Cycle:
    with transaction.atomic():
        cycle, created = Cycle.objects.get_or_create(name=name, defaults={"voting_date": voting_date})
        if created:
            audit.record("elections.cycle_created", actor=by, target=cycle, data={"name": name})
    return cycle


def set_stage(cycle: Cycle, *, code: str, name: str, start: dt.date, end: dt.date, order: int, by: Any = None) -> Stage:
    if end < start:
        raise ValidationError(_("A stage cannot end before it starts."))
    with transaction.atomic():
        stage, created = Stage.objects.get_or_create(
            cycle=cycle, code=code, defaults={"name": name, "start_date": start, "end_date": end, "order": order}
        )
        if not created and (stage.name, stage.start_date, stage.end_date, stage.order) != (name, start, end, order):
            stage.name, stage.start_date, stage.end_date, stage.order = name, start, end, order
            stage.save()
            created = True
        if created:
            audit.record(
                "elections.stage_set",
                actor=by,
                target=stage,
                data={"code": code, "start": start.isoformat(), "end": end.isoformat()},
            )
    return stage


def ensure_election(
    cycle: Cycle,
    *,
    kind: str,
    region_code: str,
    name: str,
    pairs: Sequence[tuple[str, str]],
    by: Any = None,
) -> Election:
    """Create an election with its pairs; a single pair gets the empty box as number 2."""
    with transaction.atomic():
        election, created = Election.objects.get_or_create(
            cycle=cycle, kind=kind, region_id=region_code, defaults={"name": name}
        )
        if not created:
            return election
        for number, (head, deputy) in enumerate(pairs, start=1):
            CandidatePair.objects.create(election=election, number=number, head_name=head, deputy_name=deputy)
        if len(pairs) == 1:
            CandidatePair.objects.create(election=election, number=2, is_empty_box=True)
        audit.record(
            "elections.election_created",
            actor=by,
            target=election,
            region_code=region_code,
            data={"name": name, "pairs": len(pairs)},
        )
    return election
