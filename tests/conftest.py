"""Shared fixtures: a small Gresik and the same personas for every test.

Personas: a Bawaslu Gresik member, a secretariat staff member, the Panwascam of Kebomas,
the Panwascam of Dukun, a PKD and a PTPS of Randuagung (Kebomas), a stakeholder liaison,
an administrator, and the anonymous visitor (the plain ``client``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from kawal.accounts.models import Division, Role, User
from kawal.accounts.services import ensure_user, grant_membership
from kawal.regions.models import Level, Region, Tps

PASSWORD = "rahasia-uji-123"
GRESIK, KEBOMAS, DUKUN = "35.25", "35.25.14", "35.25.01"
RANDUAGUNG, SIDOMORO, SAWO = "35.25.14.2004", "35.25.14.1015", "35.25.01.2001"


@dataclass
class Personas:
    member: User
    staff: User
    panwascam_kebomas: User
    panwascam_dukun: User
    pkd: User
    ptps: User
    stakeholder: User
    admin: User


def make_region(code: str, name: str) -> Region:
    level = {1: Level.PROVINCE, 2: Level.REGENCY, 3: Level.KECAMATAN, 4: Level.DESA}[code.count(".") + 1]
    parent = code.rsplit(".", 1)[0] if "." in code else None
    region, _ = Region.objects.get_or_create(code=code, defaults={"name": name, "level": level, "parent_id": parent})
    return region


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Uploads made by any test land in a temporary folder, never in var/media."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _own_cache_namespace() -> Iterator[None]:
    """Each test sees an empty cache of its own (throttle counters, cached lookups), also when
    parallel workers share one Redis: a fresh key prefix instead of a flush that would hit the others."""
    from django.core.cache import cache

    before = cache.key_prefix
    cache.key_prefix = f"test-{uuid.uuid4().hex}"
    yield
    cache.key_prefix = before


@pytest.fixture
def gresik(db: None) -> dict[str, Region]:
    """Jawa Timur → Gresik → Kebomas (Randuagung, Sidomoro) and Dukun (Sawo), with TPS."""
    regions = {
        code: make_region(code, name)
        for code, name in [
            ("35", "JAWA TIMUR"),
            (GRESIK, "KAB. GRESIK"),
            (KEBOMAS, "Kebomas"),
            (DUKUN, "Dukun"),
            (RANDUAGUNG, "Randuagung"),
            (SIDOMORO, "Sidomoro"),
            (SAWO, "Sawo"),
        ]
    }
    for desa, count in [(RANDUAGUNG, 3), (SIDOMORO, 2), (SAWO, 2)]:
        for number in range(1, count + 1):
            Tps.objects.get_or_create(desa_id=desa, number=number, defaults={"dpt": 500 + number})
    return regions


def make_user(username: str, role: str, region: str, division: str = "") -> User:
    user, _ = ensure_user(
        username,
        password=PASSWORD,
        full_name=username.title(),
        email=f"{username}@example.test",
        is_superuser=(role == Role.ADMIN),
    )
    grant_membership(user, role=role, region_code=region, division=division)
    return user


@pytest.fixture
def personas(gresik: dict[str, Region]) -> Personas:
    return Personas(
        member=make_user("anggota", Role.BAWASLU_MEMBER, GRESIK, Division.ENFORCEMENT),
        staff=make_user("staf", Role.SECRETARIAT, GRESIK),
        panwascam_kebomas=make_user("pwc.kebomas", Role.PANWASCAM, KEBOMAS),
        panwascam_dukun=make_user("pwc.dukun", Role.PANWASCAM, DUKUN),
        pkd=make_user("pkd.randuagung", Role.PKD, RANDUAGUNG),
        ptps=make_user("ptps.randuagung", Role.PTPS, RANDUAGUNG),
        stakeholder=make_user("mitra", Role.STAKEHOLDER, GRESIK),
        admin=make_user("admin", Role.ADMIN, GRESIK),
    )


@pytest.fixture
def client_for(db: None):  # type: ignore[no-untyped-def]
    """``client_for(user)``: a test client logged in as that user."""

    def make(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make
