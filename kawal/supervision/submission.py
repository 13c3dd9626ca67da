"""Reading one TPS report submission (from the API, the form or the offline outbox).

Validation is plain Python over the JSON payload (no serializer, no queries: the TPS and
election come from the per-process lookups), so it costs microseconds. Errors name the
field and say what is wrong, in the user's language.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from kawal.core.scope import code_covers
from kawal.supervision.lookups import ElectionInfo, TpsInfo, lookups
from kawal.supervision.quality import Figures

COUNT_FIELDS = (
    "dpt",
    "dptb",
    "dpk",
    "voters_male",
    "voters_female",
    "ballots_received",
    "ballots_used",
    "ballots_damaged",
    "ballots_unused",
    "invalid",
    "cast",
)
REQUIRED_COUNTS = ("dpt", "invalid", "cast")
MAX_COUNT = 100_000  # far above a TPS (≤ 600 voters); catches typing slips
TIME_PATTERN = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass
class Submission:
    submission_id: uuid.UUID
    election: ElectionInfo
    tps: TpsInfo
    figures: Figures
    checklist: dict[str, Any]
    submitted_at: datetime | None
    note: str = ""


@dataclass
class Invalid:
    errors: dict[str, str] = field(default_factory=dict)
    submission_id: str = ""
    not_found: bool = False


def _count(value: Any, name: str, errors: dict[str, str], required: bool) -> int:
    if value is None or value == "":
        if required:
            errors[name] = _("This number is required.")
        return 0
    if isinstance(value, bool):
        errors[name] = _("Enter a whole number.")
        return 0
    try:
        number = int(value)
    except (TypeError, ValueError):
        errors[name] = _("Enter a whole number.")
        return 0
    if isinstance(value, float) and value != number:
        errors[name] = _("Enter a whole number.")
    if not 0 <= number <= MAX_COUNT:
        errors[name] = _("Enter a number between 0 and %(max)d.") % {"max": MAX_COUNT}
    return number


def _checklist(answers: Any, election: ElectionInfo, errors: dict[str, str]) -> dict[str, Any]:
    if answers in (None, ""):
        answers = {}
    if not isinstance(answers, Mapping):
        errors["checklist"] = _("The checklist must be a set of answers.")
        return {}
    known = {item.key: item for item in election.checklist}
    clean: dict[str, Any] = {}
    for key in answers:
        if key not in known:
            errors[f"checklist.{key}"] = _("Unknown checklist question.")
    for key, item in known.items():
        value = answers.get(key)
        if value is None or value == "":
            if item.required:
                errors[f"checklist.{key}"] = _("This answer is required.")
            continue
        if item.kind == "yesno":
            if isinstance(value, str) and value.lower() in {"ya", "yes", "true", "1", "tidak", "no", "false", "0"}:
                value = value.lower() in {"ya", "yes", "true", "1"}
            if not isinstance(value, bool):
                errors[f"checklist.{key}"] = _("Answer yes or no.")
                continue
        elif item.kind == "number":
            value = _count(value, f"checklist.{key}", errors, True)
        elif item.kind == "time":
            if not isinstance(value, str) or not TIME_PATTERN.match(value):
                errors[f"checklist.{key}"] = _("Enter a time as HH:MM.")
                continue
        else:
            value = str(value)[:500]
        clean[key] = value
    return clean


def parse(data: Any, *, default_election: int | None = None) -> Submission | Invalid:
    """Check one payload; return a :class:`Submission` or what is wrong with it."""
    if not isinstance(data, Mapping):
        return Invalid({"__all__": _("Each report must be a JSON object.")})
    errors: dict[str, str] = {}
    raw_id = str(data.get("submission_id") or "")
    try:
        submission_id = uuid.UUID(raw_id)
    except ValueError:
        errors["submission_id"] = _("A submission id (UUID made on the device) is required.")
        submission_id = uuid.UUID(int=0)
    try:
        election = lookups.election(int(data.get("election") or default_election or 0))
    except (TypeError, ValueError):
        election = None
    try:
        tps = lookups.tps(int(data.get("tps") or 0))
    except (TypeError, ValueError):
        tps = None
    if election is None:
        errors["election"] = _("Unknown election.")
    if tps is None:
        errors["tps"] = _("Unknown TPS.")
    if election is not None and tps is not None and not code_covers(election.region_code, tps.desa_code):
        errors["tps"] = _("This TPS does not vote in this election.")
    counts = {name: _count(data.get(name), name, errors, name in REQUIRED_COUNTS) for name in COUNT_FIELDS}
    votes: dict[str, int] = {}
    raw_votes = data.get("votes")
    if not isinstance(raw_votes, Mapping) or not raw_votes:
        errors["votes"] = _("Enter the votes for every pair.")
    elif election is not None:
        wanted = {str(n) for n in election.pair_numbers}
        given = {str(k) for k in raw_votes}
        for key in sorted(given - wanted):
            errors[f"votes.{key}"] = _("There is no pair number %(n)s in this election.") % {"n": key}
        for key in sorted(wanted):
            votes[key] = _count({str(k): v for k, v in raw_votes.items()}.get(key), f"votes.{key}", errors, True)
    checklist = _checklist(data.get("checklist"), election, errors) if election is not None else {}
    submitted_at = None
    if data.get("submitted_at"):
        try:
            submitted_at = parse_datetime(str(data["submitted_at"]))
        except ValueError:
            submitted_at = None
        if submitted_at is None:
            errors["submitted_at"] = _("Enter a date and time (ISO 8601).")
        elif submitted_at.tzinfo is None:
            errors["submitted_at"] = _("Give the time zone of the time.")
    if errors or election is None or tps is None:
        return Invalid(errors, raw_id, not_found="tps" in errors and tps is None)
    return Submission(
        submission_id=submission_id,
        election=election,
        tps=tps,
        figures=Figures(votes=votes, **counts),
        checklist=checklist,
        submitted_at=submitted_at,
        note=str(data.get("note") or "")[:2000],
    )
