from __future__ import annotations

import json

from kawal.triage.engine import Triage, triage_jsonl

KEYS = {"id", "category", "subject", "places", "dates", "amounts", "group", "explanation"}


def test_each_line_gives_a_record_with_all_fields(triage: Triage) -> None:
    lines = [
        json.dumps({"id": 1, "text": "Serangan fajar di Desa Sawo, Kec. Dukun, Rp50.000, 26/11/2024"}),
        json.dumps({"id": "b", "text": "Kades ikut kampanye paslon."}),
    ]
    out = list(triage_jsonl(lines, triage))
    assert [r["id"] for r in out] == [1, "b"]
    assert all(set(r) == KEYS for r in out)
    assert out[0]["category"] == "politik_uang"
    assert out[0]["dates"] == ["2024-11-26"]
    assert out[0]["amounts"] == [50_000]
    assert {"code": "35.25.01.2001", "name": "Sawo", "level": "desa"} in out[0]["places"]
    json.dumps(out)  # serialisable


def test_malformed_line_is_reported_by_number_and_rest_processed(triage: Triage) -> None:
    lines = [
        json.dumps({"id": 1, "text": "serangan fajar"}),
        "{not json",
        "[1, 2]",
        json.dumps({"text": "no id"}),
        json.dumps({"id": 5, "text": "Kades ikut kampanye"}),
    ]
    out = list(triage_jsonl(lines, triage))
    assert len(out) == 5
    assert out[0]["id"] == 1 and out[0]["category"] == "politik_uang"
    assert out[1]["line"] == 2 and "error" in out[1]
    assert out[2]["line"] == 3 and "error" in out[2]
    assert out[3]["line"] == 4 and "id" in out[3]["error"]
    assert out[4]["id"] == 5 and out[4]["subject"] == "kepala_desa"


def test_empty_unknown_or_missing_text(triage: Triage) -> None:
    lines = [
        json.dumps({"id": 1, "text": ""}),
        json.dumps({"id": 2}),
        json.dumps({"id": 3, "text": None}),
        json.dumps({"id": 4, "text": 12345}),
        json.dumps({"id": 5, "text": "zzz qqq xxx"}),
    ]
    out = list(triage_jsonl(lines, triage))
    assert [(r["category"], r["subject"]) for r in out] == [("lainnya", "tidak_diketahui")] * 5
    assert all(r["group"] is None for r in out)


def test_blank_lines_are_skipped_and_numbering_kept(triage: Triage) -> None:
    out = list(triage_jsonl(["", json.dumps({"id": 1, "text": "x"}), "   ", "oops"], triage))
    assert out[0]["id"] == 1
    assert out[1] == {"line": 4, "error": out[1]["error"]}


def test_groups_in_output(triage: Triage) -> None:
    a = "Kepala Desa Mojopurogede memakai kaos paslon dan ikut konvoi kampanye di Bungah, 3 November 2024."
    b = "Kades Mojopurogede, Bungah, terekam ikut arak-arakan kampanye berkaos paslon tanggal 3/11/2024."
    out = list(triage_jsonl([json.dumps({"id": "a", "text": a}), json.dumps({"id": "b", "text": b})], triage))
    assert out[0]["group"] is not None and out[0]["group"] == out[1]["group"]


def test_accepts_region_list(jatim_regions: list) -> None:  # type: ignore[type-arg]
    gresik = [r for r in jatim_regions if r.code.startswith("35.25")]
    out = list(triage_jsonl([json.dumps({"id": 1, "text": "di Kec. Kebomas"})], gresik))
    assert out[0]["places"][0]["code"] == "35.25.14"
