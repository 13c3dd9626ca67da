"""Per-process lookups for the intake: TPS → desa, elections → pairs and checklist.

Loaded once per process and kept; a TPS not found in the map is fetched on its own (one
query) so new TPS need no restart. Saving a TPS, pair, election or checklist item in this
process clears the maps (signals in ``apps.py``); other processes see election changes
within ``ELECTION_TTL`` seconds.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from kawal.elections.models import CandidatePair, Election
from kawal.regions.models import Tps
from kawal.supervision.models import ChecklistItem

ELECTION_TTL = 60.0


@dataclass(frozen=True)
class TpsInfo:
    id: int
    desa_code: str
    number: int

    @property
    def code(self) -> str:
        return f"{self.desa_code}.{self.number:03d}"


@dataclass(frozen=True)
class ChecklistDef:
    key: str
    kind: str
    required: bool


@dataclass(frozen=True)
class ElectionInfo:
    id: int
    region_code: str
    pair_numbers: tuple[int, ...]
    checklist: tuple[ChecklistDef, ...]


class Lookups:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tps: dict[int, TpsInfo] | None = None
        self._expected: dict[str, int] | None = None
        self._elections: dict[int, ElectionInfo] = {}
        self._elections_loaded_at = 0.0

    def clear(self) -> None:
        with self._lock:
            self._tps = None
            self._expected = None
            self._elections = {}
            self._elections_loaded_at = 0.0

    def _load_tps(self) -> dict[int, TpsInfo]:
        if self._tps is None:
            with self._lock:
                if self._tps is None:
                    self._tps = {
                        pk: TpsInfo(pk, desa, number)
                        for pk, desa, number in Tps.objects.values_list("id", "desa_id", "number").iterator(
                            chunk_size=20000
                        )
                    }
        return self._tps

    def tps(self, tps_id: int) -> TpsInfo | None:
        stations = self._load_tps()
        info = stations.get(tps_id)
        if info is None:
            row = Tps.objects.filter(pk=tps_id).values_list("id", "desa_id", "number").first()
            if row is None:
                return None
            info = TpsInfo(*row)
            stations[tps_id] = info
            self._expected = None
        return info

    def expected(self, area_code: str) -> int:
        """How many TPS lie in an area (a TPS code counts 1), from the map in memory."""
        if area_code.count(".") == 4:
            return 1
        counts = self._expected
        if counts is None:
            counts = {}
            for info in self._load_tps().values():
                parts = info.desa_code.split(".")
                for depth in range(1, len(parts) + 1):
                    key = ".".join(parts[:depth])
                    counts[key] = counts.get(key, 0) + 1
            self._expected = counts
        return counts.get(area_code, 0)

    def election(self, election_id: int) -> ElectionInfo | None:
        if time.monotonic() - self._elections_loaded_at > ELECTION_TTL:
            self._load_elections()
        info = self._elections.get(election_id)
        if info is None and Election.objects.filter(pk=election_id).exists():
            self._load_elections()
            info = self._elections.get(election_id)
        return info

    def _load_elections(self) -> None:
        pairs: dict[int, list[int]] = {}
        for election_id, number in CandidatePair.objects.values_list("election_id", "number"):
            pairs.setdefault(election_id, []).append(number)
        items: dict[int, list[ChecklistDef]] = {}
        for item in ChecklistItem.objects.order_by("order", "key"):
            items.setdefault(item.election_id, []).append(ChecklistDef(item.key, item.kind, item.required))
        loaded = {
            pk: ElectionInfo(pk, region, tuple(sorted(pairs.get(pk, []))), tuple(items.get(pk, [])))
            for pk, region in Election.objects.values_list("id", "region_id")
        }
        with self._lock:
            self._elections = loaded
            self._elections_loaded_at = time.monotonic()


lookups = Lookups()
