"""Reading the running totals: one indexed query per area, never a scan of the tallies.

Areas from the desa up read :class:`AreaTotal`; a TPS reads its current report.
Each read first adds the reports still pending (``totals.apply_pending``; nothing to do
when the background job has kept up), at most one chunk of them so that a page never
waits long: at the voting-day peak, when the job is behind by more than that, the page
says how many stored reports are not in its totals yet (``totals.pending_count``).

Also the direct count from the report rows, used by tests and the consistency check to
prove the running totals right.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from kawal.elections.models import Election
from kawal.regions.models import Tps
from kawal.supervision.models import AreaTotal, CurrentReport
from kawal.supervision.totals import CHUNK, apply_pending, pending_count

READ_APPLY_LIMIT = CHUNK  # pending rows one read may add to the totals (tens of milliseconds)


@dataclass
class AreaSummary:
    area_code: str
    reported: int = 0
    flagged: int = 0
    valid: int = 0
    invalid: int = 0
    cast: int = 0
    votes: dict[int, int] = field(default_factory=dict)
    expected: int = 0  # TPS in the area (filled by callers that need coverage)
    not_counted: int = 0  # reports stored but not yet in any total when this was read

    @property
    def missing(self) -> int:
        return max(self.expected - self.reported, 0)

    def key(self) -> tuple[int, int, int, int, int, dict[int, int]]:
        return (self.reported, self.flagged, self.valid, self.invalid, self.cast,
                {n: v for n, v in self.votes.items() if v})  # fmt: skip


def refresh() -> int:
    """Add up to one chunk of pending reports to the totals; how many are still waiting.

    Counting the rest costs a query, needed only when the chunk was full (the job is behind).
    """
    applied = apply_pending(max_rows=READ_APPLY_LIMIT)
    return pending_count() if applied >= READ_APPLY_LIMIT else 0


def totals(election: Election | int, area_codes: list[str]) -> dict[str, AreaSummary]:
    """Running totals of the given areas (all their pairs): one query, plus one for TPS codes."""
    election_id = election if isinstance(election, int) else election.pk
    not_counted = refresh()
    out = {code: AreaSummary(code, not_counted=not_counted) for code in area_codes}
    areas = [code for code in area_codes if code.count(".") < 4]
    rows = (
        AreaTotal.objects.filter(election_id=election_id, area_code__in=areas)
        .values("area_code", "pair_number")
        .annotate(v=Sum("votes"), r=Sum("reported"), f=Sum("flagged"), va=Sum("valid"), i=Sum("invalid"), c=Sum("cast"))
    )
    for row in rows:
        summary = out[row["area_code"]]
        if row["pair_number"] == 0:
            summary.reported, summary.flagged = row["r"] or 0, row["f"] or 0
            summary.valid, summary.invalid, summary.cast = row["va"] or 0, row["i"] or 0, row["c"] or 0
        else:
            summary.votes[row["pair_number"]] = row["v"] or 0
    stations = [code for code in area_codes if code.count(".") == 4]
    if stations:
        _fill_stations(election_id, stations, out)
    return out


def _fill_stations(election_id: int, codes: list[str], out: dict[str, AreaSummary]) -> None:
    """A TPS's figures are its current report (no running-total rows are kept per TPS)."""
    desas = sorted({code.rpartition(".")[0] for code in codes})
    rows = CurrentReport.objects.filter(election_id=election_id, desa_id__in=desas).values_list(
        "desa_id", "tps__number", "votes", "valid", "invalid", "cast", "flagged"
    )
    for desa, number, votes, valid, invalid, cast, flagged in rows:
        summary = out.get(f"{desa}.{number:03d}")
        if summary is None:
            continue  # another TPS of the same desa
        summary.reported, summary.flagged = 1, int(flagged)
        summary.valid, summary.invalid, summary.cast = valid, invalid, cast
        summary.votes = {int(n): v for n, v in votes.items()}


def area_total(election: Election | int, area_code: str) -> AreaSummary:
    return totals(election, [area_code])[area_code]


def direct_count(election: Election, area_code: str) -> AreaSummary:
    """The same figures computed from the current reports themselves (slow; for checks)."""
    summary = AreaSummary(area_code)
    scope = _area_q(area_code)
    current = CurrentReport.objects.filter(scope, election=election)
    agg = current.aggregate(
        n=Count("id"), f=Count("id", filter=Q(flagged=True)), va=Sum("valid"), i=Sum("invalid"), c=Sum("cast")
    )
    summary.reported, summary.flagged = agg["n"], agg["f"]
    summary.valid, summary.invalid, summary.cast = agg["va"] or 0, agg["i"] or 0, agg["c"] or 0
    for votes in current.values_list("votes", flat=True):
        for number, value in votes.items():
            summary.votes[int(number)] = summary.votes.get(int(number), 0) + value
    summary.expected = expected_tps(area_code)
    return summary


def _area_q(area_code: str) -> Q:
    parts = area_code.split(".")
    if len(parts) == 5:  # a TPS: desa code + number
        return Q(desa_id=".".join(parts[:4]), tps__number=int(parts[4]))
    return Q(desa_id=area_code) | Q(desa__code__startswith=area_code + ".")


def expected_tps(area_code: str) -> int:
    parts = area_code.split(".")
    if len(parts) == 5:
        return 1
    return Tps.objects.filter(Q(desa_id=area_code) | Q(desa__code__startswith=area_code + ".")).count()
