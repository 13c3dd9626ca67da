"""Demo elections: Pilkada Serentak 2024 with its stage timeline (PKPU 2/2024)."""

from __future__ import annotations

import datetime as dt

from kawal.core.demo import DEMO_ACTOR, DemoContext
from kawal.elections.models import ElectionKind
from kawal.elections.services import ensure_cycle, ensure_election, set_stage

D = dt.date
STAGES_2024 = [
    ("pendaftaran-pemantau", "Pendaftaran pemantau pemilihan", D(2024, 2, 27), D(2024, 11, 16)),
    ("pembentukan-badan-adhoc", "Pembentukan PPK, PPS dan KPPS", D(2024, 4, 17), D(2024, 11, 5)),
    ("pemutakhiran-data-pemilih", "Pemutakhiran data pemilih", D(2024, 5, 31), D(2024, 9, 23)),
    ("pendaftaran-paslon", "Pendaftaran pasangan calon", D(2024, 8, 27), D(2024, 8, 29)),
    ("verifikasi-syarat", "Penelitian persyaratan calon", D(2024, 8, 27), D(2024, 9, 21)),
    ("penetapan-paslon", "Penetapan pasangan calon", D(2024, 9, 22), D(2024, 9, 22)),
    ("pengundian-nomor", "Pengundian nomor urut", D(2024, 9, 23), D(2024, 9, 23)),
    ("kampanye", "Kampanye", D(2024, 9, 25), D(2024, 11, 23)),
    ("masa-tenang", "Masa tenang", D(2024, 11, 24), D(2024, 11, 26)),
    ("pemungutan-suara", "Pemungutan suara", D(2024, 11, 27), D(2024, 11, 27)),
    ("penghitungan-rekapitulasi", "Penghitungan dan rekapitulasi suara", D(2024, 11, 27), D(2024, 12, 16)),
]

PILGUB_JATIM_PAIRS = [
    ("Luluk Nur Hamidah", "Lukmanul Khakim"),
    ("Khofifah Indar Parawansa", "Emil Elestianto Dardak"),
    ("Tri Rismaharini", "Zahrul Azhar Asumta"),
]
PILBUP_GRESIK_PAIRS = [("Fandi Akhmad Yani", "Asluchul Alif")]


def load(ctx: DemoContext) -> None:
    cycle = ensure_cycle("Pemilihan Serentak 2024", D(2024, 11, 27), by=DEMO_ACTOR)
    for order, (code, name, start, end) in enumerate(STAGES_2024):
        set_stage(cycle, code=code, name=name, start=start, end=end, order=order, by=DEMO_ACTOR)
    ensure_election(
        cycle,
        kind=ElectionKind.GOVERNOR,
        region_code="35",
        name="Pemilihan Gubernur dan Wakil Gubernur Jawa Timur 2024",
        pairs=PILGUB_JATIM_PAIRS,
        by=DEMO_ACTOR,
    )
    ensure_election(
        cycle,
        kind=ElectionKind.REGENT,
        region_code="35.25",
        name="Pemilihan Bupati dan Wakil Bupati Gresik 2024",
        pairs=PILBUP_GRESIK_PAIRS,
        by=DEMO_ACTOR,
    )
