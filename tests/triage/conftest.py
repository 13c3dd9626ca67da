from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kawal.triage.engine import RegionEntry, Triage, load_regions_csv


def _base_csv() -> Path:
    """The national region file shipped with Kawal."""
    return Path(__file__).resolve().parents[2] / "kawal" / "regions" / "data" / "wilayah.csv"


@pytest.fixture(scope="session")
def jatim_regions() -> list[RegionEntry]:
    return load_regions_csv(_base_csv(), ["35"])


@pytest.fixture(scope="session")
def triage(jatim_regions: list[RegionEntry]) -> Triage:
    """All of Jawa Timur, Gresik as home region."""
    return Triage(jatim_regions, home_code="35.25")


@pytest.fixture(scope="session")
def triage_no_home(jatim_regions: list[RegionEntry]) -> Triage:
    return Triage(jatim_regions)


# ---------------------------------------------------------------- app (Django) fixtures
KEBOMAS_MONEY = (
    "Kepala Desa Randuagung membagikan amplop berisi uang Rp50.000 kepada warga di Desa Randuagung, "
    "Kecamatan Kebomas, pada 26 November 2024 dan meminta mereka mencoblos paslon nomor 1."
)


@pytest.fixture
def make_case(gresik: dict[str, Any]) -> Callable[..., Any]:
    """``make_case(by, region_code, narrative)``: a temuan recorded through the cases service."""
    from kawal.cases.services import record_finding
    from kawal.regions.models import Region

    def make(
        by: Any, region_code: str, narrative: str = KEBOMAS_MONEY, title: str = "Dugaan pelanggaran",
        happened_on: dt.date = dt.date(2024, 11, 26),
    ) -> Any:
        fields = {
            "title": title,
            "reported_name": "Terlapor",
            "region": Region.objects.get(pk=region_code),
            "happened_on": happened_on,
            "known_on": happened_on,
            "narrative": narrative,
        }
        return record_finding(fields, by=by)

    return make


@pytest.fixture(autouse=True)
def _fresh_engine() -> Iterator[None]:
    """Each test builds its engine from its own region table."""
    from kawal.triage import runtime

    runtime.reset()
    yield
    runtime.reset()
