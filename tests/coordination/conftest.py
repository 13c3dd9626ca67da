"""Coordination fixtures: a few Gresik stakeholders and a meeting factory, on top of the personas."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from kawal.coordination.models import Meeting, Stakeholder, StakeholderKind
from kawal.coordination.services import MeetingData, add_contact, create_meeting, create_stakeholder
from tests.conftest import DUKUN, GRESIK, KEBOMAS, Personas

JAKARTA = dt.timezone(dt.timedelta(hours=7))


def at(year: int, month: int, day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=JAKARTA)


@pytest.fixture
def stakeholders(personas: Personas) -> dict[str, Stakeholder]:
    by = personas.staff
    found = {
        "polres": create_stakeholder(by=by, name="Polres Gresik", kind=StakeholderKind.POLICE, region_code=GRESIK),
        "satpol": create_stakeholder(
            by=by, name="Satpol PP Gresik", kind=StakeholderKind.SATPOL_PP, region_code=GRESIK
        ),
        "kominfo": create_stakeholder(
            by=by, name="Dinas Kominfo Gresik", kind=StakeholderKind.KOMINFO, region_code=GRESIK
        ),
        "polsek_kebomas": create_stakeholder(
            by=by, name="Polsek Kebomas", kind=StakeholderKind.POLICE, region_code=KEBOMAS
        ),
        "polsek_dukun": create_stakeholder(by=by, name="Polsek Dukun", kind=StakeholderKind.POLICE, region_code=DUKUN),
    }
    add_contact(
        found["polres"],
        by=by,
        name="Budi Santoso",
        position="Kasat Intelkam",
        phone="081234567890",
        email="budi@polres.example",
    )
    return found


MakeMeeting = Callable[..., Meeting]


@pytest.fixture
def make_meeting(personas: Personas) -> MakeMeeting:
    def make(by: Any = None, region_code: str = GRESIK, starts_at: dt.datetime | None = None, **extra: Any) -> Meeting:
        data = MeetingData(
            title=extra.pop("title", "Rapat Koordinasi Pengawasan Kampanye"),
            starts_at=starts_at or timezone.now() - dt.timedelta(days=10),
            venue=extra.pop("venue", "Kantor Bawaslu Gresik"),
            region_code=region_code,
            agenda=extra.pop("agenda", ["Pembukaan", "Paparan potensi kerawanan"]),
            **extra,
        )
        return create_meeting(data, by=by or personas.staff)

    return make
