"""Supervision fixtures: Gresik's two elections on the shared small Gresik, and report payloads."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from kawal.elections.models import Cycle, Election, ElectionKind
from kawal.elections.services import ensure_election
from kawal.regions.models import Region, Tps
from kawal.supervision.lookups import lookups
from kawal.supervision.models import ChecklistItem
from tests.conftest import RANDUAGUNG


@pytest.fixture(autouse=True)
def _fresh_lookups() -> Iterator[None]:
    lookups.clear()
    yield
    lookups.clear()


def make_pilbup() -> Election:
    """Pilbup Gresik: one pair and the empty box, with a two-question checklist."""
    cycle, _ = Cycle.objects.get_or_create(
        name="Pemilihan Serentak 2024", defaults={"voting_date": dt.date(2024, 11, 27)}
    )
    election = ensure_election(
        cycle, kind=ElectionKind.REGENT, region_code="35.25", name="Pilbup Gresik",
        pairs=[("Fandi Akhmad Yani", "Asluchul Alif")],
    )  # fmt: skip
    ChecklistItem.objects.get_or_create(
        election=election, key="opened_at", defaults={"label": "Jam TPS dibuka", "kind": "time", "required": True}
    )
    ChecklistItem.objects.get_or_create(
        election=election, key="witnesses_present", defaults={"label": "Saksi hadir", "kind": "yesno"}
    )
    return election


@pytest.fixture
def pilbup(gresik: dict[str, Region]) -> Election:
    return make_pilbup()


@pytest.fixture
def pilgub(gresik: dict[str, Region]) -> Election:
    cycle, _ = Cycle.objects.get_or_create(
        name="Pemilihan Serentak 2024", defaults={"voting_date": dt.date(2024, 11, 27)}
    )
    return ensure_election(
        cycle, kind=ElectionKind.GOVERNOR, region_code="35", name="Pilgub Jatim",
        pairs=[("Luluk", "Lukman"), ("Khofifah", "Emil"), ("Risma", "Gus Hans")],
    )  # fmt: skip


def tps(desa: str = RANDUAGUNG, number: int = 1) -> Tps:
    return Tps.objects.get(desa_id=desa, number=number)


def payload(election: Election, station: Tps, votes: dict[str, int] | None = None, **changes: Any) -> dict[str, Any]:
    """A consistent report: 300 valid + 10 invalid = 310 cast of 500 registered."""
    votes = votes if votes is not None else {str(p.number): 0 for p in election.pairs.all()}
    if not any(votes.values()):
        numbers = sorted(votes)
        votes = {n: (300 // len(numbers)) + (300 % len(numbers) if i == 0 else 0) for i, n in enumerate(numbers)}
    cast = sum(votes.values()) + changes.get("invalid", 10)
    data: dict[str, Any] = {
        "submission_id": str(uuid.uuid4()),
        "election": election.pk,
        "tps": station.pk,
        "submitted_at": "2024-11-27T14:05:00+07:00",
        "dpt": 500, "dptb": 5, "dpk": 3,
        "voters_male": cast // 2, "voters_female": cast - cast // 2,
        "ballots_received": 520, "ballots_used": cast, "ballots_damaged": 2, "ballots_unused": 518 - cast,
        "votes": votes, "invalid": 10, "cast": cast,
        "checklist": {"opened_at": "07:00", "witnesses_present": True} if election.kind == ElectionKind.REGENT else {},
    }  # fmt: skip
    data.update(changes)
    return data
