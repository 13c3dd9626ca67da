import datetime as dt

import pytest
from django.utils import timezone

from kawal.coordination.commitments import CommitmentData, add_commitment
from kawal.coordination.reminders import send_due_reminders
from kawal.coordination.tasks import remind_commitments_due
from tests.conftest import Personas
from tests.coordination.conftest import MakeMeeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitments(personas: Personas, make_meeting: MakeMeeting, stakeholders: dict) -> dict:
    meeting = make_meeting(starts_at=timezone.now() - dt.timedelta(days=5))
    today = timezone.localdate()

    def add(key: str, days: int) -> object:
        data = CommitmentData(
            owner_id=stakeholders[key].pk, description=f"Tugas {key} {days}", due_date=today + dt.timedelta(days=days)
        )
        return add_commitment(meeting, data, by=personas.staff)

    return {"soon": add("polres", 2), "later": add("polres", 10), "no_contact": add("satpol", 1)}


def test_reminder_goes_to_contacts_of_commitments_due_soon_once(
    commitments: dict, mailoutbox: list, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders() == 1
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["budi@polres.example"]
    assert message.subject.startswith("Pengingat: komitmen jatuh tempo")
    assert "Tugas polres 2" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders() == 0
    assert len(mailoutbox) == 1


def test_done_commitments_are_not_reminded(commitments: dict, personas: Personas, mailoutbox: list) -> None:
    from kawal.coordination.commitments import complete_commitment

    complete_commitment(commitments["soon"], by=personas.staff, note="selesai")
    assert send_due_reminders() == 0


def test_the_periodic_task_runs_the_same_job(
    commitments: dict, django_capture_on_commit_callbacks, mailoutbox: list
) -> None:  # type: ignore[no-untyped-def]
    with django_capture_on_commit_callbacks(execute=True):
        remind_commitments_due.call_local()
    assert len(mailoutbox) == 1
