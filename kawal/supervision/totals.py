"""Moving the running area totals: the reports stored since the last pass, added up in bulk.

The intake only stores a report and marks its TPS's current-report row ``pending``; it
never touches :class:`AreaTotal`. :func:`apply_pending` takes pending rows in chunks,
adds the difference between what each row now holds and what was last added for it
(``applied_*``) to every area above the TPS, and marks the rows applied, all in one
transaction per chunk. Many reports from one desa become one update of each area row,
which is what lets the intake keep up on voting day. Totals are kept for the desa and every area
above it up to the election's region; a TPS's own figures are its current report.

Who runs it: every reader of the totals (``tabulation.totals``) first applies what is
pending, so a page or API answer always includes every report stored before it; the
``apply_running_totals`` huey job keeps the backlog short when nobody is reading.

Concurrency (PostgreSQL): rows are picked ``FOR UPDATE SKIP LOCKED``, so two passes
never take the same row and a pass never waits for the intake. A report arriving for a
row that a pass holds waits for that pass, then marks the row pending again. Area rows
are upserted in one fixed order, so concurrent passes cannot deadlock.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

from kawal.core.scope import code_covers
from kawal.supervision.intake import execute_values, pg_cursor
from kawal.supervision.models import AreaTotal, CurrentReport

CHUNK = 2000  # rows per transaction: a few tens of milliseconds of work


@dataclass(frozen=True)
class _Row:
    id: int
    desa_code: str
    election_id: int
    election_region: str
    votes: dict[str, int]
    valid: int
    invalid: int
    cast: int
    flagged: bool
    applied_votes: dict[str, int] | None
    applied_valid: int
    applied_invalid: int
    applied_cast: int
    applied_flagged: bool


def apply_pending(*, max_rows: int | None = None) -> int:
    """Add every pending report to the area totals (or ``max_rows`` of them); returns how many rows."""
    done = 0
    while max_rows is None or done < max_rows:
        limit = CHUNK if max_rows is None else min(CHUNK, max_rows - done)
        with transaction.atomic():
            _use_the_pending_index()
            rows = _pick(limit)
            if rows:
                _upsert_totals(_deltas(rows))
                _mark_applied([r.id for r in rows])
        done += len(rows)
        if len(rows) < limit:
            break
    return done


def _use_the_pending_index() -> None:
    """Find pending rows through their partial index, whatever the table's statistics say.

    Right after a burst of reports, before autovacuum has analysed the table, the planner
    may believe most rows are pending and scan the whole table instead, on every pass
    and every read. The settings last until the end of this transaction; the table's own
    autovacuum settings (migration 0003) keep the statistics and the index fresh.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # Nor start parallel workers for it; both settings in one round trip.
            cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0")


def pending_count() -> int:
    """Stored reports not yet in the totals (through the partial index, as a pass finds them)."""
    with transaction.atomic():
        _use_the_pending_index()
        return CurrentReport.objects.filter(pending=True).count()


_COLUMNS = (
    'c.id, c.desa_id, c.election_id, e.region_id, c.votes, c.valid, c.invalid, c."cast", '
    "c.flagged, c.applied_votes, c.applied_valid, c.applied_invalid, c.applied_cast, c.applied_flagged"
)


def _pick(limit: int) -> list[_Row]:
    current = CurrentReport._meta.db_table
    sql = (
        f"SELECT {_COLUMNS} FROM {current} c "  # noqa: S608 - table names from the models
        "JOIN elections_election e ON e.id = c.election_id "
        "WHERE c.pending ORDER BY c.id LIMIT %s"
    )
    if connection.vendor == "postgresql":
        sql += " FOR UPDATE OF c SKIP LOCKED"  # SQLite: the transaction itself is exclusive
    with connection.cursor() as cursor:
        cursor.execute(sql, [limit])
        return [_row(values) for values in cursor.fetchall()]


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _row(values: tuple[Any, ...]) -> _Row:
    (pk, desa, election_id, region, votes, valid, invalid, cast, flagged,
     a_votes, a_valid, a_invalid, a_cast, a_flagged) = values  # fmt: skip
    return _Row(pk, desa, election_id, region, _json(votes), valid, invalid, cast,
                bool(flagged), _json(a_votes), a_valid, a_invalid, a_cast, bool(a_flagged))  # fmt: skip


def area_codes(desa_code: str, election_region: str) -> list[str]:
    """The desa and every area above it, up to the election's region."""
    parts = desa_code.split(".")
    codes = [".".join(parts[:i]) for i in range(len(parts), 0, -1)]
    return [c for c in codes if code_covers(election_region, c)]


Key = tuple[int, str, int]  # election, area, pair (0: the summary row)


def _deltas(rows: list[_Row]) -> dict[Key, list[int]]:
    """Per (election, area, pair): [votes, reported, flagged, valid, invalid, cast] to add."""
    deltas: dict[Key, list[int]] = {}
    for row in rows:
        counted = row.applied_votes is not None
        old_votes = row.applied_votes or {}
        summary = [
            0,
            0 if counted else 1,
            int(row.flagged) - int(row.applied_flagged),
            row.valid - row.applied_valid,
            row.invalid - row.applied_invalid,
            row.cast - row.applied_cast,
        ]
        pairs = {int(n): row.votes.get(n, 0) - old_votes.get(n, 0) for n in set(row.votes) | set(old_votes)}
        for code in area_codes(row.desa_code, row.election_region):
            line = deltas.setdefault((row.election_id, code, 0), [0] * 6)
            for i, value in enumerate(summary):
                line[i] += value
            for number, delta in pairs.items():
                if delta or not counted:
                    deltas.setdefault((row.election_id, code, number), [0] * 6)[0] += delta
    return deltas


_TOTAL_COLUMNS = ("election_id", "area_code", "pair_number", "votes", "reported", "flagged", "valid", "invalid",
                  "cast")  # fmt: skip
_PG_TYPES = ("bigint", "text", "int", "bigint", "int", "int", "bigint", "bigint", "bigint")


def _upsert_totals(deltas: dict[Key, list[int]]) -> None:
    """Add the deltas to the area rows, in key order (concurrent passes lock rows in one order)."""
    table = AreaTotal._meta.db_table
    rows: list[list[Any]] = [[*key, *deltas[key]] for key in sorted(deltas)]
    names = ", ".join(f'"{c}"' for c in _TOTAL_COLUMNS)
    updates = ", ".join(f'"{c}" = {table}."{c}" + excluded."{c}"' for c in _TOTAL_COLUMNS[3:])
    tail = f"ON CONFLICT (election_id, area_code, pair_number) DO UPDATE SET {updates}"
    if connection.vendor != "postgresql":
        execute_values(table, _TOTAL_COLUMNS, rows, tail)
        return
    # One statement for the whole chunk: the rows travel as one array per column, bound on
    # the server (Django's client-side quoting of big arrays, or a statement per row, is slow).
    arrays = ", ".join(f"%s::{kind}[]" for kind in _PG_TYPES)
    columns = [list(column) for column in zip(*rows, strict=True)] if rows else [[] for _ in _TOTAL_COLUMNS]
    with pg_cursor() as cursor:
        sql = f"INSERT INTO {table} ({names}) SELECT * FROM unnest({arrays}) {tail}"  # noqa: S608
        cursor.execute(sql, columns, prepare=True)


def _mark_applied(ids: list[int]) -> None:
    """The rows are locked by this transaction, so what they hold now is what was added."""
    table = CurrentReport._meta.db_table
    assignments = (
        "pending = FALSE, applied_votes = votes, applied_valid = valid, applied_invalid = invalid, "
        'applied_cast = "cast", applied_flagged = flagged'
    )
    if connection.vendor == "postgresql":
        with pg_cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET {assignments} WHERE id = ANY(%s)", [ids], prepare=True)  # noqa: S608
        return
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join(["%s"] * len(chunk))
            cursor.execute(f"UPDATE {table} SET {assignments} WHERE id IN ({marks})", chunk)  # noqa: S608
