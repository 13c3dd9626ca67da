"""PostgreSQL fast path: one report in one statement, one round trip, its own transaction.

The statement locks the TPS's current-report row, inserts the new version (or nothing,
for a submission id already stored), moves the current-report row and adds the
difference between the old and the new version to every area total. In autocommit mode
a single statement is a transaction, so there is no BEGIN/COMMIT round trip either.
The SQL text never changes (areas and pairs go as arrays), so it is parsed once per
connection. Used for single reports; batches and SQLite take ``intake._submit``.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

import psycopg
from django.db import connection

from kawal.supervision import quality
from kawal.supervision.intake import Outcome, Reporter, area_codes, shard_of
from kawal.supervision.submission import Submission

SQL = """
WITH old AS (
    SELECT version, votes, valid, invalid, "cast", flagged FROM supervision_currentreport
    WHERE tps_id = %(tps)s AND election_id = %(election)s FOR UPDATE
), calc AS (
    SELECT COALESCE((SELECT version FROM old), 0) + 1 AS version,
           EXISTS (SELECT 1 FROM old) AS had,
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
        election_id, tps_id, desa_id, report_id, version, votes, valid, invalid, "cast", flagged, received_at)
    SELECT %(election)s, %(tps)s, %(desa)s, ins.id, ins.version, %(votes)s::jsonb, %(valid)s, %(invalid)s,
           %(cast)s, jsonb_array_length(ins.flags) > 0, %(now)s::timestamptz
    FROM ins
    ON CONFLICT (tps_id, election_id) DO UPDATE SET
        report_id = excluded.report_id, version = excluded.version, votes = excluded.votes,
        valid = excluded.valid, invalid = excluded.invalid, "cast" = excluded."cast",
        flagged = excluded.flagged, received_at = excluded.received_at
    RETURNING 1
), delta AS (
    SELECT a.code, a.shard, 0 AS pair, 0::bigint AS votes,
           CASE WHEN calc.had THEN 0 ELSE 1 END AS reported,
           (jsonb_array_length(ins.flags) > 0)::int - COALESCE((SELECT flagged::int FROM old), 0) AS flagged,
           %(valid)s - COALESCE((SELECT valid FROM old), 0) AS valid,
           %(invalid)s - COALESCE((SELECT invalid FROM old), 0) AS invalid,
           %(cast)s - COALESCE((SELECT "cast" FROM old), 0) AS "cast"
    FROM ins, calc, unnest(%(codes)s::text[], %(shards)s::int[]) AS a(code, shard)
    UNION ALL
    SELECT a.code, a.shard, p.num, p.v - COALESCE(((SELECT votes FROM old) ->> p.num::text)::bigint, 0), 0, 0, 0, 0, 0
    FROM ins, unnest(%(codes)s::text[], %(shards)s::int[]) AS a(code, shard),
         unnest(%(nums)s::int[], %(vals)s::bigint[]) AS p(num, v)
), tot AS (
    INSERT INTO supervision_areatotal AS t (
        election_id, area_code, shard, pair_number, votes, reported, flagged, valid, invalid, "cast")
    SELECT %(election)s, code, shard, pair, votes, reported, flagged, valid, invalid, "cast"
    FROM delta ORDER BY code, shard, pair
    ON CONFLICT (election_id, area_code, shard, pair_number) DO UPDATE SET
        votes = t.votes + excluded.votes, reported = t.reported + excluded.reported,
        flagged = t.flagged + excluded.flagged, valid = t.valid + excluded.valid,
        invalid = t.invalid + excluded.invalid, "cast" = t."cast" + excluded."cast"
    RETURNING 1
)
SELECT ins.id, ins.version, ins.flags, (SELECT count(*) FROM head), (SELECT count(*) FROM tot) FROM ins
"""


statements_sent = 0  # for the benchmark: statements sent through this path (bypasses Django's wrappers)


def submit_one(sub: Submission, *, reporter: Reporter, channel: str, now: datetime) -> Outcome:
    f = sub.figures
    codes = area_codes(sub.tps.code, sub.election.region_code)
    numbers = sorted(int(n) for n in f.votes)
    params: dict[str, Any] = {
        "sid": str(sub.submission_id), "election": sub.election.id, "tps": sub.tps.id, "desa": sub.tps.desa_code,
        "channel": channel, "user": reporter.user_id, "submitted_at": sub.submitted_at, "now": now,
        "checklist": json.dumps(sub.checklist), "dpt": f.dpt, "dptb": f.dptb, "dpk": f.dpk,
        "male": f.voters_male, "female": f.voters_female, "received": f.ballots_received, "used": f.ballots_used,
        "damaged": f.ballots_damaged, "unused": f.ballots_unused, "votes": json.dumps(dict(f.votes)),
        "valid": f.valid, "invalid": f.invalid, "cast": f.cast, "flags": json.dumps(quality.check(f)),
        "note": sub.note, "codes": codes, "shards": [shard_of(c, sub.tps.id) for c in codes],
        "nums": numbers, "vals": [f.votes[str(n)] for n in numbers],
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
