"""Official recap import (row-level validation) and the list of differences."""

from __future__ import annotations

from typing import Any

import pytest

from kawal.elections.models import Election
from kawal.supervision.intake import reporter_for
from kawal.supervision.models import OfficialResult
from kawal.supervision.recap import differences, import_official
from kawal.supervision.services import receive
from tests.conftest import KEBOMAS, RANDUAGUNG, SAWO, Personas
from tests.supervision.conftest import payload, tps

pytestmark = pytest.mark.django_db

CSV = f"""kode_wilayah,paslon_1,paslon_2,tidak_sah
{RANDUAGUNG}.001,200,100,10
{RANDUAGUNG}.002,150,150,12
{RANDUAGUNG}.009,1,1,1
35.25.99,5,5,5
{SAWO}.001,abc,3,1
{RANDUAGUNG}.001,1,2,3
bukan-kode,1,2,3
{SAWO}.002,10,20
"""


@pytest.fixture
def reported(personas: Personas, pilbup: Election) -> None:
    receive(
        [
            payload(pilbup, tps(RANDUAGUNG, 1), votes={"1": 200, "2": 100}),
            payload(pilbup, tps(RANDUAGUNG, 2), votes={"1": 150, "2": 140}, invalid=12),
        ],
        reporter=reporter_for(personas.admin),
        channel="api",
    )


def test_bad_rows_are_named_by_line_and_good_rows_are_kept(personas: Personas, pilbup: Election) -> None:
    result = import_official(pilbup, CSV.encode(), by=personas.member, source="kpu.csv")
    assert result.imported == 2
    assert [e.line for e in result.errors] == [4, 5, 6, 7, 8, 9]
    assert "1 " in str(result.errors[3]) or "baris 2" in str(result.errors[3])
    assert set(OfficialResult.objects.values_list("area_code", flat=True)) == {f"{RANDUAGUNG}.001", f"{RANDUAGUNG}.002"}


def test_a_wrong_header_is_refused_as_a_whole(personas: Personas, pilbup: Election) -> None:
    result = import_official(pilbup, "kode,a,b\n1,2,3\n", by=personas.member)
    assert result.imported == 0 and result.errors[0].line == 1


@pytest.mark.usefixtures("reported")
def test_every_difference_is_listed_per_tps_and_summed_per_level(personas: Personas, pilbup: Election) -> None:
    import_official(pilbup, CSV.encode(), by=personas.member)
    found = {(d.area_code, d.item): (d.ours, d.official, d.delta) for d in differences(pilbup)}
    assert found[(f"{RANDUAGUNG}.002", "paslon 2")] == (140, 150, -10)
    assert (f"{RANDUAGUNG}.001", "paslon 1") not in found  # agrees
    assert found[(RANDUAGUNG, "paslon 2")] == (240, 250, -10)
    assert found[(KEBOMAS, "paslon 2")] == (240, 250, -10)


def test_the_recap_page_imports_and_shows_differences_and_errors(
    personas: Personas, pilbup: Election, client_for: Any, reported: None
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(personas.member)
    response = client.post(f"/pengawasan/rekap/{pilbup.pk}/", {"csv": SimpleUploadedFile("kpu.csv", CSV.encode())})
    html = response.content.decode()
    assert "baris 4" in html
    assert 'data-testid="differences"' in html and "-10" in html
    assert client_for(personas.panwascam_kebomas).post(f"/pengawasan/rekap/{pilbup.pk}/", {}).status_code == 404
