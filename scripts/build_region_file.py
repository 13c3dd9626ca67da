"""Build ``kawal/regions/data/wilayah.csv`` from the ``idn-area-data`` npm package.

``idn-area-data`` (ODbL) carries the Kemendagri region codes with the 38 provinces of
2022 onwards, including Papua Selatan, Papua Tengah, Papua Pegunungan and Papua Barat
Daya. Kawal's region file is one ``code,name`` row per region, parents before children,
regency names written as the Kemendagri list writes them ("KAB. GRESIK", "KOTA SURABAYA").

Usage::

    npm pack idn-area-data@4.0.1 && tar xzf idn-area-data-4.0.1.tgz
    python scripts/build_region_file.py package/data
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "kawal" / "regions" / "data" / "wilayah.csv"
SOURCES = (
    ("provinces.csv", "province"),
    ("regencies.csv", "regency"),
    ("districts.csv", "other"),
    ("villages.csv", "other"),
)


def clean(name: str, kind: str) -> str:
    # The package writes the apostrophe of names such as Ra'as or Ima'an as a double quote.
    name = " ".join(name.replace('"', "'").split())
    if kind == "province":
        return name.upper()
    if kind == "regency":
        upper = name.upper()
        return "KAB. " + upper.removeprefix("KABUPATEN ") if upper.startswith("KABUPATEN ") else upper
    return name


def rows(data: Path) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for filename, kind in SOURCES:
        with open(data / filename, newline="", encoding="utf-8") as handle:
            found += [(row["code"], clean(row["name"], kind)) for row in csv.DictReader(handle)]
    return sorted(found, key=lambda row: [int(part) for part in row[0].split(".")])


def main(data: Path) -> None:
    with open(OUTPUT, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows(data))
    print(f"{OUTPUT}: written")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
