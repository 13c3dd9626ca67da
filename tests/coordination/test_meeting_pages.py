import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kawal.coordination.models import Meeting
from kawal.coordination.services import invite
from tests.conftest import DUKUN, GRESIK, KEBOMAS, Personas
from tests.coordination.conftest import MakeMeeting

pytestmark = pytest.mark.django_db


def test_staff_create_a_meeting_from_the_form(client_for, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    response = client_for(personas.staff).post(
        "/koordinasi/rapat/baru/",
        {
            "title": "Rakor Pengawasan Kampanye",
            "starts_at": "2024-09-25T09:00",
            "venue": "Hotel Khas Gresik",
            "region": GRESIK,
            "agenda": "Pembukaan\nNetralitas ASN",
        },
    )
    meeting = Meeting.objects.get()
    assert response["Location"] == f"/koordinasi/rapat/{meeting.pk}/"
    assert [a.title for a in meeting.agenda.all()] == ["Pembukaan", "Netralitas ASN"]


def test_bad_meeting_input_is_shown_in_indonesian_and_kept(client_for, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    response = client_for(personas.staff).post(
        "/koordinasi/rapat/baru/",
        {
            "title": "Rakor",
            "starts_at": "2024-09-25T10:00",
            "ends_at": "2024-09-25T09:00",
            "venue": "Hotel",
            "region": GRESIK,
        },
    )
    assert response.status_code == 200
    assert "Rapat tidak dapat berakhir sebelum dimulai." in response.content.decode()
    assert 'value="Rakor"' in response.content.decode()
    assert not Meeting.objects.exists()


def test_panwascam_form_offers_only_its_kecamatan(client_for, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    client = client_for(personas.panwascam_kebomas)
    form = client.get("/koordinasi/rapat/baru/").context["form"]
    assert [code for code, _ in form.fields["region"].choices] == [KEBOMAS]
    response = client.post(
        "/koordinasi/rapat/baru/",
        {"title": "Rakor", "starts_at": "2024-09-25T10:00", "venue": "Balai", "region": DUKUN},
    )
    assert response.status_code == 200 and not Meeting.objects.exists()


def test_meeting_of_another_kecamatan_is_a_404(client_for, personas: Personas, make_meeting: MakeMeeting) -> None:  # type: ignore[no-untyped-def]
    meeting = make_meeting(by=personas.panwascam_kebomas, region_code=KEBOMAS)
    assert client_for(personas.panwascam_dukun).get(f"/koordinasi/rapat/{meeting.pk}/").status_code == 404
    assert client_for(personas.panwascam_kebomas).get(f"/koordinasi/rapat/{meeting.pk}/").status_code == 200


@pytest.mark.parametrize("persona", ["ptps", "stakeholder", "pkd"])
def test_non_staff_cannot_open_the_meeting_list(client_for, personas: Personas, persona: str) -> None:  # type: ignore[no-untyped-def]
    assert client_for(getattr(personas, persona)).get("/koordinasi/").status_code == 403


def test_anonymous_visitor_is_sent_to_log_in(client, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/koordinasi/")["Location"].startswith("/akun/masuk/")


def test_meeting_page_shows_the_qr_code_and_short_link(
    client_for, personas: Personas, make_meeting: MakeMeeting
) -> None:  # type: ignore[no-untyped-def]
    meeting = make_meeting()
    html = client_for(personas.staff).get(f"/koordinasi/rapat/{meeting.pk}/").content.decode()
    assert "<svg" in html and f"/koordinasi/hadir/{meeting.checkin_token}/" in html


def test_inviting_an_unknown_stakeholder_shows_a_message_and_invites_nobody(  # type: ignore[no-untyped-def]
    client_for, personas: Personas, make_meeting: MakeMeeting, stakeholders: dict
) -> None:
    meeting = make_meeting()
    client = client_for(personas.staff)
    response = client.post(
        f"/koordinasi/rapat/{meeting.pk}/undang/", {"stakeholders": [stakeholders["polres"].pk, 987654]}, follow=True
    )
    assert "Pemangku kepentingan tidak dikenal: 987654." in response.content.decode()
    assert not meeting.invitations.exists()


def test_meeting_list_query_count_does_not_grow(  # type: ignore[no-untyped-def]
    client_for, personas: Personas, make_meeting: MakeMeeting, stakeholders: dict
) -> None:
    client = client_for(personas.staff)
    make_meeting()
    client.get("/koordinasi/")
    with CaptureQueriesContext(connection) as one:
        client.get("/koordinasi/")
    for i in range(5):
        m = make_meeting(title=f"Rakor {i}")
        invite(m, [stakeholders["polres"].pk], by=personas.staff)
    with CaptureQueriesContext(connection) as six:
        response = client.get("/koordinasi/")
    assert len(response.context["meetings"]) == 6
    assert len(six) == len(one), [q["sql"] for q in six]


def test_edit_keeps_the_meeting_before_its_commitments(  # type: ignore[no-untyped-def]
    client_for, personas: Personas, make_meeting: MakeMeeting, stakeholders: dict
) -> None:
    import datetime as dt

    from kawal.coordination.commitments import CommitmentData, add_commitment
    from tests.coordination.conftest import at

    meeting = make_meeting(starts_at=at(2024, 9, 25))
    add_commitment(
        meeting,
        CommitmentData(owner_id=stakeholders["polres"].pk, description="Patroli", due_date=dt.date(2024, 10, 1)),
        by=personas.staff,
    )
    client = client_for(personas.staff)
    form = {"title": "Rakor diubah", "venue": "Aula", "region": GRESIK, "agenda": "Satu"}
    response = client.post(f"/koordinasi/rapat/{meeting.pk}/ubah/", {**form, "starts_at": "2024-10-05T09:00"})
    assert "Rapat tidak dapat dipindah ke tanggal setelah tenggat" in response.content.decode()
    response = client.post(f"/koordinasi/rapat/{meeting.pk}/ubah/", {**form, "starts_at": "2024-09-26T09:00"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.title == "Rakor diubah" and [a.title for a in meeting.agenda.all()] == ["Satu"]


def test_meeting_list_pages_by_fifty(client_for, personas: Personas, make_meeting: MakeMeeting) -> None:  # type: ignore[no-untyped-def]
    for i in range(51):
        make_meeting(title=f"Rakor {i:02d}")
    client = client_for(personas.staff)
    assert len(client.get("/koordinasi/").context["meetings"]) == 50
    second = client.get("/koordinasi/?halaman=2")
    assert len(second.context["meetings"]) == 1 and "halaman sebelumnya" in second.content.decode()
    assert client.get("/koordinasi/?halaman=abc").status_code == 200


def test_meeting_page_query_count_does_not_grow_with_attendees(  # type: ignore[no-untyped-def]
    client_for, personas: Personas, make_meeting: MakeMeeting, stakeholders: dict
) -> None:
    from kawal.coordination.attendance import CheckInData, public_check_in

    meeting = make_meeting()
    invite(meeting, [stakeholders["polres"].pk], by=personas.staff)
    client = client_for(personas.staff)
    public_check_in(meeting, CheckInData(name="Orang 0", stakeholder_id=stakeholders["polres"].pk))
    client.get(f"/koordinasi/rapat/{meeting.pk}/")
    with CaptureQueriesContext(connection) as few:
        client.get(f"/koordinasi/rapat/{meeting.pk}/")
    invite(meeting, [stakeholders["satpol"].pk, stakeholders["kominfo"].pk], by=personas.staff)
    for i in range(1, 8):
        public_check_in(meeting, CheckInData(name=f"Orang {i}", stakeholder_id=stakeholders["polres"].pk))
    with CaptureQueriesContext(connection) as many:
        client.get(f"/koordinasi/rapat/{meeting.pk}/")
    assert len(many) == len(few), [q["sql"] for q in many]
