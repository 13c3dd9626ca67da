import pytest
from django.test import Client

from kawal.core.navigation import items_for
from tests.conftest import Personas

pytestmark = pytest.mark.django_db


def labels(entries: list[dict[str, object]]) -> list[str]:
    return [str(e["label"]) for e in entries]


def test_anonymous_visitors_get_no_staff_navigation(client: Client) -> None:
    from django.contrib.auth.models import AnonymousUser

    assert items_for(AnonymousUser()) == []
    response = client.get("/")
    assert response.status_code == 200
    assert "Masuk" in response.content.decode() and "Wilayah & TPS" not in response.content.decode()


def test_ptps_does_not_see_staff_only_entries(personas: Personas) -> None:
    ptps = labels(items_for(personas.ptps))
    staff = labels(items_for(personas.staff))
    assert "Wilayah & TPS" in staff and "Wilayah & TPS" not in ptps
    assert ptps[0] == "Beranda"


def test_an_app_with_several_entries_becomes_one_menu(personas: Personas) -> None:
    for entry in items_for(personas.admin):
        if "children" in entry:
            children = entry["children"]
            assert isinstance(children, list) and len(children) > 1
            assert all("url" in child for child in children)
