"""The sixth frozen set of real published cases: well-formed, sourced, new, and unchanged since it was frozen.

It was collected by someone other than the rules' author and committed alone, before the next
round of rule changes, to be scored once in the bench; the checksum makes any later edit
(relabelling an item the engine gets wrong, say) fail loudly instead of passing unnoticed.
The file is read with plain ``json`` so that this test does not depend on the engine's loader.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

from kawal.triage.engine import CATEGORIES, SUBJECTS
from kawal.triage.engine.evaluate import DEVSET_PATH

REAL6_PATH = DEVSET_PATH.with_name("real_heldout_6.jsonl")
OTHER_PATHS = (
    DEVSET_PATH,
    DEVSET_PATH.with_name("real_heldout.jsonl"),
    DEVSET_PATH.with_name("real_heldout_2.jsonl"),
    DEVSET_PATH.with_name("real_heldout_3.jsonl"),
    DEVSET_PATH.with_name("real_heldout_4.jsonl"),
    DEVSET_PATH.with_name("real_heldout_5.jsonl"),
)
FROZEN_SHA256 = "3c1e98699e4239e1a53baa274d8a0a7892838c7dac08ca006dee827288ca8b37"
KEYS = {"id", "text", "category", "subject", "group", "source", "split"}


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_the_set_is_unchanged_since_it_was_frozen() -> None:
    assert hashlib.sha256(REAL6_PATH.read_bytes()).hexdigest() == FROZEN_SHA256


def test_lines_are_plain_json_objects_with_readable_text() -> None:
    for line in REAL6_PATH.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        assert isinstance(item, dict)
        # Written with ensure_ascii=False: Indonesian text stays readable in the file.
        assert "\\u" not in line


def test_items_are_sourced_labelled_and_distinct() -> None:
    items = _load(REAL6_PATH)
    assert len(items) >= 70
    assert len({it["id"] for it in items}) == len(items)
    assert len({it["text"] for it in items}) == len(items)
    assert len({it["source"] for it in items}) == len(items)
    for it in items:
        assert set(it) == KEYS
        assert it["split"] == "real_heldout_6"
        assert it["id"].startswith("u")
        assert isinstance(it["text"], str) and it["text"].strip()
        assert it["source"].startswith(("https://", "http://"))
        assert it["category"] in CATEGORIES and it["subject"] in SUBJECTS
        assert it["group"] is None or it["group"].startswith("rh6g")
    categories = Counter(it["category"] for it in items)
    assert set(categories) == set(CATEGORIES)
    assert min(categories.values()) >= 5
    # Mostly specific cases: few statements, warnings or meetings without an incident.
    assert categories["lainnya"] <= 10
    assert {it["subject"] for it in items} == set(SUBJECTS)


def test_at_least_twelve_incidents_come_from_two_or_three_outlets() -> None:
    groups: dict[str, list[dict[str, Any]]] = {}
    for it in _load(REAL6_PATH):
        if it["group"] is not None:
            groups.setdefault(it["group"], []).append(it)
    assert len(groups) >= 12
    for members in groups.values():
        assert 2 <= len(members) <= 3
        assert len({m["source"] for m in members}) == len(members)
        assert len({m["text"] for m in members}) == len(members)
        assert len({(m["category"], m["subject"]) for m in members}) == 1


def test_nothing_is_shared_with_the_other_sets() -> None:
    others = [o for path in OTHER_PATHS for o in _load(path)]
    ids, texts, sources = {o["id"] for o in others}, {o["text"] for o in others}, {o["source"] for o in others}
    groups = {o["group"] for o in others}
    for it in _load(REAL6_PATH):
        assert it["id"] not in ids and it["text"] not in texts and it["source"] not in sources
        assert it["group"] is None or it["group"] not in groups
