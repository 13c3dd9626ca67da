"""Loading region entries from a ``code,name`` CSV (Kawal's ``kawal/regions/data/wilayah.csv``)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from .places import level_of_code, parent_of_code
from .types import RegionEntry


def load_regions_csv(path: str | Path, prefixes: Iterable[str] = ()) -> list[RegionEntry]:
    """Rows whose code is under one of ``prefixes`` (plus their ancestors); all if none."""
    pre = tuple(prefixes)
    under = tuple(p + "." for p in pre)
    ancestors: set[str] = set()
    for p in pre:
        parts = p.split(".")
        ancestors.update(".".join(parts[:k]) for k in range(1, len(parts)))
    # a code under a prefix, or an ancestor of one, starts with that prefix's province
    provinces = tuple({p.split(".")[0] for p in pre})
    out: list[RegionEntry] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh):
            if len(row) < 2 or not row[0] or not row[0][0].isdigit():
                continue
            code = row[0].strip()
            if pre and not (
                code.startswith(provinces)
                and (code in pre or code in ancestors or code.startswith(under))
            ):
                continue
            out.append(RegionEntry(code, row[1].strip(), level_of_code(code), parent_of_code(code)))
    return out
