import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kawal.coordination.models import Meeting
from kawal.coordination.services import MeetingData, create_meeting, invite
from kawal.core.models import AuditEvent
from tests.conftest import DUKUN, GRESIK, KEBOMAS, Personas
from tests.coordination.conftest import MakeMeeting, at

pytestmark = pytest.mark.django_db


def test_staff_create_a_meeting_with_its_agenda_and_one_audit_event(make_meeting: MakeMeeting) -> None:
    before = AuditEvent.objects.filter(action="coordination.meeting_created").count()
    meeting = make_meeting(agenda=["Pembukaan", "", "Diskusi"])
    assert [a.title for a in meeting.agenda.all()] == ["Pembukaan", "Diskusi"]
    assert meeting.is_open_for_checkin and len(meeting.checkin_token) >= 8
    assert AuditEvent.objects.filter(action="coordination.meeting_created").count() == before + 1


def test_panwascam_runs_meetings_only_for_its_own_kecamatan(personas: Personas, make_meeting: MakeMeeting) -> None:
    assert make_meeting(by=personas.panwascam_kebomas, region_code=KEBOMAS).region_id == KEBOMAS
    with pytest.raises(PermissionDenied):
        make_meeting(by=personas.panwascam_kebomas, region_code=DUKUN)
    with pytest.raises(PermissionDenied):
        make_meeting(by=personas.panwascam_kebomas, region_code=GRESIK)
    assert not Meeting.objects.filter(region_id__in=[DUKUN, GRESIK]).exists()


@pytest.mark.parametrize("persona", ["pkd", "ptps", "stakeholder"])
def test_field_supervisors_and_liaisons_cannot_organise_meetings(
    personas: Personas, make_meeting: MakeMeeting, persona: str
) -> None:
    with pytest.raises(PermissionDenied):
        make_meeting(by=getattr(personas, persona), region_code=KEBOMAS)


def test_meeting_cannot_end_before_it_starts(personas: Personas) -> None:
    data = MeetingData(
        title="Rakor", starts_at=at(2024, 9, 25, 9), ends_at=at(2024, 9, 25, 8), venue="Hotel", region_code=GRESIK
    )
    with pytest.raises(ValidationError, match="tidak dapat berakhir sebelum"):
        create_meeting(data, by=personas.staff)


def test_visibility_follows_region_scope(personas: Personas, make_meeting: MakeMeeting) -> None:
    kebomas = make_meeting(by=personas.panwascam_kebomas, region_code=KEBOMAS)
    regency = make_meeting()
    assert set(Meeting.objects.visible_to(personas.member)) == {kebomas, regency}
    assert list(Meeting.objects.visible_to(personas.panwascam_kebomas)) == [kebomas]
    assert not Meeting.objects.visible_to(personas.panwascam_dukun).exists()
    assert not Meeting.objects.visible_to(personas.stakeholder).exists()


def test_invite_refuses_an_unknown_stakeholder_and_invites_nobody(
    personas: Personas, make_meeting: MakeMeeting, stakeholders: dict
) -> None:
    meeting = make_meeting()
    with pytest.raises(ValidationError, match="Pemangku kepentingan tidak dikenal"):
        invite(meeting, [stakeholders["polres"].pk, 999_999], by=personas.staff)
    assert not meeting.invitations.exists()


def test_panwascam_cannot_invite_another_kecamatans_stakeholder(
    personas: Personas, make_meeting: MakeMeeting, stakeholders: dict
) -> None:
    meeting = make_meeting(by=personas.panwascam_kebomas, region_code=KEBOMAS)
    with pytest.raises(ValidationError):
        invite(meeting, [stakeholders["polsek_dukun"].pk], by=personas.panwascam_kebomas)
    invited = invite(
        meeting, [stakeholders["polsek_kebomas"].pk, stakeholders["polres"].pk], by=personas.panwascam_kebomas
    )
    assert {s.name for s in invited} == {"Polsek Kebomas", "Polres Gresik"}


def test_invitation_emails_contacts_with_letter_and_calendar_file(
    personas: Personas,
    make_meeting: MakeMeeting,
    stakeholders: dict,
    mailoutbox: list,
    django_capture_on_commit_callbacks,
) -> None:
    meeting = make_meeting(title="Rakor Netralitas ASN")
    with django_capture_on_commit_callbacks(execute=True):
        invite(meeting, [stakeholders["polres"].pk, stakeholders["satpol"].pk], by=personas.staff)
    assert len(mailoutbox) == 1  # only Polres has a contact with an e-mail address
    message = mailoutbox[0]
    assert message.to == ["budi@polres.example"]
    assert "Rakor Netralitas ASN" in message.subject
    names = [a[0] for a in message.attachments]
    assert names == ["undangan.pdf", "rapat.ics"]
    assert message.attachments[0][1][:5] == b"%PDF-"
    ics = message.attachments[1][1]
    assert "BEGIN:VEVENT" in ics and "SUMMARY:Rakor Netralitas ASN" in ics
    assert meeting.invitations.get(stakeholder=stakeholders["polres"]).emailed_to == 1


def test_inviting_twice_adds_nobody_twice(personas: Personas, make_meeting: MakeMeeting, stakeholders: dict) -> None:
    meeting = make_meeting()
    invite(meeting, [stakeholders["polres"].pk], by=personas.staff)
    assert invite(meeting, [stakeholders["polres"].pk, stakeholders["satpol"].pk], by=personas.staff) == [
        stakeholders["satpol"]
    ]
    assert meeting.invitations.count() == 2
