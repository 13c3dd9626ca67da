"""Demo people: Bawaslu Gresik's members in their public roles, and one login per persona."""

from __future__ import annotations

from django.conf import settings

from kawal.accounts.models import Division, Role
from kawal.accounts.services import ensure_user, grant_membership
from kawal.core.demo import DEMO_ACTOR, DemoContext
from kawal.regions.models import Region

GRESIK, KEBOMAS, DUKUN = "35.25", "35.25.14", "35.25.01"
RANDUAGUNG = "35.25.14.2004"

# Real members named in the seed article, in their public roles; they get no password.
PUBLIC_MEMBERS = [
    ("rozikin", "Rozikin", Division.ENFORCEMENT, "Kordiv Penanganan Pelanggaran dan Data Informasi"),
    ("robbah.khunaifih", "Robbah Khunaifih", Division.HUMAN_RESOURCES, "Kordiv SDM"),
]

# Fictional demo personas that can log in.
PERSONAS: list[tuple[str, str, str, str, str, str, str]] = [
    ("admin", "Admin Demo", Role.ADMIN, GRESIK, "", "Administrator sistem", "Administrator"),
    (
        "anggota",
        "Anggota Demo",
        Role.BAWASLU_MEMBER,
        GRESIK,
        Division.ENFORCEMENT,
        "Anggota (demo)",
        "Anggota Bawaslu, divisi penanganan pelanggaran",
    ),
    ("staf", "Staf Sekretariat Demo", Role.SECRETARIAT, GRESIK, "", "Staf penanganan pelanggaran", "Staf sekretariat"),
    ("panwascam.kebomas", "Panwascam Kebomas Demo", Role.PANWASCAM, KEBOMAS, "", "Anggota Panwascam", "Panwascam"),
    ("panwascam.dukun", "Panwascam Dukun Demo", Role.PANWASCAM, DUKUN, "", "Anggota Panwascam", "Panwascam"),
    ("pkd.randuagung", "PKD Randuagung Demo", Role.PKD, RANDUAGUNG, "", "PKD Randuagung", "Pengawas desa (PKD)"),
    (
        "ptps.randuagung01",
        "PTPS Randuagung 01 Demo",
        Role.PTPS,
        RANDUAGUNG,
        "",
        "Pengawas TPS 001 Desa Randuagung",
        "PTPS",
    ),
    (
        "mitra.polres",
        "Penghubung Polres Demo",
        Role.STAKEHOLDER,
        GRESIK,
        "",
        "Penghubung Polres Gresik",
        "Penghubung pemangku kepentingan",
    ),
]


def load(ctx: DemoContext) -> None:
    for username, name, kordiv, position in PUBLIC_MEMBERS:
        user, _created = ensure_user(username, by=DEMO_ACTOR, full_name=name)
        grant_membership(
            user, role=Role.BAWASLU_MEMBER, region_code=GRESIK, by=DEMO_ACTOR, division=kordiv, position=position
        )
    for username, name, role, region, division, position, persona in PERSONAS:
        user, _created = ensure_user(
            username,
            by=DEMO_ACTOR,
            full_name=name,
            password=settings.KAWAL_DEMO_PASSWORD,
            email=f"{username}@demo.kawal.local",
            is_superuser=(role == Role.ADMIN),
        )
        grant_membership(user, role=role, region_code=region, by=DEMO_ACTOR, division=division, position=position)
        ctx.add_login(username, persona, Region.objects.get(code=region).display_name)
