"""Synthetic national data for scale tests: every region, TPS over all desa, elections with pairs.

Regions come from the national region file (``import_regions``). TPS are synthetic
(``is_synthetic``), spread over the desa in a fixed shuffled order so a smaller run is a
prefix of a larger one: ``--tps 10000`` then ``--tps 100000`` adds the difference.
Elections: a Pilgub per province and a Pilbup/Pilwali per regency/city, except where no
Pilkada was held in 2024 (DI Yogyakarta's governor; DKI Jakarta's cities and regency).
With the region file's 38 provinces that is KPU's 545: 37 Pilgub and 508 Pilbup/Pilwali.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from kawal.core import audit
from kawal.elections.models import CandidatePair, Cycle, Election, ElectionKind
from kawal.regions.models import Level, Region, Tps
from kawal.regions.services import default_region_file, import_regions, read_csv

NATIONAL_TPS = 435_296
NO_GOVERNOR_ELECTION = {"34"}  # DI Yogyakarta: the Sultan is governor
NO_REGENT_ELECTION_PREFIX = "31."  # DKI Jakarta's cities and regency are administrative
BATCH = 10_000


class Command(BaseCommand):
    help = "Create synthetic national data (regions, TPS, elections with pairs). Re-running adds only what is missing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--tps", type=int, default=NATIONAL_TPS, help="synthetic TPS wanted in all (435,296)")
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument("--no-region-import", action="store_true", help="use the regions already loaded")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["no_region_import"] and Region.objects.filter(level=Level.DESA).count() < 80_000:
            result = import_regions(read_csv(default_region_file()), by="generate_national")
            self.stdout.write(f"Regions: {result.created} created.")
        rng = random.Random(options["seed"])  # noqa: S311 - synthetic data, not secrets
        created_tps = self._tps(options["tps"], rng)
        created_elections = self._elections(rng)
        audit.record(
            "supervision.national_data_generated",
            actor="generate_national",
            data={"tps_created": created_tps, "elections_created": created_elections, "tps_wanted": options["tps"]},
        )
        self.stdout.write(
            f"TPS: {created_tps} created ({Tps.objects.count()} in all); elections: {created_elections} created "
            f"({Election.objects.count()} in all)."
        )

    def _tps(self, wanted: int, rng: random.Random) -> int:
        desa = sorted(Region.objects.filter(level=Level.DESA).values_list("code", flat=True))
        rng.shuffle(desa)
        # Slot k is TPS number (k // len(desa)) + 1 of desa[k % len(desa)]: a prefix is always a smaller country.
        existing = {(d, n) for d, n in Tps.objects.values_list("desa_id", "number")}
        todo: list[Tps] = []
        created = 0
        for slot in range(wanted):
            code, number = desa[slot % len(desa)], slot // len(desa) + 1
            if (code, number) in existing:
                continue
            todo.append(Tps(desa_id=code, number=number, dpt=rng.randint(300, 600), is_synthetic=True))
            if len(todo) >= BATCH:
                created += self._flush(todo)
        return created + self._flush(todo)

    @staticmethod
    def _flush(todo: list[Tps]) -> int:
        with transaction.atomic():
            Tps.objects.bulk_create(todo, batch_size=BATCH, ignore_conflicts=True)
        count = len(todo)
        todo.clear()
        return count

    def _elections(self, rng: random.Random) -> int:
        cycle, _ = Cycle.objects.get_or_create(
            name="Pemilihan Serentak 2024", defaults={"voting_date": dt.date(2024, 11, 27)}
        )
        existing = set(Election.objects.filter(cycle=cycle).values_list("kind", "region_id"))
        created = 0
        regions = Region.objects.filter(level__in=[Level.PROVINCE, Level.REGENCY]).order_by("code")
        with transaction.atomic():
            for region in regions:
                if region.level == Level.PROVINCE:
                    if region.code in NO_GOVERNOR_ELECTION:
                        continue
                    kind = ElectionKind.GOVERNOR
                elif region.code.startswith(NO_REGENT_ELECTION_PREFIX):
                    continue
                else:
                    kind = ElectionKind.MAYOR if region.name.upper().startswith("KOTA") else ElectionKind.REGENT
                if (kind, region.code) in existing:
                    continue
                election = Election.objects.create(
                    cycle=cycle, kind=kind, region=region, name=f"Pemilihan {kind.label} {region.name} (sintetis)"
                )
                pairs = rng.choice([1, 2, 2, 3, 3, 4, 5])
                CandidatePair.objects.bulk_create(
                    [
                        CandidatePair(election=election, number=n, head_name=f"Calon {n}", deputy_name=f"Wakil {n}")
                        for n in range(1, pairs + 1)
                    ]
                    + ([CandidatePair(election=election, number=2, is_empty_box=True)] if pairs == 1 else [])
                )
                created += 1
        return created
