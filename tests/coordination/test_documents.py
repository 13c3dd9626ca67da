import io

import pytest
from pypdf import PdfReader

from kawal.coordination.attendance import CheckInData, public_check_in
from kawal.coordination.commitments import CommitmentData, add_commitment
from kawal.coordination.services import StatementData, invite, save_minutes
from tests.conftest import Personas
from tests.coordination.conftest import MakeMeeting, at

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    assert content[:5] == b"%PDF-"
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def meeting(personas: Personas, make_meeting: MakeMeeting, stakeholders: dict):  # type: ignore[no-untyped-def]
    import datetime as dt

    meeting = make_meeting(title="Rakor Pengawasan Kampanye", starts_at=at(2024, 9, 25, 9), venue="Hotel Khas Gresik")
    invite(meeting, [stakeholders["polres"].pk, stakeholders["satpol"].pk], by=personas.staff)
    public_check_in(
        meeting, CheckInData(name="Andi Wijaya", stakeholder_id=stakeholders["polres"].pk, position="Kanit")
    )
    public_check_in(meeting, CheckInData(name="Sari Dewi", organisation="Radar Gresik", position="Wartawan"))
    save_minutes(
        meeting,
        by=personas.staff,
        summary="Rakor pertama.",
        decisions="Patroli bersama",
        statements=[StatementData(speaker="Ketua Rapat", content="Membuka rapat.")],
    )
    add_commitment(
        meeting,
        CommitmentData(
            owner_id=stakeholders["satpol"].pk, description="Menertibkan APK", due_date=dt.date(2024, 10, 10)
        ),
        by=personas.staff,
    )
    return meeting


def test_minutes_pdf_lists_attendees_and_commitments(client_for, personas: Personas, meeting) -> None:  # type: ignore[no-untyped-def]
    response = client_for(personas.staff).get(f"/koordinasi/rapat/{meeting.pk}/notulen.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for expected in [
        "NOTULEN RAPAT",
        "Andi Wijaya",
        "Sari Dewi",
        "Radar Gresik",
        "Menertibkan APK",
        "Satpol PP Gresik",
        "Ketua Rapat",
        "Patroli bersama",
        "Rabu, 25 September 2024",
    ]:
        assert expected in text, expected


def test_attendance_pdf_has_names_and_times(client_for, personas: Personas, meeting) -> None:  # type: ignore[no-untyped-def]
    text = pdf_text(client_for(personas.staff).get(f"/koordinasi/rapat/{meeting.pk}/daftar-hadir.pdf").content)
    assert "DAFTAR HADIR" in text and "Andi Wijaya" in text and "Tanda tangan" in text
    assert meeting.attendances.first().checked_in_at.astimezone().strftime("%H") in text


def test_invitation_letters_one_per_stakeholder(client_for, personas: Personas, meeting) -> None:  # type: ignore[no-untyped-def]
    content = client_for(personas.staff).get(f"/koordinasi/rapat/{meeting.pk}/undangan.pdf").content
    reader = PdfReader(io.BytesIO(content))
    assert len(reader.pages) == 2
    text = pdf_text(content)
    assert "Polres Gresik" in text and "Satpol PP Gresik" in text and "Hotel Khas Gresik" in text


def test_documents_of_another_kecamatan_are_404(client_for, personas: Personas, meeting) -> None:  # type: ignore[no-untyped-def]
    client = client_for(personas.panwascam_dukun)
    for name in ("notulen.pdf", "daftar-hadir.pdf", "undangan.pdf"):
        assert client.get(f"/koordinasi/rapat/{meeting.pk}/{name}").status_code == 404


def test_invitation_letters_need_an_invitation_first(client_for, personas: Personas, make_meeting: MakeMeeting) -> None:  # type: ignore[no-untyped-def]
    meeting = make_meeting()
    response = client_for(personas.staff).get(f"/koordinasi/rapat/{meeting.pk}/undangan.pdf", follow=True)
    assert "Undang sedikitnya satu stakeholder" in response.content.decode()
