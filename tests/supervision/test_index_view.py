import pytest

from tests.conftest import Personas

pytestmark = pytest.mark.django_db


def test_ptps_lands_on_the_voting_day_form(client_for, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    response = client_for(personas.ptps).get("/pengawasan/")
    assert response["Location"] == "/pengawasan/lapor/"


def test_staff_land_on_coverage(client_for, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    response = client_for(personas.staff).get("/pengawasan/")
    assert response["Location"] == "/pengawasan/cakupan/"


def test_anonymous_visitor_is_sent_to_log_in(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/pengawasan/")["Location"].startswith("/akun/masuk/")
