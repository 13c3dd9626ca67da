"""Cases at regency scale: intake, transitions, the staff list and recomputing due dates.

Runs against a fresh SQLite file (or DATABASE_URL if set) with synthetic regions; reports
numbers, not pass/fail.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = int(os.environ.get("BENCH_CASES", "2000"))


def main() -> None:
    tmp = tempfile.mkdtemp()
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ.setdefault("KAWAL_VAR_DIR", tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kawal.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    from kawal.accounts.models import Role
    from kawal.accounts.services import ensure_user, grant_membership
    from kawal.cases import deadlines, services
    from kawal.cases.models import Case
    from kawal.regions.models import Level, Region

    call_command("migrate", "--noinput", verbosity=0)
    Region.objects.get_or_create(code="35", defaults={"name": "JAWA TIMUR", "level": Level.PROVINCE})
    Region.objects.get_or_create(code="35.25", defaults={"name": "GRESIK", "level": Level.REGENCY, "parent_id": "35"})
    desa = []
    for k in range(1, 19):
        kec, _ = Region.objects.get_or_create(
            code=f"35.25.{k:02d}", defaults={"name": f"Kec {k}", "level": Level.KECAMATAN, "parent_id": "35.25"}
        )
        for d in range(1, 6):
            region, _ = Region.objects.get_or_create(
                code=f"{kec.code}.20{d:02d}",
                defaults={"name": f"Desa {k}-{d}", "level": Level.DESA, "parent_id": kec.code},
            )
            desa.append(region)
    member, _ = ensure_user("bench.anggota")
    grant_membership(member, role=Role.BAWASLU_MEMBER, region_code="35.25")
    today = timezone.localdate()

    started = time.perf_counter()
    cases = []
    for i in range(CASES):
        fields = {
            "title": f"Kasus uji {i}", "reported_name": "Terlapor fiktif", "reported_type": "asn",
            "reported_position": "", "region": desa[i % len(desa)], "tps": None, "place_detail": "",
            "happened_on": today - dt.timedelta(days=2), "known_on": today - dt.timedelta(days=1),
            "narrative": "Uji beban.", "witnesses": "",
        }
        cases.append(services.record_finding(fields, by=member))
    intake = time.perf_counter() - started

    started = time.perf_counter()
    for case in cases:
        services.transition(case, "start_review", by=member)
    moves = time.perf_counter() - started

    client = Client()
    client.force_login(member)
    client.get("/kasus/")
    started = time.perf_counter()
    for _ in range(20):
        client.get("/kasus/")
    listing = (time.perf_counter() - started) / 20

    started = time.perf_counter()
    deadlines.refresh_due_dates()
    refresh = time.perf_counter() - started

    print(f"{Case.objects.count()} cases on {os.environ['DATABASE_URL'].split(':')[0]}")
    print("| what | total s | per item ms |")
    print("|---|---:|---:|")
    print(f"| record a finding (audit, event, clock) | {intake:.1f} | {1000 * intake / CASES:.1f} |")
    print(f"| one transition (lock, check, event, audit) | {moves:.1f} | {1000 * moves / CASES:.1f} |")
    print(f"| staff list page, 50 rows | – | {1000 * listing:.0f} |")
    print(f"| recompute due dates of all open cases | {refresh:.1f} | {1000 * refresh / CASES:.2f} |")


if __name__ == "__main__":
    main()
