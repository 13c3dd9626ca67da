"""Inviting a person in their own right, beside the stakeholders."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from kawal.coordination.models import GuestInvitation
from kawal.coordination.services import invite_person
from kawal.core.models import AuditEvent
from tests.conftest import Personas
from tests.coordination.conftest import MakeMeeting
from tests.coordination.test_documents import pdf_text

pytestmark = pytest.mark.django_db


def test_person_gets_letter_and_calendar_file_and_the_address_stays_private(  # type: ignore[no-untyped-def]
    personas: Personas, make_meeting: MakeMeeting, mailoutbox: list, django_capture_on_commit_callbacks
) -> None:
    meeting = make_meeting(title="Rakor Kecamatan")
    with django_capture_on_commit_callbacks(execute=True):
        guest = invite_person(
            meeting, by=personas.staff, name="Siti Aminah", position="Camat", email="siti@example.test"
        )
    assert [m.to for m in mailoutbox] == [["siti@example.test"]]
    assert [a[0] for a in mailoutbox[0].attachments] == ["undangan.pdf", "rapat.ics"]
    assert "Siti Aminah, Camat" in pdf_text(mailoutbox[0].attachments[0][1])
    guest.refresh_from_db()
    assert guest.emailed
    event = AuditEvent.objects.get(action="coordination.person_invited")
    assert "siti@" not in str(event.data)
    with connection.cursor() as cursor:
        cursor.execute("SELECT email FROM coordination_guestinvitation")
        assert "siti@" not in cursor.fetchone()[0]


def test_same_person_twice_is_refused(personas: Personas, make_meeting: MakeMeeting) -> None:
    meeting = make_meeting()
    invite_person(meeting, by=personas.staff, name="Siti Aminah")
    with pytest.raises(ValidationError, match="sudah diundang"):
        invite_person(meeting, by=personas.staff, name="siti  aminah")
    assert GuestInvitation.objects.count() == 1


def test_panwascam_of_another_kecamatan_cannot_invite(personas: Personas, make_meeting: MakeMeeting) -> None:
    with pytest.raises(PermissionDenied):
        invite_person(make_meeting(), by=personas.panwascam_dukun, name="Siti")


def test_invite_from_the_meeting_page_and_print_the_letter(  # type: ignore[no-untyped-def]
    client_for, personas: Personas, make_meeting: MakeMeeting
) -> None:
    meeting = make_meeting()
    client = client_for(personas.staff)
    response = client.post(
        f"/koordinasi/rapat/{meeting.pk}/undang-perorangan/",
        {"name": "Kyai Hasan", "position": "Tokoh masyarakat"},
        follow=True,
    )
    assert "Kyai Hasan telah diundang." in response.content.decode()
    bad = client.post(
        f"/koordinasi/rapat/{meeting.pk}/undang-perorangan/", {"name": "", "email": "bukan-email"}, follow=True
    )
    assert bad.status_code == 200 and GuestInvitation.objects.count() == 1
    assert "Kyai Hasan, Tokoh masyarakat" in pdf_text(
        client.get(f"/koordinasi/rapat/{meeting.pk}/undangan.pdf").content
    )
