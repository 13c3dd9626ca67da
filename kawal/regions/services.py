"""Writes to the region tables: the national region file and TPS lists."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from kawal.core import audit
from kawal.regions.models import LEVEL_BY_DEPTH, Level, Region, Tps

CODE_PATTERN = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
MAX_DPT_PER_TPS = 600  # KPU: at most 600 voters per TPS in Pilkada 2024
BATCH = 5000


def default_region_file() -> Path:
    """Kemendagri codes with the 38 provinces (see ``data/README.md``)."""
    return Path(__file__).resolve().parent / "data" / "wilayah.csv"


@dataclass
class RowError:
    line: int
    reason: str

    def __str__(self) -> str:
        return _("line %(line)d: %(reason)s") % {"line": self.line, "reason": self.reason}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return self.created + self.updated


def read_csv(path: Path, *, skip_header: bool = False) -> Iterator[tuple[int, list[str]]]:
    """Rows with their 1-based line numbers; blank lines skipped."""
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        for row in reader:
            if skip_header and reader.line_num == 1:
                continue
            if not row or all(not cell.strip() for cell in row):
                continue
            yield reader.line_num, row


def parse_region_row(line: int, row: list[str]) -> tuple[str, str] | RowError:
    if len(row) != 2:
        return RowError(line, _("expected 2 columns (code, name), found %(n)d") % {"n": len(row)})
    code, name = row[0].strip(), " ".join(row[1].split())
    if not CODE_PATTERN.match(code):
        return RowError(line, _("'%(code)s' is not a Kemendagri region code") % {"code": code})
    if not name:
        return RowError(line, _("region %(code)s has no name") % {"code": code})
    if len(name) > 120:
        return RowError(line, _("name longer than 120 characters"))
    return code, name


def parent_code(code: str) -> str | None:
    return code.rsplit(".", 1)[0] if "." in code else None


def import_regions(
    rows: Iterable[tuple[int, list[str]]],
    *,
    by: Any = None,
    prefix: str = "",
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Create or update regions from ``(line, [code, name])`` rows.

    Valid rows are kept even when others are malformed; re-running updates names in
    place and never duplicates. ``prefix`` limits the import to one subtree (``35``).
    """
    result = ImportResult()
    parsed: dict[str, str] = {}
    line_of: dict[str, int] = {}
    for line, row in rows:
        if progress:
            progress(1)
        item = parse_region_row(line, row)
        if isinstance(item, RowError):
            result.errors.append(item)
            continue
        code, name = item
        if prefix and not (code == prefix or code.startswith(prefix + ".") or prefix.startswith(code + ".")):
            continue
        if code in parsed:
            result.errors.append(
                RowError(line, _("code %(code)s repeats line %(first)d") % {"code": code, "first": line_of[code]})
            )
            continue
        parsed[code] = name
        line_of[code] = line

    with transaction.atomic():
        existing = {
            code: (name, parent) for code, name, parent in Region.objects.values_list("code", "name", "parent_id")
        }
        known = set(existing) | set(parsed)
        to_create: list[Region] = []
        to_update: list[Region] = []
        for code in sorted(parsed, key=lambda c: (c.count("."), c)):
            parent = parent_code(code)
            if parent and parent not in known:
                result.errors.append(
                    RowError(line_of[code], _("parent region %(parent)s is missing") % {"parent": parent})
                )
                known.discard(code)
                continue
            region = Region(code=code, name=parsed[code], level=LEVEL_BY_DEPTH[code.count(".") + 1], parent_id=parent)
            if code not in existing:
                to_create.append(region)
            elif existing[code] != (parsed[code], parent):
                to_update.append(region)
            else:
                result.unchanged += 1
        Region.objects.bulk_create(to_create, batch_size=BATCH)
        Region.objects.bulk_update(to_update, ["name", "parent"], batch_size=BATCH)
        result.created, result.updated = len(to_create), len(to_update)
        audit.record(
            "regions.imported",
            actor=by,
            region_code=prefix,
            data={"created": result.created, "updated": result.updated, "errors": len(result.errors)},
        )
    result.errors.sort(key=lambda e: e.line)
    return result


# --- TPS -------------------------------------------------------------------------------

TPS_COLUMNS = ["desa_code", "number", "dpt", "address", "lat", "lon"]


@dataclass
class TpsRow:
    line: int
    desa_code: str
    number: int
    dpt: int
    address: str
    lat: Decimal | None
    lon: Decimal | None


def _parse_int(value: str, what: str, low: int, high: int) -> int | str:
    try:
        number = int(value.strip())
    except ValueError:
        return _("%(what)s '%(value)s' is not a whole number") % {"what": what, "value": value}
    if not low <= number <= high:
        return _("%(what)s %(value)d is outside %(low)d-%(high)d") % {
            "what": what,
            "value": number,
            "low": low,
            "high": high,
        }
    return number


def _parse_coord(value: str, what: str, low: int, high: int) -> Decimal | str | None:
    if not value.strip():
        return None
    try:
        number = Decimal(value.strip().replace(",", "."))
    except InvalidOperation:
        return _("%(what)s '%(value)s' is not a number") % {"what": what, "value": value}
    if not low <= number <= high:
        return _("%(what)s %(value)s lies outside Indonesia") % {"what": what, "value": value}
    return number.quantize(Decimal("0.000001"))


def parse_tps_row(line: int, row: list[str], desa_codes: set[str]) -> TpsRow | RowError:
    cells = [c.strip() for c in row] + [""] * (6 - len(row))
    if len(row) < 3 or len(row) > 6:
        return RowError(line, _("expected columns %(cols)s") % {"cols": ", ".join(TPS_COLUMNS)})
    desa_code = cells[0]
    if desa_code not in desa_codes:
        return RowError(line, _("desa/kelurahan %(code)s is not in the region table") % {"code": desa_code})
    number = _parse_int(cells[1], _("TPS number"), 1, 999)
    dpt = _parse_int(cells[2], _("DPT"), 0, MAX_DPT_PER_TPS)
    lat = _parse_coord(cells[4], _("latitude"), -12, 7)
    lon = _parse_coord(cells[5], _("longitude"), 94, 142)
    for value in (number, dpt, lat, lon):
        if isinstance(value, str):
            return RowError(line, value)
    assert isinstance(number, int) and isinstance(dpt, int)
    assert not isinstance(lat, str) and not isinstance(lon, str)
    return TpsRow(line, desa_code, number, dpt, cells[3][:255], lat, lon)


def validate_tps_rows(rows: Iterable[tuple[int, list[str]]]) -> tuple[list[TpsRow], list[RowError]]:
    desa_codes = set(Region.objects.filter(level=Level.DESA).values_list("code", flat=True))
    valid: list[TpsRow] = []
    errors: list[RowError] = []
    seen: dict[tuple[str, int], int] = {}
    for line, row in rows:
        item = parse_tps_row(line, row, desa_codes)
        if isinstance(item, RowError):
            errors.append(item)
            continue
        key = (item.desa_code, item.number)
        if key in seen:
            errors.append(
                RowError(
                    line,
                    _("TPS %(n)d of %(code)s repeats line %(first)d")
                    % {"n": item.number, "code": item.desa_code, "first": seen[key]},
                )
            )
            continue
        seen[key] = line
        valid.append(item)
    return valid, errors


def import_tps(rows: Iterable[tuple[int, list[str]]], *, by: Any = None, skip_invalid: bool = False) -> ImportResult:
    """Validate every row first; import nothing if any is invalid, unless ``skip_invalid``."""
    valid, errors = validate_tps_rows(rows)
    result = ImportResult(errors=errors)
    if errors and not skip_invalid:
        return result
    with transaction.atomic():
        existing = {(t.desa_id, t.number): t for t in Tps.objects.filter(desa_id__in={r.desa_code for r in valid})}
        to_create, to_update = [], []
        for row in valid:
            values = {"dpt": row.dpt, "address": row.address, "latitude": row.lat, "longitude": row.lon}
            current = existing.get((row.desa_code, row.number))
            if current is None:
                to_create.append(Tps(desa_id=row.desa_code, number=row.number, **values))
            elif any(getattr(current, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(current, k, v)
                to_update.append(current)
            else:
                result.unchanged += 1
        Tps.objects.bulk_create(to_create, batch_size=BATCH)
        Tps.objects.bulk_update(to_update, ["dpt", "address", "latitude", "longitude"], batch_size=BATCH)
        result.created, result.updated = len(to_create), len(to_update)
        audit.record(
            "tps.imported",
            actor=by,
            data={"created": result.created, "updated": result.updated, "skipped": len(errors)},
        )
    return result
