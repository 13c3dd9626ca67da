"""A large batch analysed on several processes gives exactly the single-process output."""

from __future__ import annotations

import json
import random

from kawal.triage.engine import RegionEntry, triage_jsonl
from kawal.triage.engine.evaluate import load_devset
from kawal.triage.engine.parallel import MIN_TEXTS_PER_PROCESS


def batch_lines(n: int) -> list[str]:
    items = load_devset()
    rng = random.Random(3)
    lines = [json.dumps({"id": i, "text": rng.choice(items)["text"]}, ensure_ascii=False) for i in range(n)]
    lines[7] = "{not json"  # a malformed line keeps its number
    lines[11] = json.dumps({"id": "kosong", "text": ""})
    return lines


def test_two_processes_give_the_same_records_in_the_same_order(jatim_regions: list[RegionEntry]) -> None:
    lines = batch_lines(2 * MIN_TEXTS_PER_PROCESS + 13)
    single = list(triage_jsonl(lines, jatim_regions, home_code="35.25", jobs=1))
    double = list(triage_jsonl(lines, jatim_regions, home_code="35.25", jobs=2))
    assert double == single
    assert single[7] == {"line": 8, "error": single[7]["error"]}
    assert any(record.get("group") is not None for record in single)  # repeated texts were grouped


def test_a_small_batch_stays_in_one_process(jatim_regions: list[RegionEntry]) -> None:
    lines = batch_lines(MIN_TEXTS_PER_PROCESS)
    assert list(triage_jsonl(lines, jatim_regions, home_code="35.25", jobs=4)) == list(
        triage_jsonl(lines, jatim_regions, home_code="35.25", jobs=1)
    )
