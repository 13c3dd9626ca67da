from pathlib import Path

import pytest
from django.core.management import call_command

from kawal.core.models import AuditEvent
from kawal.regions.models import Level, Region
from kawal.regions.services import import_regions, read_csv

pytestmark = pytest.mark.django_db

SAMPLE = """35,JAWA TIMUR
35.25,KAB. GRESIK
35.25.01,Dukun
35.25.01.2001,Sawo
35.25.01.2002,Karangcangkring
35.25.14,Kebomas
35.25.14.2004,Randuagung
12.07.28.1007,"Lubuk Pakam I,II"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "regions.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_imports_the_hierarchy_with_levels_and_parents(tmp_path: Path) -> None:
    result = import_regions(read_csv(write(tmp_path, SAMPLE)), prefix="35")
    assert result.created == 7 and not result.errors
    sawo = Region.objects.get(code="35.25.01.2001")
    assert sawo.level == Level.DESA and sawo.parent_id == "35.25.01"
    assert Region.objects.get(code="35.25").level == Level.REGENCY
    assert [r.code for r in sawo.ancestors()] == ["35", "35.25", "35.25.01"]


def test_reimport_updates_in_place_and_never_duplicates(tmp_path: Path) -> None:
    path = write(tmp_path, SAMPLE)
    import_regions(read_csv(path), prefix="35")
    again = import_regions(read_csv(path), prefix="35")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 7)
    renamed = write(tmp_path, SAMPLE.replace("Sawo", "Sawo Baru"))
    third = import_regions(read_csv(renamed), prefix="35")
    assert (third.created, third.updated) == (0, 1)
    assert Region.objects.filter(code__startswith="35").count() == 7
    assert Region.objects.get(code="35.25.01.2001").name == "Sawo Baru"


def test_bad_rows_are_named_by_line_and_good_rows_kept(tmp_path: Path) -> None:
    text = (
        SAMPLE
        + "35.25.99.x,Salah Kode\n35.25.14.2005,\n35.25.14.2006,Satu,Dua\n35.26.01.2001,Yatim\n35.25.01.2001,Dobel\n"
    )
    result = import_regions(read_csv(write(tmp_path, text)))
    lines = {e.line: e.reason for e in result.errors}
    assert set(lines) == {8, 9, 10, 11, 12, 13}
    assert "12.07.28" in lines[8] and "35.26.01" in lines[12]  # their parents are missing
    assert "3" in lines[11]  # three columns where two belong
    assert Region.objects.filter(code__startswith="35").count() == 7
    assert Region.objects.get(code="35.25.01.2001").name == "Sawo"  # the repeat did not overwrite


def test_a_quoted_name_with_a_comma_is_one_name(tmp_path: Path) -> None:
    text = '12,SUMATERA UTARA\n12.07,KAB. DELI SERDANG\n12.07.28,Lubuk Pakam\n12.07.28.1007,"Lubuk Pakam I,II"\n'
    result = import_regions(read_csv(write(tmp_path, text)))
    assert not result.errors
    assert Region.objects.get(code="12.07.28.1007").name == "Lubuk Pakam I,II"


def test_import_writes_one_audit_event(tmp_path: Path) -> None:
    import_regions(read_csv(write(tmp_path, SAMPLE)), prefix="35")
    event = AuditEvent.objects.get(action="regions.imported")
    assert event.data["created"] == 7


def test_command_reports_bad_lines_and_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, SAMPLE + "bad-code,Nama\n")
    call_command("import_regions", str(path), "--no-progress")
    out, err = capsys.readouterr()
    assert "line 9" in err or "baris 9" in err
    assert "7 created" in out and "2 rejected" in out


def test_national_file_imports_completely_and_idempotently(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("import_regions", "--no-progress")
    assert Region.objects.count() == 91_599
    assert Region.objects.filter(level=Level.PROVINCE).count() == 38  # with the four Papua provinces of 2022
    assert Region.objects.get(code="93").name == "PAPUA SELATAN"
    assert Region.objects.filter(code__startswith="35.25.", level=Level.KECAMATAN).count() == 18
    assert Region.objects.filter(code__startswith="35.25.", level=Level.DESA).count() == 356
    call_command("import_regions", "--no-progress")
    assert Region.objects.count() == 91_599
    assert "0 created, 0 updated, 91599 unchanged" in capsys.readouterr().out
