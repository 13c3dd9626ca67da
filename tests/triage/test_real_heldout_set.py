"""The frozen set of real published cases: well-formed, sourced, never tuned on (scores are in the bench)."""

from __future__ import annotations

from collections import Counter

from kawal.triage.engine import CATEGORIES, SUBJECTS
from kawal.triage.engine.evaluate import DEVSET_PATH, load_devset

REAL_PATH = DEVSET_PATH.with_name("real_heldout.jsonl")


def test_real_heldout_items_are_sourced_labelled_and_distinct() -> None:
    items = load_devset(REAL_PATH)
    assert len(items) >= 40
    assert len({it["id"] for it in items}) == len(items)
    for it in items:
        assert set(it) == {"id", "text", "category", "subject", "group", "source", "split"}
        assert it["split"] == "real_heldout"
        assert it["source"].startswith(("https://", "http://"))
        assert it["category"] in CATEGORIES and it["subject"] in SUBJECTS
    assert len(Counter(it["category"] for it in items)) >= 6


def test_real_heldout_texts_are_not_in_the_development_set() -> None:
    dev_texts = {it["text"] for it in load_devset()}
    dev_ids = {it["id"] for it in load_devset()}
    for it in load_devset(REAL_PATH):
        assert it["text"] not in dev_texts and it["id"] not in dev_ids
