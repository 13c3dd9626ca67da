"""One :class:`Triage` per process, built from the region table and rebuilt when it changes.

The engine's indexes take a fraction of a second to build, so they are built once and
reused; each use costs one small aggregate query to notice added or removed regions.
"""

from __future__ import annotations

import threading
from pathlib import Path

from django.conf import settings
from django.db.models import Count, Max, Q

from kawal.regions.models import Level, Region

from .engine import RegionEntry, Triage, load_regions_csv

ENGINE_LEVEL = {
    Level.PROVINCE: "provinsi",
    Level.REGENCY: "kabupaten",
    Level.KECAMATAN: "kecamatan",
    Level.DESA: "desa",
}

_lock = threading.Lock()
_cached: tuple[tuple[object, ...], Triage] | None = None


def regency_code() -> str:
    return str(settings.KAWAL_REGENCY_CODE)


def _home_regions() -> Q:
    """The regency, everything below it, and its province."""
    code = regency_code()
    return Q(code=code) | Q(code__startswith=code + ".") | Q(code=code.split(".")[0])


def region_entries() -> list[RegionEntry]:
    rows = Region.objects.filter(_home_regions()).values_list("code", "name", "level", "parent_id")
    return [RegionEntry(code, name, ENGINE_LEVEL[Level(level)], parent) for code, name, level, parent in rows]


def shipped_regions_csv() -> Path:
    """The national region file shipped with Kawal (all Kemendagri codes)."""
    from kawal.regions.services import default_region_file

    return default_region_file()


def csv_region_entries() -> list[RegionEntry]:
    return load_regions_csv(shipped_regions_csv(), [regency_code()])


def _table_key() -> tuple[object, ...]:
    stats = Region.objects.filter(_home_regions()).aggregate(n=Count("code"), last=Max("code"))
    return (regency_code(), stats["n"], stats["last"])


def get_triage() -> Triage:
    """The process's engine for the home regency (rebuilt when its regions change)."""
    global _cached
    key = _table_key()
    cached = _cached
    if cached is not None and cached[0] == key:
        return cached[1]
    with _lock:
        if _cached is None or _cached[0] != key:
            _cached = (key, Triage(region_entries(), home_code=regency_code()))
        return _cached[1]


def reset() -> None:
    """Forget the cached engine (tests, or after editing the rule files)."""
    global _cached
    with _lock:
        _cached = None
