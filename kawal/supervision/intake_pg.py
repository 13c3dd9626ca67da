"""PostgreSQL fast path: one report in one statement, one round trip, its own transaction.

The statement locks the TPS's current-report row, inserts the new version (or nothing,
for a submission id already stored) and moves the current-report row, marked pending
for the area totals (``totals.apply_pending`` adds it there in bulk). In autocommit mode
a single statement is a transaction, so there is no BEGIN/COMMIT round trip either.
The SQL text never changes, so it is parsed once per connection. Used for single
reports; batches and SQLite take ``intake._submit``.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

import psycopg
from django.db import connection

from kawal.supervision import quality
from kawal.supervision.intake import Outcome, Reporter
from kawal.supervision.submission import Submission

SQL = """
WITH old AS (
    SELECT version, votes, invalid FROM supervision_currentreport
    WHERE tps_id = %(tps)s AND election_id = %(election)s FOR UPDATE
), calc AS (
    SELECT COALESCE((SELECT version FROM old), 0) + 1 AS version,
           CASE WHEN EXISTS (SELECT 1 FROM old WHERE votes <> %(votes)s::jsonb OR invalid <> %(invalid)s)
                THEN %(flags)s::jsonb || '["tally_changed"]'::jsonb ELSE %(flags)s::jsonb END AS flags
), ins AS (
    INSERT INTO supervision_tpsreport (
        submission_id, election_id, tps_id, desa_id, version, channel, submitted_by_id, submitted_at, received_at,
        checklist, dpt, dptb, dpk, voters_male, voters_female, ballots_received, ballots_used, ballots_damaged,
        ballots_unused, votes, valid, invalid, "cast", flags, note)
    SELECT %(sid)s::uuid, %(election)s, %(tps)s, %(desa)s, calc.version, %(channel)s, %(user)s,
           %(submitted_at)s::timestamptz, %(now)s::timestamptz, %(checklist)s::jsonb, %(dpt)s, %(dptb)s, %(dpk)s,
           %(male)s, %(female)s, %(received)s, %(used)s, %(damaged)s, %(unused)s, %(votes)s::jsonb, %(valid)s,
           %(invalid)s, %(cast)s, calc.flags, %(note)s
    FROM calc
    ON CONFLICT (submission_id) DO NOTHING
    RETURNING id, version, flags
), head AS (
    INSERT INTO supervision_currentreport (
        election_id, tps_id, desa_id, report_id, version, votes, valid, invalid, "cast", flagged, received_at,
        pending, applied_valid, applied_invalid, applied_cast, applied_flagged)
    SELECT %(election)s, %(tps)s, %(desa)s, ins.id, ins.version, %(votes)s::jsonb, %(valid)s, %(invalid)s,
           %(cast)s, jsonb_array_length(ins.flags) > 0, %(now)s::timestamptz, TRUE, 0, 0, 0, FALSE
    FROM ins
    ON CONFLICT (tps_id, election_id) DO UPDATE SET
        report_id = excluded.report_id, version = excluded.version, votes = excluded.votes,
        valid = excluded.valid, invalid = excluded.invalid, "cast" = excluded."cast",
        flagged = excluded.flagged, received_at = excluded.received_at, pending = TRUE
    RETURNING 1
)
SELECT ins.id, ins.version, ins.flags, (SELECT count(*) FROM head) FROM ins
"""


statements_sent = 0  # for the benchmark: statements sent through this path (bypasses Django's wrappers)


def submit_one(sub: Submission, *, reporter: Reporter, channel: str, now: datetime) -> Outcome:
    f = sub.figures
    params: dict[str, Any] = {
        "sid": str(sub.submission_id), "election": sub.election.id, "tps": sub.tps.id, "desa": sub.tps.desa_code,
        "channel": channel, "user": reporter.user_id, "submitted_at": sub.submitted_at, "now": now,
        "checklist": json.dumps(sub.checklist), "dpt": f.dpt, "dptb": f.dptb, "dpk": f.dpk,
        "male": f.voters_male, "female": f.voters_female, "received": f.ballots_received, "used": f.ballots_used,
        "damaged": f.ballots_damaged, "unused": f.ballots_unused, "votes": json.dumps(dict(f.votes)),
        "valid": f.valid, "invalid": f.invalid, "cast": f.cast, "flags": json.dumps(quality.check(f)),
        "note": sub.note,
    }  # fmt: skip
    connection.ensure_connection()
    # A server-side-binding cursor on Django's connection: the statement is prepared once
    # per connection and planned from then on without parsing (same text every time).
    # Errors come out as Django's (IntegrityError, OperationalError), so the caller's retry sees them.
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
        cursor.execute(SQL, params, prepare=True)
        global statements_sent
        statements_sent += 1
        row = cursor.fetchone()
    if row is None:
        return Outcome(uuid.UUID(str(sub.submission_id)), "duplicate")
    flags = row[2] if isinstance(row[2], list) else json.loads(row[2])
    return Outcome(sub.submission_id, "created", row[1], row[0], list(flags))
