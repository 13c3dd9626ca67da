import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.conftest import DUKUN, GRESIK, KEBOMAS, RANDUAGUNG, Personas

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_is_sent_to_log_in(client: Client, personas: Personas) -> None:
    response = client.get(f"/wilayah/{KEBOMAS}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/masuk/")


def test_panwascam_of_dukun_gets_404_for_kebomas(client_for, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    client = client_for(personas.panwascam_dukun)
    assert client.get(f"/wilayah/{KEBOMAS}/").status_code == 404
    assert client.get(f"/wilayah/{RANDUAGUNG}/").status_code == 404
    assert client.get(f"/wilayah/{DUKUN}/").status_code == 200


def test_panwascam_cannot_browse_up_to_the_regency(client_for, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    assert client_for(personas.panwascam_kebomas).get(f"/wilayah/{GRESIK}/").status_code == 404


def test_regency_page_lists_kecamatan_with_counts(client_for, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    response = client_for(personas.staff).get(f"/wilayah/{GRESIK}/")
    assert response.status_code == 200
    children = {c.code: c for c in response.context["children"]}
    assert (children[KEBOMAS].desa_count, children[KEBOMAS].tps_count) == (2, 5)
    assert (children[DUKUN].desa_count, children[DUKUN].tps_count) == (1, 2)
    assert children[KEBOMAS].dpt_sum == (501 + 502 + 503) + (501 + 502)


def test_desa_page_lists_its_tps(client_for, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    response = client_for(personas.pkd).get(f"/wilayah/{RANDUAGUNG}/")
    assert response.status_code == 200
    assert [t.number for t in response.context["tps_list"]] == [1, 2, 3]


def test_region_page_query_count_does_not_grow_with_children(client_for, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    client = client_for(personas.staff)
    client.get(f"/wilayah/{GRESIK}/")
    with CaptureQueriesContext(connection) as queries:
        client.get(f"/wilayah/{GRESIK}/")
    assert len(queries) <= 16, [q["sql"] for q in queries]


def test_index_sends_user_to_their_area(client_for, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    response = client_for(personas.panwascam_kebomas).get("/wilayah/")
    assert response["Location"] == f"/wilayah/{KEBOMAS}/"
