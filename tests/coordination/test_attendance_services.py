import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kawal.coordination.attendance import CheckInData, public_check_in, set_checkin, staff_check_in
from kawal.coordination.models import CheckInMethod
from kawal.coordination.services import invite
from kawal.core.models import AuditEvent
from tests.conftest import Personas
from tests.coordination.conftest import MakeMeeting

pytestmark = pytest.mark.django_db


def test_public_check_in_records_name_organisation_and_time(
    personas: Personas, make_meeting: MakeMeeting, stakeholders: dict
) -> None:
    meeting = make_meeting()
    invite(meeting, [stakeholders["polres"].pk], by=personas.staff)
    attendance = public_check_in(
        meeting, CheckInData(name="  Andi  Wijaya ", position="Kanit", stakeholder_id=stakeholders["polres"].pk)
    )
    assert (attendance.name, attendance.organisation, attendance.method) == ("Andi Wijaya", "Polres Gresik", "qr")
    assert attendance.checked_in_at is not None and attendance.recorded_by is None
    event = AuditEvent.objects.get(action="coordination.checked_in")
    assert event.actor_label == "public check-in"
    assert "Andi" not in str(event.data)


def test_public_check_in_with_organisation_not_on_the_list(make_meeting: MakeMeeting) -> None:
    attendance = public_check_in(make_meeting(), CheckInData(name="Sari", organisation="Radar Gresik"))
    assert attendance.organisation == "Radar Gresik" and attendance.stakeholder is None


def test_check_in_to_a_closed_meeting_is_refused_and_changes_nothing(
    personas: Personas, make_meeting: MakeMeeting
) -> None:
    meeting = make_meeting()
    set_checkin(meeting, by=personas.staff, open_=False)
    with pytest.raises(ValidationError, match="Daftar hadir rapat ini sudah ditutup"):
        public_check_in(meeting, CheckInData(name="Sari", organisation="Radar Gresik"))
    with pytest.raises(ValidationError, match="sudah ditutup"):
        staff_check_in(meeting, CheckInData(name="Sari", organisation="Radar Gresik"), by=personas.staff)
    assert not meeting.attendances.exists()


def test_public_check_in_refuses_a_stakeholder_that_was_not_invited(
    personas: Personas, make_meeting: MakeMeeting, stakeholders: dict
) -> None:
    meeting = make_meeting()
    with pytest.raises(ValidationError, match="tidak dikenal"):
        public_check_in(meeting, CheckInData(name="Sari", stakeholder_id=stakeholders["satpol"].pk))
    assert not meeting.attendances.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [(CheckInData(name=" ", organisation="X"), "nama"), (CheckInData(name="Sari"), "instansi")],
)
def test_check_in_needs_name_and_organisation(make_meeting: MakeMeeting, data: CheckInData, message: str) -> None:
    meeting = make_meeting()
    with pytest.raises(ValidationError, match=message):
        public_check_in(meeting, data)
    assert not meeting.attendances.exists()


def test_staff_tick_in_is_recorded_with_the_staff_member(
    personas: Personas, make_meeting: MakeMeeting, stakeholders: dict
) -> None:
    meeting = make_meeting()
    attendance = staff_check_in(
        meeting, CheckInData(name="Dewi", stakeholder_id=stakeholders["kominfo"].pk), by=personas.member
    )
    assert attendance.method == CheckInMethod.STAFF and attendance.recorded_by == personas.member


def test_panwascam_of_another_kecamatan_cannot_tick_people_in(personas: Personas, make_meeting: MakeMeeting) -> None:
    meeting = make_meeting()
    with pytest.raises(PermissionDenied):
        staff_check_in(meeting, CheckInData(name="Dewi", organisation="X"), by=personas.panwascam_dukun)


def test_checking_in_twice_lists_the_person_once(make_meeting: MakeMeeting) -> None:
    meeting = make_meeting()
    first = public_check_in(meeting, CheckInData(name="Sari Dewi", organisation="Radar Gresik"))
    again = public_check_in(meeting, CheckInData(name="sari  dewi", organisation="RADAR GRESIK"))
    assert again == first and meeting.attendances.count() == 1


def test_copying_a_paper_list_keeps_its_times_but_not_future_ones(
    personas: Personas, make_meeting: MakeMeeting
) -> None:
    import datetime as dt

    from django.utils import timezone

    meeting = make_meeting()
    earlier = timezone.now() - dt.timedelta(days=9, hours=2)
    data = CheckInData(name="Dewi", organisation="Kecamatan Kebomas")
    assert staff_check_in(meeting, data, by=personas.staff, at=earlier).checked_in_at == earlier
    with pytest.raises(ValidationError, match="masa depan"):
        staff_check_in(
            meeting,
            CheckInData(name="Eko", organisation="X"),
            by=personas.staff,
            at=timezone.now() + dt.timedelta(hours=1),
        )
