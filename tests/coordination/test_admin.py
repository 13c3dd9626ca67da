import pytest

from tests.conftest import Personas

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["stakeholder", "meeting", "attendance", "commitment"])
def test_admin_lists_open_for_the_administrator(client_for, personas: Personas, stakeholders: dict, model: str) -> None:  # type: ignore[no-untyped-def]
    assert client_for(personas.admin).get(f"/admin/coordination/{model}/").status_code == 200
    assert client_for(personas.admin).get(f"/admin/coordination/{model}/add/").status_code == 403
