"""Case fixtures: a report with a reporter whose identity the tests look for on public pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from kawal.cases import services
from kawal.cases.models import Case, Channel, PartyType, ReporterStatus
from kawal.cases.workflow import Kind
from kawal.regions.models import Region
from tests.conftest import DUKUN, RANDUAGUNG

NIK, PHONE, EMAIL = "3525011234567890", "081298765432", "pelapor.rahasia@example.test"
ADDRESS = "Jl. Rahasia No. 7, Randuagung"


def reporter_fields() -> dict[str, Any]:
    return {
        "reporter_status": ReporterStatus.VOTER,
        "reporter_name": "Siti Pelapor",
        "reporter_nik": NIK,
        "reporter_birth_place": "Gresik",
        "reporter_birth_date": "1990-05-01",
        "reporter_sex": "P",
        "reporter_occupation": "Guru",
        "reporter_citizenship": "WNI",
        "reporter_address": ADDRESS,
        "reporter_phone": PHONE,
        "reporter_email": EMAIL,
    }


def event_fields(region_code: str = RANDUAGUNG, **overrides: Any) -> dict[str, Any]:
    today = timezone.localdate()
    fields = {
        "title": "Kepala dinas fiktif mengajak ASN memilih paslon",
        "reported_name": "Budi Fiktif",
        "reported_type": PartyType.ASN,
        "reported_position": "Kepala Dinas (fiktif)",
        "region": Region.objects.get(code=region_code),
        "tps": None,
        "place_detail": "Balai desa",
        "happened_on": today - dt.timedelta(days=2),
        "known_on": today - dt.timedelta(days=1),
        "narrative": "Dalam acara halal bihalal, terlapor meminta ASN mendukung paslon tertentu.",
        "witnesses": "Andi (saksi fiktif)",
    }
    fields.update(overrides)
    return fields


@pytest.fixture(autouse=True)
def evidence_in_tmp(settings: Any, tmp_path: Any) -> None:
    """Uploaded evidence goes to a temporary folder, not to var/media."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def make_case(gresik: Any) -> Callable[..., Case]:
    """``make_case(kind=..., state=..., region=...)``: a case forced into a state (for table tests)."""

    def make(kind: str = Kind.REPORT, state: str | None = None, region: str = RANDUAGUNG, **kw: Any) -> Case:
        if kind == Kind.REPORT:
            case = services.file_report({**reporter_fields(), **event_fields(region, **kw)}, channel=Channel.ONLINE)
        elif kind == Kind.FINDING:
            case = services._create(Kind.FINDING, event_fields(region, **kw), channel=Channel.SUPERVISOR, by=None,
                                    evidence=(), at=None)
        else:
            case = services.record_information(event_fields(region, **kw))
        if state:
            Case.objects.filter(pk=case.pk).update(state=state)
            case.refresh_from_db()
        return case

    return make


@pytest.fixture
def dukun_case(make_case: Callable[..., Case]) -> Case:
    return make_case(region=DUKUN)
