"""``manage.py triage``: JSONL in, JSONL out, malformed lines reported by number."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from kawal.regions.models import Region


def _run(tmp_path: Path, lines: list[str]) -> tuple[list[dict[str, Any]], str]:
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    err = StringIO()
    call_command("triage", "--input", str(source), "--output", str(target), stderr=err)
    return [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()], err.getvalue()


def test_good_lines_give_one_record_each_with_places_from_the_database(gresik: Any, tmp_path: Path) -> None:
    out, _err = _run(tmp_path, [
        json.dumps({"id": 1, "text": "Serangan fajar Rp50.000 di Desa Sawo, Kecamatan Dukun, 26/11/2024."}),
        json.dumps({"id": "b", "text": "Kades Randuagung ikut kampanye paslon di Kebomas."}),
    ])
    assert [r["id"] for r in out] == [1, "b"]
    assert set(out[0]) == {"id", "category", "subject", "places", "dates", "amounts", "group", "explanation"}
    assert out[0]["category"] == "politik_uang" and out[0]["amounts"] == [50_000]
    assert {"code": "35.25.01.2001", "name": "Sawo", "level": "desa"} in out[0]["places"]
    assert out[1]["subject"] == "kepala_desa"


def test_a_malformed_line_is_reported_by_number_and_the_rest_processed(gresik: Any, tmp_path: Path) -> None:
    out, err = _run(tmp_path, [
        json.dumps({"id": 1, "text": "serangan fajar"}),
        "{bukan json",
        json.dumps({"id": 3, "text": "Kades ikut kampanye"}),
    ])
    assert [r["id"] for r in out] == [1, 3]
    assert "baris 2: bukan JSON yang sah" in err


def test_each_kind_of_malformed_line_is_explained_in_indonesian(gresik: Any, tmp_path: Path) -> None:
    _out, err = _run(tmp_path, ["[1, 2]", json.dumps({"text": "tanpa id"})])
    assert "baris 1: bukan objek JSON" in err
    assert 'baris 2: isian "id" tidak ada' in err


def test_empty_text_gives_lainnya_and_unknown_subject(gresik: Any, tmp_path: Path) -> None:
    out, _err = _run(tmp_path, [json.dumps({"id": 1, "text": ""}), json.dumps({"id": 2})])
    assert [(r["category"], r["subject"]) for r in out] == [("lainnya", "tidak_diketahui")] * 2


@pytest.mark.django_db
def test_an_empty_region_table_falls_back_to_the_shipped_regions(tmp_path: Path) -> None:
    assert not Region.objects.exists()
    out, err = _run(tmp_path, [json.dumps({"id": 1, "text": "Amplop dibagikan di Kecamatan Menganti."})])
    assert "kosong" in err
    assert out[0]["places"][0]["code"] == "35.25.13"


def test_a_missing_input_file_is_a_clear_error(gresik: Any, tmp_path: Path) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("triage", "--input", str(tmp_path / "none.jsonl"), "--output", str(tmp_path / "o.jsonl"))
