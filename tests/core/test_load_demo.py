import pytest
from django.apps import apps
from django.core.management import call_command

from kawal.accounts.models import User
from kawal.elections.models import CandidatePair, Election
from kawal.regions.models import Level, Region, Tps

pytestmark = pytest.mark.django_db


def table_counts() -> dict[str, int]:
    return {
        m._meta.label: m._default_manager.count()
        for m in apps.get_models()
        if m._meta.app_label not in {"sessions", "admin", "axes", "huey_monitor"}
    }


def test_demo_loads_gresik_and_a_second_run_adds_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "anggota" in out and "panwascam.dukun" in out
    assert Region.objects.filter(code__startswith="35.25.", level=Level.KECAMATAN).count() == 18
    assert Region.objects.filter(code__startswith="35.25.", level=Level.DESA).count() == 356
    gresik_tps = Tps.objects.filter(desa__code__startswith="35.25.")
    assert gresik_tps.count() == 1868
    assert sum(gresik_tps.values_list("dpt", flat=True)) == 971_740
    assert not gresik_tps.filter(dpt__gt=600).exists() and gresik_tps.filter(is_synthetic=False).count() == 0
    assert (
        Region.objects.filter(level=Level.DESA, code__startswith="35.25.").exclude(tps_set__isnull=False).count() == 0
    )
    pilbup = Election.objects.get(region_id="35.25")
    assert [(p.number, p.is_empty_box) for p in pilbup.pairs.all()] == [(1, False), (2, True)]
    assert CandidatePair.objects.filter(election__region_id="35").count() == 3
    assert User.objects.get(username="rozikin").has_usable_password() is False
    before = table_counts()
    call_command("load_demo", "--quiet-logins")
    assert table_counts() == before
    call_command("verify_audit")
