import pytest

from kawal.elections.models import Cycle
from tests.conftest import Personas

pytestmark = pytest.mark.django_db


def test_staff_home_shows_real_numbers_in_indonesian(client_for, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    response = client_for(personas.staff).get("/")
    html = response.content.decode()
    assert response.context["numbers"] == {"kecamatan": 2, "desa": 3, "tps": 7, "dpt": 3512, "people": 8}
    assert "Selamat datang" in html and "Keluar" in html


def test_panwascam_home_counts_only_its_kecamatan(client_for, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    numbers = client_for(personas.panwascam_dukun).get("/").context["numbers"]
    assert (numbers["kecamatan"], numbers["desa"], numbers["tps"]) == (1, 1, 2)


def test_current_stage_is_shown_on_staff_pages(client_for, personas: Personas, settings) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from django.utils import timezone

    today = timezone.localdate()
    cycle = Cycle.objects.create(name="Uji", voting_date=today)
    cycle.stages.create(
        code="kampanye", name="Kampanye", start_date=today - dt.timedelta(days=3), end_date=today + dt.timedelta(days=3)
    )
    html = client_for(personas.panwascam_kebomas).get("/wilayah/35.25.14/").content.decode()
    assert "Tahapan berjalan" in html and "Kampanye" in html


def test_finished_timeline_shows_the_last_stage(client_for, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    cycle = Cycle.objects.create(name="Lalu", voting_date=dt.date(2024, 11, 27))
    cycle.stages.create(
        code="rekap", name="Rekapitulasi", start_date=dt.date(2024, 11, 27), end_date=dt.date(2024, 12, 16)
    )
    html = client_for(personas.staff).get("/").content.decode()
    assert "Tahapan terakhir" in html and "Rekapitulasi" in html


def test_english_can_be_selected(client_for, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    client = client_for(personas.staff)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Welcome" in client.get("/").content.decode()
