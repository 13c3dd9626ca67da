import pytest
from django.test import Client

from kawal.coordination.attendance import set_checkin
from kawal.coordination.models import Attendance
from kawal.coordination.services import invite
from tests.conftest import Personas
from tests.coordination.conftest import MakeMeeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(personas: Personas, make_meeting: MakeMeeting, stakeholders: dict):  # type: ignore[no-untyped-def]
    meeting = make_meeting()
    invite(meeting, [stakeholders["polres"].pk, stakeholders["kominfo"].pk], by=personas.staff)
    return meeting


def test_public_page_needs_no_login_and_shows_no_contact_details(meeting, client: Client) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"/koordinasi/hadir/{meeting.checkin_token}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Polres Gresik" in html and "Dinas Kominfo Gresik" in html
    assert "Budi Santoso" not in html and "0812" not in html and "polres.example" not in html


def test_person_checks_in_from_their_phone(meeting, client: Client, stakeholders: dict) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        f"/koordinasi/hadir/{meeting.checkin_token}/",
        {"name": "Andi", "stakeholder": stakeholders["polres"].pk, "position": "Kanit"},
    )
    assert response.status_code == 200
    assert "Terima kasih" in response.content.decode()
    assert Attendance.objects.get().organisation == "Polres Gresik"


def test_check_in_needs_a_csrf_token(meeting) -> None:  # type: ignore[no-untyped-def]
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/koordinasi/hadir/{meeting.checkin_token}/", {"name": "Andi", "organisation": "X"})
    assert response.status_code == 403
    assert not Attendance.objects.exists()


def test_closed_meeting_refuses_check_in_in_indonesian(meeting, client: Client, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    set_checkin(meeting, by=personas.staff, open_=False)
    assert (
        "Daftar hadir rapat ini sudah ditutup."
        in client.get(f"/koordinasi/hadir/{meeting.checkin_token}/").content.decode()
    )
    response = client.post(f"/koordinasi/hadir/{meeting.checkin_token}/", {"name": "Andi", "organisation": "X"})
    assert response.status_code == 400
    assert "Daftar hadir rapat ini sudah ditutup." in response.content.decode()
    assert not Attendance.objects.exists()


def test_unknown_stakeholder_on_the_public_form_is_refused(meeting, client: Client, stakeholders: dict) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        f"/koordinasi/hadir/{meeting.checkin_token}/", {"name": "Andi", "stakeholder": stakeholders["satpol"].pk}
    )
    assert response.status_code == 400
    assert "Pemangku kepentingan tidak dikenal" in response.content.decode()
    assert 'value="Andi"' in response.content.decode()
    assert not Attendance.objects.exists()


def test_wrong_token_is_a_404(client: Client, personas: Personas) -> None:
    assert client.get("/koordinasi/hadir/tidak-ada/").status_code == 404


def test_a_flood_of_check_ins_is_stopped_in_indonesian(meeting, client: Client, stakeholders: dict) -> None:  # type: ignore[no-untyped-def]
    from unittest.mock import patch

    from kawal.core.throttling import CheckInThrottle

    url = f"/koordinasi/hadir/{meeting.checkin_token}/"
    with patch.object(CheckInThrottle, "rate", "1/hour"):
        assert client.post(url, {"name": "Andi", "stakeholder": stakeholders["polres"].pk}).status_code == 200
        held = client.post(url, {"name": "Budi Tertahan", "stakeholder": stakeholders["polres"].pk})
    assert held.status_code == 429
    html = held.content.decode()
    assert "Terlalu banyak pengisian daftar hadir dari alamat jaringan ini" in html
    assert 'value="Budi Tertahan"' in html
    assert Attendance.objects.count() == 1
