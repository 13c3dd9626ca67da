"""Demo regions: Jawa Timur from the national file; 1,868 synthetic TPS in Gresik."""

from __future__ import annotations

import random

from kawal.core.demo import DEMO_ACTOR, DemoContext
from kawal.regions.models import Level, Region, Tps
from kawal.regions.services import default_region_file, import_regions, import_tps, read_csv

GRESIK = "35.25"
GRESIK_TPS = 1868  # KPU, Pilkada 2024 (Kompas, 20 Sep 2024)
GRESIK_DPT = 971_740
RUTAN_CERME_DESA = "35.25.11.2020"  # Cerme Kidul: the special TPS in Rutan Cerme


def synthetic_tps_rows(desa_codes: list[str], *, seed: int = 2024) -> list[tuple[int, list[str]]]:
    """1,868 TPS over the desa, DPT per TPS at most 600, summing to Gresik's real DPT."""
    rng = random.Random(seed)
    per_desa = dict.fromkeys(desa_codes, 1)
    for code in rng.choices(
        desa_codes, weights=[rng.uniform(0.5, 2.0) for _ in desa_codes], k=GRESIK_TPS - len(desa_codes)
    ):
        per_desa[code] += 1
    slots = [(code, n) for code in desa_codes for n in range(1, per_desa[code] + 1)]
    dpt = [rng.randint(430, 600) for _ in slots]
    # Nudge TPS up or down one voter at a time until the total is exact, staying in 1..600.
    diff = GRESIK_DPT - sum(dpt)
    i = 0
    while diff:
        step = 1 if diff > 0 else -1
        if 1 <= dpt[i % len(dpt)] + step <= 600:
            dpt[i % len(dpt)] += step
            diff -= step
        i += 1
    rows = []
    for line, ((code, number), voters) in enumerate(zip(slots, dpt, strict=True), start=1):
        address = "Rutan Kelas IIB Gresik (TPS khusus)" if (code, number) == (RUTAN_CERME_DESA, per_desa[code]) else ""
        rows.append(
            (line, [code, str(number), str(voters), address or f"Balai/lapangan TPS {number:03d} (demo)", "", ""])
        )
    return rows


def load(ctx: DemoContext) -> None:
    if not Region.objects.filter(code=GRESIK).exists() or Region.objects.filter(code__startswith="35.").count() < 9000:
        result = import_regions(read_csv(default_region_file()), by=DEMO_ACTOR, prefix="35")
        ctx.say(f"Regions of Jawa Timur: {result.created} created, {result.updated} updated.\n")
    if Tps.objects.filter(desa__code__startswith=GRESIK + ".").exists():
        return
    desa = list(Region.objects.filter(level=Level.DESA, code__startswith=GRESIK + ".").values_list("code", flat=True))
    result = import_tps(synthetic_tps_rows(sorted(desa)), by=DEMO_ACTOR)
    ctx.say(f"Gresik TPS (synthetic): {result.created} created.\n")
    Tps.objects.filter(desa__code__startswith=GRESIK + ".").update(is_synthetic=True)
