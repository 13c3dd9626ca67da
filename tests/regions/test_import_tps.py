from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kawal.regions.models import Region, Tps
from tests.conftest import RANDUAGUNG, SAWO

pytestmark = pytest.mark.django_db

HEADER = "desa_code,number,dpt,address,lat,lon\n"


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "tps.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_valid_file_is_imported_with_coordinates(tmp_path: Path, gresik: dict[str, Region]) -> None:
    path = write(tmp_path, f"{SAWO},10,512,Balai Desa Sawo,-7.05,112.42\n{SAWO},11,498,,,\n")
    call_command("import_tps", str(path))
    tps = Tps.objects.get(desa_id=SAWO, number=10)
    assert (tps.dpt, tps.address, float(tps.latitude or 0)) == (512, "Balai Desa Sawo", -7.05)
    assert Tps.objects.get(desa_id=SAWO, number=11).latitude is None


def test_one_bad_row_imports_nothing_and_names_every_bad_line(
    tmp_path: Path, gresik: dict[str, Region], capsys: pytest.CaptureFixture[str]
) -> None:
    before = Tps.objects.count()
    body = (
        f"{SAWO},10,512,ok,,\n"  # line 2: valid
        "35.25.99.9999,1,300,,,\n"  # line 3: unknown desa
        f"{SAWO},dua,300,,,\n"  # line 4: number not a number
        f"{SAWO},12,700,,,\n"  # line 5: DPT above 600
        f"{SAWO},13,100,,-7.1,200\n"  # line 6: longitude outside Indonesia
        f"{SAWO},10,300,,,\n"  # line 7: repeats line 2
    )
    with pytest.raises(CommandError, match="5 invalid"):
        call_command("import_tps", str(write(tmp_path, body)))
    err = capsys.readouterr().err
    for line in (3, 4, 5, 6, 7):
        assert f"line {line}:" in err or f"baris {line}:" in err
    assert Tps.objects.count() == before


def test_skip_invalid_keeps_the_valid_rows(tmp_path: Path, gresik: dict[str, Region]) -> None:
    path = write(tmp_path, f"{SAWO},10,512,,,\n{SAWO},x,1,,,\n{RANDUAGUNG},9,450,,,\n")
    call_command("import_tps", str(path), "--skip-invalid")
    assert Tps.objects.filter(desa_id=SAWO, number=10).exists()
    assert Tps.objects.filter(desa_id=RANDUAGUNG, number=9).exists()


def test_reimport_updates_instead_of_duplicating(tmp_path: Path, gresik: dict[str, Region]) -> None:
    call_command("import_tps", str(write(tmp_path, f"{SAWO},10,512,,,\n")))
    call_command("import_tps", str(write(tmp_path, f"{SAWO},10,520,Balai,,\n")))
    assert Tps.objects.filter(desa_id=SAWO, number=10).count() == 1
    assert Tps.objects.get(desa_id=SAWO, number=10).dpt == 520
