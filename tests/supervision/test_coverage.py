"""The live coverage page agrees with a direct count from the database."""

from __future__ import annotations

from typing import Any

import pytest

from kawal.elections.models import Election
from kawal.supervision.intake import reporter_for
from kawal.supervision.models import CurrentReport
from kawal.supervision.services import receive
from kawal.supervision.tabulation import direct_count
from tests.conftest import DUKUN, GRESIK, KEBOMAS, RANDUAGUNG, SAWO, SIDOMORO, Personas
from tests.supervision.conftest import payload, tps

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports(personas: Personas, pilbup: Election) -> None:
    reporter = reporter_for(personas.admin)
    batch = [
        payload(pilbup, tps(RANDUAGUNG, 1), votes={"1": 120, "2": 180}),
        payload(pilbup, tps(RANDUAGUNG, 2), votes={"1": 200, "2": 100}, cast=999),  # flagged
        payload(pilbup, tps(SIDOMORO, 1), votes={"1": 90, "2": 210}),
        payload(pilbup, tps(SAWO, 2), votes={"1": 150, "2": 150}),
    ]
    receive(batch, reporter=reporter, channel="api")


def numbers(html: str, testid: str) -> int:
    marker = f'data-testid="{testid}">'
    start = html.index(marker) + len(marker)
    return int(html[start : html.index("<", start)].replace(".", ""))


@pytest.mark.usefixtures("reports")
def test_regency_coverage_matches_a_direct_count(personas: Personas, pilbup: Election, client_for: Any) -> None:
    html = client_for(personas.member).get(f"/pengawasan/cakupan/{pilbup.pk}/{GRESIK}/").content.decode()
    truth = direct_count(pilbup, GRESIK)
    assert numbers(html, "reported") == truth.reported == 4
    assert numbers(html, "missing") == truth.missing == 3
    assert numbers(html, "flagged") == truth.flagged == 1
    assert numbers(html, "valid") == truth.valid
    assert f'data-pair="1">{truth.votes[1]}<' in html
    assert f'data-code="{KEBOMAS}"' in html and f'data-code="{DUKUN}"' in html


@pytest.mark.usefixtures("reports")
def test_desa_coverage_lists_each_tps_as_reported_missing_or_flagged_with_reasons(
    personas: Personas, pilbup: Election, client_for: Any
) -> None:
    html = client_for(personas.panwascam_kebomas).get(f"/pengawasan/cakupan/{pilbup.pk}/{RANDUAGUNG}/").content.decode()
    stations = html[html.index('data-testid="stations"') :]
    assert stations.count("badge-ok") == 1
    assert stations.count("badge-danger") == 1
    assert stations.count("belum melapor") == 1
    assert "tidak sama dengan jumlah suara" in html
    assert CurrentReport.objects.filter(desa_id=RANDUAGUNG).count() == 2


@pytest.mark.usefixtures("reports")
def test_the_htmx_refresh_returns_only_the_live_part(personas: Personas, pilbup: Election, client_for: Any) -> None:
    response = client_for(personas.member).get(f"/pengawasan/cakupan/{pilbup.pk}/{KEBOMAS}/", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="coverage-live"')
    assert 'hx-trigger="every 10s"' in html


def test_a_panwascam_cannot_open_another_kecamatan(personas: Personas, pilbup: Election, client_for: Any) -> None:
    assert client_for(personas.panwascam_dukun).get(f"/pengawasan/cakupan/{pilbup.pk}/{KEBOMAS}/").status_code == 404
    response = client_for(personas.panwascam_dukun).get("/pengawasan/cakupan/")
    assert response["Location"] == f"/pengawasan/cakupan/{pilbup.pk}/{DUKUN}/"


@pytest.mark.usefixtures("reports")
def test_the_coverage_page_needs_few_queries(
    personas: Personas, pilbup: Election, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    client = client_for(personas.member)
    client.get(f"/pengawasan/cakupan/{pilbup.pk}/{GRESIK}/")
    with django_assert_max_num_queries(19):  # and a look for pending totals (a short transaction)
        client.get(f"/pengawasan/cakupan/{pilbup.pk}/{GRESIK}/")
