import pytest

from kawal.accounts.models import Role
from kawal.accounts.services import grant_membership
from kawal.core.scope import code_covers, scope_codes
from kawal.regions.models import Region, Tps
from tests.conftest import DUKUN, GRESIK, KEBOMAS, RANDUAGUNG, Personas

pytestmark = pytest.mark.django_db


def test_code_covers_only_itself_and_below() -> None:
    assert code_covers("35.25", "35.25.14.2004")
    assert code_covers("35.25", "35.25")
    assert not code_covers("35.25", "35.251")
    assert not code_covers("35.25.14", "35.25.01")


def test_staff_of_gresik_see_all_tps_of_gresik(personas: Personas) -> None:
    assert Tps.objects.visible_to(personas.staff).count() == Tps.objects.count()


def test_panwascam_sees_only_its_kecamatan(personas: Personas) -> None:
    desa = set(Tps.objects.visible_to(personas.panwascam_kebomas).values_list("desa_id", flat=True))
    assert all(code.startswith(KEBOMAS + ".") for code in desa) and desa


def test_anonymous_and_roleless_users_see_nothing(personas: Personas, django_user_model) -> None:  # type: ignore[no-untyped-def]
    from django.contrib.auth.models import AnonymousUser

    assert not Tps.objects.visible_to(AnonymousUser()).exists()
    nobody = django_user_model.objects.create_user("nobody", password="x")
    assert not Region.objects.visible_to(nobody).exists()


def test_administrator_sees_everything(personas: Personas) -> None:
    assert scope_codes(personas.admin) is None


def test_a_second_membership_widens_the_scope(personas: Personas) -> None:
    user = personas.panwascam_dukun
    grant_membership(user, role=Role.PANWASCAM, region_code=KEBOMAS)
    assert scope_codes(user) == [DUKUN, KEBOMAS]
    assert Tps.objects.visible_to(user).filter(desa_id=RANDUAGUNG).exists()


def test_roles_can_narrow_the_scope(personas: Personas) -> None:
    assert personas.stakeholder.region_codes([Role.PANWASCAM]) == []
    assert personas.stakeholder.region_codes([Role.STAKEHOLDER]) == [GRESIK]
