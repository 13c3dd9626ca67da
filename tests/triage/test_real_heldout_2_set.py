"""The second frozen set of real published cases: well-formed, sourced, new, and unchanged since it was frozen.

It was committed alone, before the third round of rule changes, and is scored once in the
bench; the checksum makes any later edit (relabelling an item the engine gets wrong, say)
fail loudly instead of passing unnoticed.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from kawal.triage.engine import CATEGORIES, SUBJECTS
from kawal.triage.engine.evaluate import DEVSET_PATH, load_devset

REAL2_PATH = DEVSET_PATH.with_name("real_heldout_2.jsonl")
REAL1_PATH = DEVSET_PATH.with_name("real_heldout.jsonl")
FROZEN_SHA256 = "bb93b5e5d9e45528f53728be4a1f42f53e2c6fca410d4fbf087c9d5543eb1074"


def test_the_set_is_unchanged_since_it_was_frozen() -> None:
    assert hashlib.sha256(REAL2_PATH.read_bytes()).hexdigest() == FROZEN_SHA256


def test_items_are_sourced_labelled_and_distinct() -> None:
    items = load_devset(REAL2_PATH)
    assert len(items) >= 60
    assert len({it["id"] for it in items}) == len(items)
    for it in items:
        assert set(it) == {"id", "text", "category", "subject", "group", "source", "split"}
        assert it["split"] == "real_heldout_2"
        assert it["source"].startswith(("https://", "http://"))
        assert it["category"] in CATEGORIES and it["subject"] in SUBJECTS
    assert len(Counter(it["category"] for it in items)) == len(CATEGORIES)
    assert len(Counter(it["subject"] for it in items)) == len(SUBJECTS)


def test_at_least_eight_incidents_come_from_two_outlets_each() -> None:
    groups: dict[str, list[dict[str, str]]] = {}
    for it in load_devset(REAL2_PATH):
        if it["group"] is not None:
            groups.setdefault(it["group"], []).append(it)
    assert len(groups) >= 8
    for members in groups.values():
        assert len(members) == 2
        assert members[0]["source"] != members[1]["source"]


def test_nothing_is_shared_with_the_other_sets() -> None:
    others = load_devset() + load_devset(REAL1_PATH)
    ids, texts, sources = {o["id"] for o in others}, {o["text"] for o in others}, {o["source"] for o in others}
    for it in load_devset(REAL2_PATH):
        assert it["id"] not in ids and it["text"] not in texts and it["source"] not in sources
