"""The third frozen set of real published cases: well-formed, sourced, new, and unchanged since it was frozen.

It was committed alone, before the fourth round of rule changes, and is scored once in the
bench; the checksum makes any later edit (relabelling an item the engine gets wrong, say)
fail loudly instead of passing unnoticed.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from kawal.triage.engine import CATEGORIES, SUBJECTS
from kawal.triage.engine.evaluate import DEVSET_PATH, load_devset

REAL3_PATH = DEVSET_PATH.with_name("real_heldout_3.jsonl")
OTHER_PATHS = (DEVSET_PATH, DEVSET_PATH.with_name("real_heldout.jsonl"), DEVSET_PATH.with_name("real_heldout_2.jsonl"))
FROZEN_SHA256 = "ac5bea3eeeb47fb95284f285bc78da25ec43d9496e12eb35b4887c0bb0794add"


def test_the_set_is_unchanged_since_it_was_frozen() -> None:
    assert hashlib.sha256(REAL3_PATH.read_bytes()).hexdigest() == FROZEN_SHA256


def test_items_are_sourced_labelled_and_distinct() -> None:
    items = load_devset(REAL3_PATH)
    assert len(items) >= 60
    assert len({it["id"] for it in items}) == len(items)
    assert len({it["source"] for it in items}) == len(items)
    for it in items:
        assert set(it) == {"id", "text", "category", "subject", "group", "source", "split"}
        assert it["split"] == "real_heldout_3"
        assert it["source"].startswith(("https://", "http://"))
        assert it["category"] in CATEGORIES and it["subject"] in SUBJECTS
    categories = Counter(it["category"] for it in items)
    assert set(categories) == set(CATEGORIES)
    assert categories["penyalahgunaan_wewenang"] >= 5 and categories["lainnya"] >= 5
    # No published case with a perangkat desa as the reported party turned up in the search.
    assert set(SUBJECTS) - {it["subject"] for it in items} <= {"perangkat_desa"}


def test_at_least_ten_incidents_come_from_two_outlets_each() -> None:
    groups: dict[str, list[dict[str, str]]] = {}
    for it in load_devset(REAL3_PATH):
        if it["group"] is not None:
            groups.setdefault(it["group"], []).append(it)
    assert len(groups) >= 10
    for members in groups.values():
        assert 2 <= len(members) <= 3
        assert len({m["source"] for m in members}) == len(members)
        assert len({(m["category"], m["subject"]) for m in members}) == 1


def test_nothing_is_shared_with_the_other_sets() -> None:
    others = [o for path in OTHER_PATHS for o in load_devset(path)]
    ids, texts, sources = {o["id"] for o in others}, {o["text"] for o in others}, {o["source"] for o in others}
    groups = {o["group"] for o in others}
    for it in load_devset(REAL3_PATH):
        assert it["id"] not in ids and it["text"] not in texts and it["source"] not in sources
        assert it["group"] is None or it["group"] not in groups
