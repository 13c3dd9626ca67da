"""The Gresik voting-day demo: real Pilbup totals over the reported TPS, idempotent."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from kawal.elections.models import Election, ElectionKind
from kawal.supervision.models import CurrentReport, OfficialResult, TpsReport
from kawal.supervision.recap import differences
from kawal.supervision.tabulation import area_total, direct_count

pytestmark = pytest.mark.django_db


def test_the_demo_voting_day_matches_the_real_pilbup_result_and_loads_once() -> None:
    call_command("load_demo", "--quiet-logins")
    from kawal.supervision.totals import pending_count

    assert pending_count() == 0  # the first page after loading shows complete totals
    pilbup = Election.objects.get(kind=ElectionKind.REGENT, region_id="35.25")
    total = area_total(pilbup, "35.25")
    assert total.votes == {1: 366_944, 2: 247_479}
    assert (total.valid, total.invalid, total.cast) == (614_423, 35_749, 650_172)
    truth = direct_count(pilbup, "35.25")
    assert truth.key() == total.key()
    assert 0 < truth.missing < 100 and total.flagged == 6
    assert differences(pilbup) and all(d.level != "kabupaten/kota" for d in differences(pilbup))
    counts = (TpsReport.objects.count(), CurrentReport.objects.count(), OfficialResult.objects.count())
    call_command("load_demo", "--quiet-logins")
    assert (TpsReport.objects.count(), CurrentReport.objects.count(), OfficialResult.objects.count()) == counts
