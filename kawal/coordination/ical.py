"""A minimal iCalendar (RFC 5545) event for a meeting invitation, written by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.conf import settings

from kawal.coordination.models import Meeting

DEFAULT_LENGTH = dt.timedelta(hours=3)


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 §3.3.11)."""
    return (
        text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def fold(line: str) -> Iterator[str]:
    """Fold a content line at 75 octets, continuation lines starting with a space (§3.1)."""
    data = line.encode()
    first = True
    while data:
        limit = 75 if first else 74
        cut = min(limit, len(data))
        while cut < len(data) and (data[cut] & 0xC0) == 0x80:  # do not split a UTF-8 sequence
            cut -= 1
        yield ("" if first else " ") + data[:cut].decode()
        data, first = data[cut:], False


def utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def meeting_ics(meeting: Meeting, *, sequence: int = 0) -> str:
    ends = meeting.ends_at or meeting.starts_at + DEFAULT_LENGTH
    host = settings.ALLOWED_HOSTS[0] if settings.ALLOWED_HOSTS and settings.ALLOWED_HOSTS[0] != "*" else "kawal.local"
    description = meeting.purpose
    agenda = [item.title for item in meeting.agenda.all()]
    if agenda:
        description += "\n\nAcara:\n" + "\n".join(f"{i}. {t}" for i, t in enumerate(agenda, start=1))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Kawal//Rapat Koordinasi//ID",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:meeting-{meeting.pk}@{host}",
        f"DTSTAMP:{utc(meeting.created_at or meeting.starts_at)}",
        f"SEQUENCE:{sequence}",
        f"DTSTART:{utc(meeting.starts_at)}",
        f"DTEND:{utc(ends)}",
        f"SUMMARY:{escape(meeting.title)}",
        f"LOCATION:{escape(meeting.venue)}",
        f"DESCRIPTION:{escape(description.strip())}",
        "STATUS:CONFIRMED",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(part + "\r\n" for line in lines for part in fold(line))
