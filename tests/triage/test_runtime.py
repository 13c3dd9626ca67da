"""The engine is built once per process and rebuilt when the region table changes."""

from __future__ import annotations

from typing import Any

from kawal.regions.models import Level, Region
from kawal.triage.runtime import get_triage


def test_the_engine_is_reused_while_regions_stay_the_same(gresik: Any) -> None:
    assert get_triage() is get_triage()


def test_a_new_desa_rebuilds_the_engine(gresik: Any) -> None:
    before = get_triage()
    assert not before.suggest("di Desa Kembangan, Kecamatan Kebomas").places or all(
        p.name != "Kembangan" for p in before.suggest("di Desa Kembangan, Kecamatan Kebomas").places
    )
    Region.objects.create(code="35.25.14.2099", name="Kembangan", level=Level.DESA, parent_id="35.25.14")
    after = get_triage()
    assert after is not before
    assert "35.25.14.2099" in [p.code for p in after.suggest("di Desa Kembangan, Kecamatan Kebomas").places]


def test_regions_outside_the_home_regency_and_province_are_left_out(gresik: Any) -> None:
    Region.objects.create(code="33", name="JAWA TENGAH", level=Level.PROVINCE)
    Region.objects.create(code="33.01", name="KAB. CILACAP", level=Level.REGENCY, parent_id="33")
    assert "33.01" not in get_triage().places.by_code
