"""Recap cross-check: KPU's official results (per TPS or kecamatan) against the PTPS copies.

CSV columns (header row required): ``kode_wilayah`` (a TPS as ``<desa code>.<NNN>`` or a
kecamatan code), ``paslon_<n>`` for each pair number of the election, ``tidak_sah``.
Every row is either imported or named with its line and reason: nothing is dropped.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from kawal.core import audit
from kawal.core.scope import code_covers
from kawal.elections.models import Election
from kawal.regions.models import Level, Region, Tps
from kawal.regions.services import RowError
from kawal.supervision.models import OfficialResult
from kawal.supervision.tabulation import totals

TPS_CODE = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}\.\d{3}$")
KEC_CODE = re.compile(r"^\d{2}\.\d{2}\.\d{2}$")
MAX_VOTES = 100_000_000


@dataclass
class RecapImport:
    imported: int = 0
    errors: list[RowError] = field(default_factory=list)


def import_official(election: Election, content: bytes | str, *, by: Any, source: str = "") -> RecapImport:
    """Validate every row; store the valid ones (re-importing a code replaces its figures)."""
    text = content.decode("utf-8-sig", errors="replace") if isinstance(content, bytes) else content
    reader = csv.reader(io.StringIO(text))
    result = RecapImport()
    header = next(reader, None)
    pair_numbers = sorted(election.pairs.values_list("number", flat=True))
    wanted = ["kode_wilayah", *[f"paslon_{n}" for n in pair_numbers], "tidak_sah"]
    if header is None or [h.strip().lower() for h in header] != wanted:
        result.errors.append(RowError(1, _("the header must be: %(cols)s") % {"cols": ",".join(wanted)}))
        return result
    tps_codes = {
        f"{desa}.{number:03d}"
        for desa, number in Tps.objects.filter(desa__code__startswith=election.region_id + ".").values_list(
            "desa_id", "number"
        )
    }
    kec_codes = set(
        Region.objects.filter(level=Level.KECAMATAN, code__startswith=election.region_id + ".").values_list(
            "code", flat=True
        )
    )
    rows: dict[str, tuple[dict[str, int], int]] = {}
    first_line: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if not row or all(not c.strip() for c in row):
            continue
        error = _row_error(row, wanted, tps_codes, kec_codes, election)
        if error:
            result.errors.append(RowError(line, error))
            continue
        code = row[0].strip()
        if code in rows:
            result.errors.append(
                RowError(line, _("%(code)s repeats line %(first)d") % {"code": code, "first": first_line[code]})
            )
            continue
        numbers = [int(c.strip()) for c in row[1:]]
        rows[code] = ({str(n): v for n, v in zip(pair_numbers, numbers[:-1], strict=True)}, numbers[-1])
        first_line[code] = line
    with transaction.atomic():
        for code, (votes, invalid) in rows.items():
            OfficialResult.objects.update_or_create(
                election=election, area_code=code, defaults={"votes": votes, "invalid": invalid, "source": source[:200]}
            )
        result.imported = len(rows)
        audit.record(
            "supervision.official_results_imported",
            actor=by,
            target=election,
            region_code=election.region_id,
            data={"imported": result.imported, "rejected": len(result.errors), "source": source[:200]},
        )
    return result


def _row_error(
    row: list[str], wanted: list[str], tps_codes: set[str], kec_codes: set[str], election: Election
) -> str | None:
    if len(row) != len(wanted):
        return _("expected %(n)d columns, found %(found)d") % {"n": len(wanted), "found": len(row)}
    code = row[0].strip()
    if TPS_CODE.match(code):
        if code not in tps_codes:
            return _("TPS %(code)s is not known in %(region)s") % {"code": code, "region": election.region_id}
    elif KEC_CODE.match(code):
        if code not in kec_codes:
            return _("kecamatan %(code)s is not in %(region)s") % {"code": code, "region": election.region_id}
    else:
        return _("'%(code)s' is neither a TPS code (desa code.NNN) nor a kecamatan code") % {"code": code}
    for name, cell in zip(wanted[1:], row[1:], strict=True):
        value = cell.strip()
        if not value.isdigit() or int(value) > MAX_VOTES:
            return _("%(col)s '%(value)s' is not a whole number of votes") % {"col": name, "value": cell}
    return None


@dataclass
class Difference:
    area_code: str
    level: str
    name: str
    item: str  # "paslon 1", "tidak sah"
    ours: int | None  # None: no PTPS report for the area
    official: int
    summed: bool  # official figure summed from TPS rows

    @property
    def delta(self) -> int:
        return (self.ours or 0) - self.official


LEVEL_NAMES = {5: "TPS", 4: "desa", 3: "kecamatan", 2: "kabupaten/kota", 1: "provinsi"}


def differences(election: Election, scope: str | None = None) -> list[Difference]:
    """Every place and figure where the PTPS totals and the official recap differ."""
    official: dict[str, tuple[dict[str, int], int, bool]] = {}
    for result in OfficialResult.objects.filter(election=election):
        if scope and not code_covers(scope, result.area_code.rsplit(".", 1)[0] if result.area_code.count(".") == 4
                                     else result.area_code):  # fmt: skip
            continue
        official[result.area_code] = (dict(result.votes), result.invalid, False)
    summed: dict[str, tuple[dict[str, int], int, bool]] = {}
    for code, (votes, invalid, _s) in list(official.items()):
        if code.count(".") != 4:
            continue
        parts = code.split(".")
        for depth in (4, 3, 2):
            area = ".".join(parts[:depth])
            if not code_covers(election.region_id, area) or area in official:
                continue
            total_votes, total_invalid, _flag = summed.get(area, ({}, 0, True))
            merged = {k: total_votes.get(k, 0) + votes.get(k, 0) for k in set(total_votes) | set(votes)}
            summed[area] = (merged, total_invalid + invalid, True)
    official.update(summed)
    ours = totals(election, list(official))
    names = dict(Region.objects.filter(code__in=[c for c in official if c.count(".") < 4]).values_list("code", "name"))
    found: list[Difference] = []
    for code in sorted(official, key=lambda c: (c.count("."), c)):
        votes, invalid, was_summed = official[code]
        mine = ours[code]
        reported = mine.reported > 0
        name = names.get(code, code)
        level = LEVEL_NAMES.get(code.count(".") + 1, "")
        for number, value in sorted(votes.items(), key=lambda kv: int(kv[0])):
            theirs = mine.votes.get(int(number), 0) if reported else None
            if theirs != value:
                found.append(Difference(code, level, name, f"paslon {number}", theirs, value, was_summed))
        theirs_invalid = mine.invalid if reported else None
        if theirs_invalid != invalid:
            found.append(Difference(code, level, name, "tidak sah", theirs_invalid, invalid, was_summed))
    return found
