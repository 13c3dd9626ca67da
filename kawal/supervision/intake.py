"""Report intake: store a batch of TPS reports, in one transaction.

Per batch (one report or a hundred) the database sees the same three statements, sent
as plain SQL that PostgreSQL and SQLite both understand:

1. lock the current-report rows of the batch's TPS (``FOR UPDATE`` on PostgreSQL;
   SQLite transactions are already exclusive);
2. insert the new versions, ``ON CONFLICT (submission_id) DO NOTHING RETURNING``: a
   retry, double tap or re-sent outbox comes back as "duplicate" and changes nothing;
3. upsert the current-report rows, marked ``pending``: the area totals are moved in
   bulk afterwards by ``totals.apply_pending``, which every reader of the totals calls
   first (a report is never missing from a total read after it was stored).

The report versions themselves are the append-only trail of intake; see
``docs/supervision.md`` for how they join the audit chain.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone

from kawal.accounts.models import Role
from kawal.core.scope import code_covers, scope_codes
from kawal.supervision import quality
from kawal.supervision.models import Assignment, CurrentReport, TpsReport
from kawal.supervision.submission import Submission

REPORTING_ROLES = (Role.PTPS, Role.PKD, Role.PANWASCAM, Role.SECRETARIAT, Role.BAWASLU_MEMBER, Role.ADMIN)
ATTEMPTS = 5
CHUNK = 800  # rows per multi-row statement (keeps SQLite under its parameter limit)


@dataclass(frozen=True)
class Reporter:
    """Who submits, reduced to what the intake needs (cached with the token)."""

    user_id: int | None
    label: str
    codes: tuple[str, ...] | None  # None: everywhere
    tps_ids: frozenset[int] | None = None  # a PTPS with a roster assignment: only these TPS

    def may_report(self, tps_id: int, desa_code: str) -> bool:
        if self.tps_ids is not None:
            return tps_id in self.tps_ids
        if self.codes is None:
            return True
        return any(code_covers(code, desa_code) for code in self.codes)


def reporter_for(user: Any) -> Reporter:
    codes = scope_codes(user, REPORTING_ROLES)
    tps_ids: frozenset[int] | None = None
    if codes is not None and user.is_authenticated and user.roles() == {Role.PTPS}:
        assigned = set(
            Assignment.objects.filter(user=user, role=Role.PTPS, tps__isnull=False).values_list("tps_id", flat=True)
        )
        tps_ids = frozenset(assigned) if assigned else None
    return Reporter(
        user.pk if user.is_authenticated else None,
        user.get_username() if user.is_authenticated else "",
        tuple(codes) if codes is not None else None,
        tps_ids,
    )


@dataclass
class Outcome:
    submission_id: uuid.UUID
    status: str  # "created" or "duplicate"
    version: int = 0
    report_id: int = 0
    flags: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "submission_id": str(self.submission_id),
            "status": self.status,
            "version": self.version,
            "report_id": self.report_id,
            "flags": self.flags,
            "reasons": quality.reasons(self.flags),
        }


@dataclass
class _Head:
    """What the next version of a TPS's report depends on: its number and the tally-change flag."""

    version: int
    votes: dict[str, int]
    invalid: int


def submit(
    submissions: Sequence[Submission],
    *,
    reporter: Reporter,
    channel: str = "api",
    then: Callable[[list[Outcome]], None] | None = None,
) -> list[Outcome]:
    """Store the submissions (already checked for scope) and update totals. Retries on races.

    ``then`` runs inside the same transaction (e.g. to append an audit event).
    """
    fast = connection.vendor == "postgresql" and len(submissions) == 1 and then is None
    for attempt in range(ATTEMPTS):
        try:
            if fast:
                from kawal.supervision.intake_pg import submit_one

                outcomes = [submit_one(submissions[0], reporter=reporter, channel=channel, now=timezone.now())]
                _fill_duplicates(outcomes)
                return outcomes
            with transaction.atomic():
                outcomes = _submit(submissions, reporter=reporter, channel=channel)
                if then is not None:
                    then(outcomes)
                return outcomes
        except (IntegrityError, OperationalError):
            # Two first reports for one TPS at once, or a deadlock: the loser tries again
            # and now sees the winner's row.
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _submit(submissions: Sequence[Submission], *, reporter: Reporter, channel: str) -> list[Outcome]:
    if not submissions:
        return []
    now = timezone.now()
    heads = _lock_heads({(s.tps.id, s.election.id) for s in submissions})
    # Versions and flags in batch order, as if the submissions came one after another.
    planned: list[tuple[Submission, int, list[str]]] = []
    running = dict(heads)
    for sub in submissions:
        key = (sub.tps.id, sub.election.id)
        head = running.get(key)
        flags = quality.check(sub.figures, head.votes if head else None, head.invalid if head else 0)
        version = (head.version if head else 0) + 1
        planned.append((sub, version, flags))
        running[key] = _Head(version, dict(sub.figures.votes), sub.figures.invalid)
    inserted = _insert_reports(planned, reporter=reporter, channel=channel, now=now)
    outcomes: list[Outcome] = []
    new_heads: dict[tuple[int, int], tuple[int, int, Submission, list[str]]] = {}
    for sub, version, flags in planned:
        report_id = inserted.get(sub.submission_id)
        if report_id is None:
            outcomes.append(Outcome(sub.submission_id, "duplicate"))
            continue
        outcomes.append(Outcome(sub.submission_id, "created", version, report_id, flags))
        new_heads[(sub.tps.id, sub.election.id)] = (report_id, version, sub, flags)
    if new_heads:
        _upsert_heads(new_heads, now)
    _fill_duplicates(outcomes)
    return outcomes


def _lock_heads(keys: set[tuple[int, int]]) -> dict[tuple[int, int], _Head]:
    table = CurrentReport._meta.db_table
    ordered = sorted(keys)
    columns = "tps_id, election_id, version, votes, invalid"
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT {columns} FROM {table} WHERE (tps_id, election_id) IN "  # noqa: S608
            "(SELECT * FROM unnest(%s::bigint[], %s::bigint[])) ORDER BY tps_id, election_id FOR UPDATE"
        )
        with pg_cursor() as cursor:
            cursor.execute(sql, [[k[0] for k in ordered], [k[1] for k in ordered]], prepare=True)
            rows = cursor.fetchall()
    else:
        placeholders = ",".join(["(%s,%s)"] * len(ordered))
        sql = (
            f"SELECT {columns} FROM {table} WHERE (tps_id, election_id) IN ({placeholders}) "  # noqa: S608
            "ORDER BY tps_id, election_id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [v for key in ordered for v in key])
            rows = cursor.fetchall()
    return {
        (tps, election): _Head(version, votes if isinstance(votes, dict) else json.loads(votes), invalid)
        for tps, election, version, votes, invalid in rows
    }


def _prep(model: Any, name: str, value: Any) -> Any:
    return model._meta.get_field(name).get_db_prep_save(value, connection)


REPORT_COLUMNS = (
    "submission_id", "election_id", "tps_id", "desa_id", "version", "channel", "submitted_by_id", "submitted_at",
    "received_at", "checklist", "dpt", "dptb", "dpk", "voters_male", "voters_female", "ballots_received",
    "ballots_used", "ballots_damaged", "ballots_unused", "votes", "valid", "invalid", "cast", "flags", "note",
)  # fmt: skip


def _insert_reports(
    planned: list[tuple[Submission, int, list[str]]], *, reporter: Reporter, channel: str, now: Any
) -> dict[uuid.UUID, int]:
    table = TpsReport._meta.db_table
    received = _prep(TpsReport, "received_at", now)
    rows: list[list[Any]] = []
    for sub, version, flags in planned:
        f = sub.figures
        rows.append([
            _prep(TpsReport, "submission_id", sub.submission_id), sub.election.id, sub.tps.id, sub.tps.desa_code,
            version, channel, reporter.user_id,
            _prep(TpsReport, "submitted_at", sub.submitted_at), received,
            _prep(TpsReport, "checklist", sub.checklist), f.dpt, f.dptb, f.dpk, f.voters_male, f.voters_female,
            f.ballots_received, f.ballots_used, f.ballots_damaged, f.ballots_unused,
            _prep(TpsReport, "votes", dict(f.votes)), f.valid, f.invalid, f.cast,
            _prep(TpsReport, "flags", flags), sub.note,
        ])  # fmt: skip
    columns = ", ".join(f'"{c}"' for c in REPORT_COLUMNS)
    found: dict[uuid.UUID, int] = {}
    tail = "ON CONFLICT (submission_id) DO NOTHING RETURNING id, submission_id"
    if connection.vendor == "postgresql":
        # One constant single-row statement, pipelined by psycopg: parsed once, no long SQL text to build.
        one = "(" + ",".join(["%s"] * len(REPORT_COLUMNS)) + ")"
        with pg_cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES {one} {tail}", rows, returning=True)  # noqa: S608
            while True:
                for pk, sid in cursor.fetchall():
                    found[sid] = pk
                if not cursor.nextset():
                    break
        return found
    one = "(" + ",".join(["%s"] * len(REPORT_COLUMNS)) + ")"
    with connection.cursor() as cursor:
        for chunk in _chunks(rows, CHUNK // 10):
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {','.join([one] * len(chunk))} {tail}",  # noqa: S608
                [v for row in chunk for v in row],
            )
            for pk, sid in cursor.fetchall():
                found[sid if isinstance(sid, uuid.UUID) else uuid.UUID(str(sid))] = pk
    return found


@contextmanager
def pg_cursor() -> Iterator[Any]:
    """A server-side-binding psycopg cursor on Django's connection (PostgreSQL only).

    Database errors are raised as Django's, so ``submit``'s retry catches them.
    """
    import psycopg

    connection.ensure_connection()
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
        yield cursor


def _upsert_heads(new_heads: dict[tuple[int, int], tuple[int, int, Submission, list[str]]], now: Any) -> None:
    table = CurrentReport._meta.db_table
    columns = ("election_id", "tps_id", "desa_id", "report_id", "version", "votes", "valid", "invalid", "cast",
               "flagged", "received_at", "pending", "applied_valid", "applied_invalid", "applied_cast",
               "applied_flagged")  # fmt: skip
    received = _prep(CurrentReport, "received_at", now)
    rows = [
        [sub.election.id, sub.tps.id, sub.tps.desa_code, report_id, version,
         _prep(CurrentReport, "votes", dict(sub.figures.votes)), sub.figures.valid, sub.figures.invalid,
         sub.figures.cast, bool(flags), received, True, 0, 0, 0, False]
        for (report_id, version, sub, flags) in (new_heads[k] for k in sorted(new_heads))
    ]  # fmt: skip
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns[3:12])  # applied_*: what the totals hold
    execute_values(table, columns, rows, f"ON CONFLICT (tps_id, election_id) DO UPDATE SET {updates}")


def execute_values(table: str, columns: Sequence[str], rows: list[list[Any]], tail: str) -> None:
    names = ", ".join(f'"{c}"' for c in columns)
    one = "(" + ",".join(["%s"] * len(columns)) + ")"
    if connection.vendor == "postgresql":
        with pg_cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES {one} {tail}", rows)  # noqa: S608
        return
    with connection.cursor() as cursor:
        for chunk in _chunks(rows, CHUNK):
            cursor.execute(
                f"INSERT INTO {table} ({names}) VALUES {','.join([one] * len(chunk))} {tail}",  # noqa: S608
                [v for row in chunk for v in row],
            )


def _chunks(rows: list[list[Any]], size: int) -> Iterable[list[list[Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _fill_duplicates(outcomes: list[Outcome]) -> None:
    """Tell a retrying client what was stored the first time (only duplicates cost a query)."""
    missing = [o for o in outcomes if o.status == "duplicate"]
    if not missing:
        return
    stored = {
        r["submission_id"]: r
        for r in TpsReport.objects.filter(submission_id__in=[o.submission_id for o in missing]).values(
            "submission_id", "id", "version", "flags"
        )
    }
    for outcome in missing:
        row = stored.get(outcome.submission_id)
        if row:
            outcome.version, outcome.report_id, outcome.flags = row["version"], row["id"], list(row["flags"])
