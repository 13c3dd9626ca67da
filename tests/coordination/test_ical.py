import pytest

from kawal.coordination.ical import escape, fold, meeting_ics
from tests.coordination.conftest import MakeMeeting, at

pytestmark = pytest.mark.django_db


def test_text_values_are_escaped() -> None:
    assert escape("Rakor; APK, netral\\ASN\nbaris 2") == "Rakor\\; APK\\, netral\\\\ASN\\nbaris 2"


def test_long_lines_fold_at_75_octets_without_splitting_characters() -> None:
    line = "DESCRIPTION:" + "é" * 100
    parts = list(fold(line))
    assert all(len(p.encode()) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join([parts[0], *(p[1:] for p in parts[1:])]) == line


def test_meeting_event_in_utc_with_crlf_lines(make_meeting: MakeMeeting) -> None:
    meeting = make_meeting(title="Rakor, Gresik", starts_at=at(2024, 9, 25, 9), venue="Hotel Khas Gresik")
    ics = meeting_ics(meeting)
    lines = ics.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == ""
    assert "DTSTART:20240925T020000Z" in lines and "DTEND:20240925T050000Z" in lines
    assert "SUMMARY:Rakor\\, Gresik" in lines
    assert f"UID:meeting-{meeting.pk}@127.0.0.1" in lines
