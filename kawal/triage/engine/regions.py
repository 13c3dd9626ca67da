"""Loading region entries from a ``code,name`` CSV (wilayah_indonesia's base.csv)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from .places import level_of_code, parent_of_code
from .types import RegionEntry


def load_regions_csv(path: str | Path, prefixes: Iterable[str] = ()) -> list[RegionEntry]:
    """Rows whose code is under one of ``prefixes`` (plus their ancestors); all if none."""
    pre = tuple(prefixes)
    out: list[RegionEntry] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) < 2 or not row[0] or not row[0][0].isdigit():
                continue
            code, name = row[0].strip(), row[1].strip()
            if pre and not any(
                code == p or code.startswith(p + ".") or p.startswith(code + ".") for p in pre
            ):
                continue
            out.append(RegionEntry(code, name, level_of_code(code), parent_of_code(code)))
    return out
