import datetime as dt

import pytest

from kawal.coordination.models import Commitment, Minutes
from tests.conftest import Personas
from tests.coordination.conftest import MakeMeeting, at

pytestmark = pytest.mark.django_db


def formset(rows: list[tuple[str, str, str]], initial: int = 0) -> dict[str, str]:
    data = {"s-TOTAL_FORMS": str(len(rows)), "s-INITIAL_FORMS": str(initial), "s-MAX_NUM_FORMS": "60"}
    for i, (speaker, role, content) in enumerate(rows):
        data |= {f"s-{i}-speaker": speaker, f"s-{i}-speaker_role": role, f"s-{i}-content": content}
    return data


def test_minutes_are_saved_with_statements_and_decisions(  # type: ignore[no-untyped-def]
    client_for, personas: Personas, make_meeting: MakeMeeting
) -> None:
    meeting = make_meeting()
    response = client_for(personas.staff).post(
        f"/koordinasi/rapat/{meeting.pk}/notulen/",
        {
            "summary": "Rakor pertama",
            "decisions": "Patroli bersama\n\nPenertiban APK",
            **formset([("Ketua", "Bawaslu", "Membuka rapat"), ("", "", "")]),
        },
    )
    assert response.status_code == 302
    minutes = Minutes.objects.get(meeting=meeting)
    assert minutes.decision_list == ["Patroli bersama", "Penertiban APK"]
    assert [(s.speaker, s.content) for s in meeting.statements.all()] == [("Ketua", "Membuka rapat")]


def test_a_statement_without_speaker_is_refused_and_the_text_kept(  # type: ignore[no-untyped-def]
    client_for, personas: Personas, make_meeting: MakeMeeting
) -> None:
    meeting = make_meeting()
    response = client_for(personas.staff).post(
        f"/koordinasi/rapat/{meeting.pk}/notulen/",
        {"summary": "Ringkasan penting", "decisions": "", **formset([("", "", "Isi tanpa pembicara")])},
    )
    html = response.content.decode()
    assert "Setiap pokok bahasan harus berisi pembicara" in html
    assert "Ringkasan penting" in html and "Isi tanpa pembicara" in html
    assert not Minutes.objects.exists()


def test_commitment_with_due_date_before_the_meeting_gets_an_indonesian_message(  # type: ignore[no-untyped-def]
    client_for, personas: Personas, make_meeting: MakeMeeting, stakeholders: dict
) -> None:
    meeting = make_meeting(starts_at=at(2024, 9, 25))
    response = client_for(personas.staff).post(
        f"/koordinasi/rapat/{meeting.pk}/komitmen/",
        {"c-owner": stakeholders["satpol"].pk, "c-description": "Tertibkan APK", "c-due_date": "2024-09-20"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Tenggat tidak boleh sebelum rapat (25-09-2024)." in html
    assert "Tertibkan APK" in html
    assert not Commitment.objects.exists()


def test_commitment_for_an_unknown_stakeholder_is_refused(  # type: ignore[no-untyped-def]
    client_for, personas: Personas, make_meeting: MakeMeeting
) -> None:
    meeting = make_meeting(starts_at=at(2024, 9, 25))
    response = client_for(personas.staff).post(
        f"/koordinasi/rapat/{meeting.pk}/komitmen/",
        {"c-owner": "31337", "c-description": "Tertibkan APK", "c-due_date": "2024-10-20"},
    )
    assert response.status_code == 400
    assert "Pemangku kepentingan tidak dikenal" in response.content.decode()
    assert not Commitment.objects.exists()


def test_commitment_is_added(client_for, personas: Personas, make_meeting: MakeMeeting, stakeholders: dict) -> None:  # type: ignore[no-untyped-def]
    meeting = make_meeting(starts_at=at(2024, 9, 25))
    response = client_for(personas.staff).post(
        f"/koordinasi/rapat/{meeting.pk}/komitmen/",
        {
            "c-owner": stakeholders["satpol"].pk,
            "c-description": "Tertibkan APK di tempat terlarang",
            "c-due_date": "2024-10-20",
            "c-risk": "APK di tempat ibadah",
        },
    )
    assert response.status_code == 302
    c = Commitment.objects.get()
    assert (c.owner, c.due_date, c.risk) == (stakeholders["satpol"], dt.date(2024, 10, 20), "APK di tempat ibadah")
