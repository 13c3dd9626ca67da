"""A set of real published cases collected for training the word model (Jawa Timur, Bali and Nusa
Tenggara): well-formed, sourced, new, and unchanged since it was frozen.

The items are paraphrases of published news, Bawaslu and DKPP pages about incidents in Jawa Timur,
Bali, Nusa Tenggara Barat and Nusa Tenggara Timur, each labelled with a category and the type of the
reported party. The checksum makes any later edit (relabelling an item, say) fail loudly instead of
passing unnoticed. The file is read with plain ``json`` so that this test does not depend on the
engine's loader; every other labelled set in the data folder, including those committed after this
one, is checked for overlap.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

from kawal.triage.engine import CATEGORIES, SUBJECTS
from kawal.triage.engine.evaluate import DEVSET_PATH

TRAIN3_PATH = DEVSET_PATH.with_name("real_train_3.jsonl")
OTHER_PATHS = tuple(p for p in sorted(DEVSET_PATH.parent.glob("*.jsonl")) if p.name != TRAIN3_PATH.name)
FROZEN_SHA256 = "41ea3d851df9640362d89ebe38d3e572cdbe973de0e8de64eafd5949eb05b3c6"
KEYS = {"id", "text", "category", "subject", "group", "source", "split"}


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_the_set_is_unchanged_since_it_was_frozen() -> None:
    assert hashlib.sha256(TRAIN3_PATH.read_bytes()).hexdigest() == FROZEN_SHA256


def test_lines_are_plain_json_objects_with_readable_text() -> None:
    for line in TRAIN3_PATH.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        assert isinstance(item, dict)
        # Written with ensure_ascii=False: Indonesian text stays readable in the file.
        assert "\\u" not in line


def test_items_are_sourced_labelled_and_distinct() -> None:
    items = _load(TRAIN3_PATH)
    assert len(items) >= 60
    assert len({it["id"] for it in items}) == len(items)
    assert len({it["text"] for it in items}) == len(items)
    assert len({it["source"] for it in items}) == len(items)
    for it in items:
        assert set(it) == KEYS
        assert it["split"] == "real_train_3"
        assert it["id"].startswith("t3_")
        assert isinstance(it["text"], str) and it["text"].strip()
        assert it["source"].startswith(("https://", "http://"))
        assert it["category"] in CATEGORIES and it["subject"] in SUBJECTS
        assert it["group"] is None or it["group"].startswith("rt3g")
    categories = Counter(it["category"] for it in items)
    assert set(categories) == set(CATEGORIES)
    assert min(categories.values()) >= 5
    # Mostly specific cases: few statements, warnings or meetings without an incident.
    assert categories["lainnya"] <= 12


def test_at_least_eight_incidents_come_from_two_or_three_outlets() -> None:
    groups: dict[str, list[dict[str, Any]]] = {}
    for it in _load(TRAIN3_PATH):
        if it["group"] is not None:
            groups.setdefault(it["group"], []).append(it)
    assert len(groups) >= 8
    for members in groups.values():
        assert 2 <= len(members) <= 3
        assert len({m["source"] for m in members}) == len(members)
        assert len({m["text"] for m in members}) == len(members)
        assert len({(m["category"], m["subject"]) for m in members}) == 1


def test_nothing_is_shared_with_the_other_sets() -> None:
    assert DEVSET_PATH in OTHER_PATHS
    others = [o for path in OTHER_PATHS for o in _load(path)]
    ids, texts, sources = {o["id"] for o in others}, {o["text"] for o in others}, {o["source"] for o in others}
    groups = {o["group"] for o in others}
    for it in _load(TRAIN3_PATH):
        assert it["id"] not in ids and it["text"] not in texts and it["source"] not in sources
        assert it["group"] is None or it["group"] not in groups
