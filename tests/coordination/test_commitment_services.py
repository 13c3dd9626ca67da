import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kawal.coordination.commitments import (
    CommitmentData,
    add_commitment,
    complete_commitment,
    mark_missed,
    start_commitment,
)
from kawal.coordination.models import Commitment, CommitmentStatus
from tests.conftest import Personas
from tests.coordination.conftest import JAKARTA, MakeMeeting, at

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def meeting(make_meeting: MakeMeeting):  # type: ignore[no-untyped-def]
    return make_meeting(starts_at=at(2024, 9, 25, 9))


def commit(meeting, owner, due: dt.date, by) -> Commitment:  # type: ignore[no-untyped-def]
    data = CommitmentData(owner_id=owner.pk, description="Mengingatkan ASN untuk netral", due_date=due)
    return add_commitment(meeting, data, by=by)


def test_due_date_before_the_meeting_is_refused(personas: Personas, meeting, stakeholders: dict) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="tidak boleh sebelum rapat"):
        commit(meeting, stakeholders["polres"], dt.date(2024, 9, 24), personas.staff)
    assert not Commitment.objects.exists()
    assert commit(meeting, stakeholders["polres"], dt.date(2024, 9, 25), personas.staff).due_date == dt.date(
        2024, 9, 25
    )


def test_unknown_stakeholder_is_refused(personas: Personas, meeting) -> None:  # type: ignore[no-untyped-def]
    data = CommitmentData(owner_id=424242, description="Patroli", due_date=dt.date(2024, 10, 1))
    with pytest.raises(ValidationError, match="Pemangku kepentingan tidak dikenal"):
        add_commitment(meeting, data, by=personas.staff)
    assert not Commitment.objects.exists()


def test_overdue_is_computed_from_the_due_date_and_status(personas: Personas, meeting, stakeholders: dict) -> None:  # type: ignore[no-untyped-def]
    c = commit(meeting, stakeholders["satpol"], dt.date(2024, 10, 1), personas.staff)
    assert not c.is_overdue(dt.date(2024, 10, 1))
    assert c.is_overdue(dt.date(2024, 10, 2))
    assert c.follow_up_state(dt.date(2024, 10, 2)) == "overdue"
    assert list(Commitment.objects.overdue(dt.date(2024, 10, 2))) == [c]
    assert not Commitment.objects.overdue(dt.date(2024, 10, 1)).exists()


def test_done_on_the_due_date_in_jakarta_is_on_time(personas: Personas, meeting, stakeholders: dict) -> None:  # type: ignore[no-untyped-def]
    c = commit(meeting, stakeholders["satpol"], dt.date(2024, 10, 1), personas.staff)
    # 23:30 in Jakarta on the due date is 16:30 UTC the same day: on time.
    done = complete_commitment(
        c, by=personas.staff, note="APK ditertibkan", completed_at=dt.datetime(2024, 10, 1, 23, 30, tzinfo=JAKARTA)
    )
    assert done.status == CommitmentStatus.DONE and done.completed_on_time is True
    assert done.follow_up_state() == "done_on_time"


def test_done_after_the_due_date_is_late(personas: Personas, meeting, stakeholders: dict) -> None:  # type: ignore[no-untyped-def]
    c = commit(meeting, stakeholders["satpol"], dt.date(2024, 10, 1), personas.staff)
    done = complete_commitment(
        c, by=personas.staff, note="APK ditertibkan", completed_at=dt.datetime(2024, 10, 2, 0, 30, tzinfo=JAKARTA)
    )
    assert done.completed_on_time is False and done.follow_up_state() == "done_late"


def test_completion_needs_evidence(personas: Personas, meeting, stakeholders: dict) -> None:  # type: ignore[no-untyped-def]
    c = commit(meeting, stakeholders["satpol"], dt.date(2024, 10, 1), personas.staff)
    with pytest.raises(ValidationError, match="bukti"):
        complete_commitment(c, by=personas.staff, note="  ")
    c.refresh_from_db()
    assert c.status == CommitmentStatus.OPEN


def test_completion_stores_evidence_files(personas: Personas, meeting, stakeholders: dict) -> None:  # type: ignore[no-untyped-def]
    c = commit(meeting, stakeholders["satpol"], dt.date(2024, 10, 1), personas.staff)
    photo = SimpleUploadedFile("foto.png", PNG, content_type="image/png")
    done = complete_commitment(c, by=personas.staff, note="", files=[photo])
    assert done.evidence_links.count() == 1
    assert done.evidence_links.get().evidence.content_type == "image/png"


def test_a_disguised_program_is_refused_and_the_commitment_stays_open(
    personas: Personas, meeting, stakeholders: dict
) -> None:  # type: ignore[no-untyped-def]
    c = commit(meeting, stakeholders["satpol"], dt.date(2024, 10, 1), personas.staff)
    program = SimpleUploadedFile("foto.jpg", b"MZ\x90\x00" + b"\x00" * 200, content_type="image/jpeg")
    with pytest.raises(ValidationError):
        complete_commitment(c, by=personas.staff, note="bukti", files=[program])
    c.refresh_from_db()
    assert c.status == CommitmentStatus.OPEN and not c.evidence_links.exists()


def test_missed_only_after_the_due_date(personas: Personas, meeting, stakeholders: dict) -> None:  # type: ignore[no-untyped-def]
    c = commit(meeting, stakeholders["polres"], timezone.localdate() + dt.timedelta(days=3), personas.staff)
    with pytest.raises(ValidationError):
        mark_missed(c, by=personas.staff)
    assert mark_missed(c, by=personas.staff, today=c.due_date + dt.timedelta(days=1)).status == CommitmentStatus.MISSED


def test_a_closed_commitment_cannot_be_started_again(personas: Personas, meeting, stakeholders: dict) -> None:  # type: ignore[no-untyped-def]
    c = commit(meeting, stakeholders["polres"], dt.date(2024, 10, 1), personas.staff)
    assert start_commitment(c, by=personas.staff).status == CommitmentStatus.IN_PROGRESS
    complete_commitment(c, by=personas.staff, note="Surat edaran terbit")
    with pytest.raises(ValidationError, match="sudah ditutup"):
        start_commitment(c, by=personas.staff)
