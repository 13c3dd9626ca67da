"""generate_national: TPS spread over the desa as a growing prefix, one election per region."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from kawal.elections.models import Election
from kawal.regions.models import Tps

pytestmark = pytest.mark.django_db


def test_sizes_grow_by_prefix_and_rerunning_adds_nothing(gresik: object) -> None:
    # The small Gresik: 3 desa holding 3 + 2 + 2 TPS.
    call_command("generate_national", "--tps", "5", "--no-region-import")
    assert Tps.objects.count() == 7  # TPS 1-2 of each desa exist already
    call_command("generate_national", "--tps", "9", "--no-region-import")
    call_command("generate_national", "--tps", "9", "--no-region-import")
    assert Tps.objects.count() == 9 and Tps.objects.filter(is_synthetic=True).count() == 2
    assert set(Election.objects.values_list("kind", "region_id")) == {("gubernur", "35"), ("bupati", "35.25")}
    assert all(e.pairs.count() >= 2 for e in Election.objects.all())


def test_the_national_region_file_gives_kpus_545_elections() -> None:
    # 37 governors (every province but DI Yogyakarta) and 508 regents and mayors (every
    # regency and city but Jakarta's administrative ones).
    call_command("generate_national", "--tps", "0")
    elections = Election.objects.all()
    assert elections.count() == 545
    assert elections.filter(kind="gubernur").count() == 37
    assert elections.filter(kind="gubernur", region_id__in=["93", "94", "95", "96"]).count() == 4
    assert elections.filter(kind="walikota").count() == 93
