"""Scenario 3: the seed meeting is there after the demo loads, with its attendees and speakers."""

import pytest
from django.core.management import call_command

from kawal.coordination.demo import QUIET_TITLE, SEED_TITLE
from kawal.coordination.models import Commitment, Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo() -> None:
    call_command("load_demo", "--quiet-logins")


def test_seed_meeting_with_attendees_and_speakers(demo: None) -> None:
    meeting = Meeting.objects.get(title=SEED_TITLE)
    assert meeting.venue == "Hotel Khas Gresik" and meeting.local_date.isoformat() == "2024-09-25"
    organisations = set(meeting.attendances.values_list("stakeholder__kind", flat=True))
    assert organisations == {
        "bakesbangpol",
        "police",
        "prosecutor",
        "dishub",
        "kominfo",
        "satpol_pp",
        "dlh",
        "media",
    }
    speakers = list(meeting.statements.values_list("speaker", flat=True))
    assert speakers == ["Rozikin", "Robbah Khunaifih"]
    robbah = meeting.statements.get(speaker="Robbah Khunaifih")
    assert "netralitas ASN" in robbah.content.lower() or "netralitas" in robbah.content
    assert not meeting.is_open_for_checkin
    assert Commitment.objects.filter(meeting=meeting).count() >= 5


def test_pre_quiet_period_meeting_adds_parties_campaign_teams_and_monitors(demo: None) -> None:
    meeting = Meeting.objects.get(title=QUIET_TITLE)
    kinds = set(meeting.invitations.values_list("stakeholder__kind", flat=True))
    assert {"party", "campaign_team", "monitor"} <= kinds
    assert meeting.local_date.isoformat() == "2024-11-23"


def test_demo_record_mixes_on_time_late_missed_and_overdue(demo: None) -> None:
    states = {c.follow_up_state() for c in Commitment.objects.all()}
    assert {"done_on_time", "done_late", "missed", "overdue"} <= states


def test_a_second_load_adds_nothing(demo: None) -> None:
    from kawal.core.models import AuditEvent

    before = (Meeting.objects.count(), Commitment.objects.count(), AuditEvent.objects.count())
    call_command("load_demo", "--quiet-logins")
    assert (Meeting.objects.count(), Commitment.objects.count(), AuditEvent.objects.count()) == before
