from __future__ import annotations

import pytest

from kawal.triage.engine import Triage


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("pada 26 November 2024 malam", ["2024-11-26"]),
        ("tanggal 26/11/2024", ["2024-11-26"]),
        ("Selasa (26/11) sekitar pukul 03.00", ["2024-11-26"]),
        ("tanggal 26 Nov 2024", ["2024-11-26"]),
        ("tanggal 3 Nopember 2024", ["2024-11-03"]),
        ("Sabtu, 5 Oktober", ["2024-10-05"]),
        ("pada 26.11.2024", ["2024-11-26"]),
        ("dari 24 November 2024 sampai 27-11-2024", ["2024-11-24", "2024-11-27"]),
        ("tanggal 31 November 2024", []),  # not a date
        ("pukul 10.00 di TPS 05", []),
    ],
)
def test_dates(triage: Triage, text: str, dates: list[str]) -> None:
    assert triage.suggest(text).dates == dates


def test_default_year_is_configurable(jatim_regions: list) -> None:  # type: ignore[type-arg]
    t = Triage(jatim_regions, default_year=2020)
    assert t.suggest("Rabu (9/12)").dates == ["2020-12-09"]


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("amplop berisi Rp50.000", [50_000]),
        ("uang Rp 50 ribu", [50_000]),
        ("diberi 100 ribu rupiah", [100_000]),
        ("total Rp1,5 juta", [1_500_000]),
        ("total Rp 5.780.000 diamankan", [5_780_000]),
        ("Rp50.000,00 per orang", [50_000]),
        ("amplop berisi dua ratus ribu rupiah", [200_000]),
        ("uang lima puluh ribu", [50_000]),
        ("uang sebesar seratus lima puluh ribu", [150_000]),
        ("isi 100rb per KK", [100_000]),
        ("Rp20.000 dan Rp 100.000", [20_000, 100_000]),
        ("sebanyak 50 ribu pemilih datang", []),  # not money
        ("di TPS 05 pukul 10.00", []),
    ],
)
def test_amounts(triage: Triage, text: str, amounts: list[int]) -> None:
    assert triage.suggest(text).amounts == amounts
