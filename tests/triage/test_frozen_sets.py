"""The frozen sets of real published cases: well-formed, sourced, new, and unchanged since frozen.

Each set was collected and labelled by someone other than the rules' author and committed
alone: the held-out sets before the round of rule changes that they score once, the training
sets for the word model only. The checksum makes any later edit (relabelling an item the
engine gets wrong, say) fail loudly instead of passing unnoticed. Files are read with plain
``json`` so that these tests do not depend on the engine's loader; every other labelled file
in the folder, present or added later, counts for "nothing shared".
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kawal.triage.engine import CATEGORIES, SUBJECTS
from kawal.triage.engine.evaluate import DEVSET_PATH

KEYS = {"id", "text", "category", "subject", "group", "source", "split"}


@dataclass(frozen=True)
class FrozenSet:
    split: str
    sha256: str
    id_prefix: str
    group_prefix: str
    min_items: int
    min_per_category: int
    max_lainnya: int
    min_groups: int
    every_subject: bool

    @property
    def path(self) -> Path:
        return DEVSET_PATH.with_name(f"{self.split}.jsonl")


def held_out(
    n: int,
    id_prefix: str,
    sha256: str,
    min_per_category: int = 5,
    every_subject: bool = True,
    max_lainnya: int = 10,
) -> FrozenSet:
    """A set scored once as unseen text: every subject, few statements, at least 12 incidents."""
    return FrozenSet(
        f"real_heldout_{n}", sha256, id_prefix, f"rh{n}g", 70, min_per_category, max_lainnya, 12, every_subject
    )


def training(n: int, sha256: str, min_per_category: int = 5, max_lainnya: int = 12) -> FrozenSet:
    """A set collected for training the word model only, by region (some aimed at hard cases)."""
    return FrozenSet(f"real_train_{n}", sha256, f"t{n}_", f"rt{n}g", 60, min_per_category, max_lainnya, 8, False)


SETS = [
    held_out(4, "w", "71093d51d1f616449b564517e9b1b7a75bef0d75f29dfcdd7678272e4cbec6e9"),
    held_out(5, "v", "fce1e9dc17e60f47a830ce77ed702a72e4ca2e85f8e080fd3a40991728a12a88"),
    held_out(6, "u", "3c1e98699e4239e1a53baa274d8a0a7892838c7dac08ca006dee827288ca8b37"),
    held_out(7, "s", "5ba7e4418e56997b924a71e9ab88e9526aa60983d570305c6422578bccb8a261", min_per_category=4),
    held_out(8, "p", "1ba0a2f7c2f63ca4897d4603208d24058626b17428884b32d6d88e7bb334485c", min_per_category=3),
    held_out(9, "n", "7d4890be9662b1641d70e551366d9ca9a9c5957a4dc25acb0a5a075f457bd820"),
    held_out(10, "m", "af3ceee860f00c40dea74e24646752600eba880dce7332debd39271627f44015"),
    held_out(11, "k", "78951add2f69fda219b645c864562980ab2e011c19f34d45042b6d2bcc2a2c6b"),
    held_out(12, "h", "390021d4afb0771dc832c9f2a33d2b1fb81ee2a15bb657e64c9c3c530d9326d8"),
    # no new TNI incident was found that the other sets did not already hold
    held_out(13, "g", "9de62d849b101229d0082a4c02b9baba66f155566a4972cdb1cb6f9d976f2225", every_subject=False),
    held_out(14, "f", "6b1012dc0ba288b28d3f62e193f302c34e43ae9d9f45312930b0d0749e9de70d"),
    held_out(15, "e", "547fed01f751e6929c180a6f5e8a6a7e0aa9edbfaebaa7b08846207eaac81495", min_per_category=4,
             every_subject=False),
    held_out(16, "d", "ed24cd62177f0d36c5d69bef11e5d16c98a00b89778180c6b31ae08ac99171ee"),
    # no TNI incident that the other sets do not hold; 13 statements (aggregate figures, appeals)
    held_out(17, "c", "065c65ea195b486c6e34b94182779c000c464481e16c9b804a02d1a2fa2091f6", max_lainnya=13,
             every_subject=False),
    # 16 statements (closed reports, aggregate figures)
    held_out(18, "b", "83b26e0a4e98dbbd2399f73ac49271b67e881fcdb93dd2ca0473e197346ea0ba", max_lainnya=16),
    held_out(19, "a", "acc175b27c91bd0e75b55efb8d41dba97bb3e8b839af45b42badfdd61ec115f3"),
    # 19 statements (outreach, appeals, closed reports, aggregate figures)
    held_out(20, "q", "193df8610445cafb4f9cc98a719e06abf59ef1384bf519697b9a19b5c2972a09", max_lainnya=19),
    training(1, "e42a858672e71986d366bb55f21f03f17dfb455beb64059becf98fabfd4a87bf"),
    training(2, "9497563969fb982caa4b9141c7d3df47ab5aca7197f388eff7bfdee7dc62406b"),
    training(3, "41ea3d851df9640362d89ebe38d3e572cdbe973de0e8de64eafd5949eb05b3c6"),
    training(4, "b45e17905673d5d404f854705fa73d6ceae5b2a9f5cc3ad0161bcdd3f4d69a89"),
    training(5, "09cae2c7922e4a2c86084be0c856f5d35b849c05ffb863780134568fdb31a681"),
    training(6, "37caf5d72e2be214f50dbf40938ed1889d1cf4b4880f9c3d8f51bea99e81773c"),
    training(7, "f24205a3be7aaab34d2e9c4edca14b54089910cf69c27951582bcef03cfbb187"),
    training(8, "befddb72fd0b64b055308131430920c900333b679e2d9d2ff57d395811b9ac4a"),
    training(9, "e5c51035e944fd1308d8ac68437baff763d8f002b89c06e296d6c1857ccbcc45"),
    training(10, "c68d54f9dee7f2430748d3a26248fd5face15ba38815786551f1a14ca3e7d180"),
    training(11, "200b5997aa8c9b79b28f413852d26ab138014a6ce9a388ffba104b26e4ea7b43"),
    # aimed at confusable parties and closed reports: many lainnya, few organiser cases
    # (the numbers: at least this many per category, at most this many lainnya)
    training(12, "06cb3d30da157206589debe3352cce295b1ddca11882aa864d0104d4f32c4232", 1, 19),
    training(13, "48f3faadbb920fd76910f6964a9d3b4d602553598a5ae1ab87bcfa7d32687e73", 2, 19),
]
by_split = pytest.mark.parametrize("fs", SETS, ids=[fs.split for fs in SETS])


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@by_split
def test_the_set_is_unchanged_since_it_was_frozen(fs: FrozenSet) -> None:
    assert hashlib.sha256(fs.path.read_bytes()).hexdigest() == fs.sha256


@by_split
def test_lines_are_plain_json_objects_with_readable_text(fs: FrozenSet) -> None:
    for line in fs.path.read_text(encoding="utf-8").splitlines():
        assert isinstance(json.loads(line), dict)
        # Written with ensure_ascii=False: Indonesian text stays readable in the file.
        assert "\\u" not in line


@by_split
def test_items_are_sourced_labelled_and_distinct(fs: FrozenSet) -> None:
    items = _load(fs.path)
    assert len(items) >= fs.min_items
    for key in ("id", "text", "source"):
        assert len({it[key] for it in items}) == len(items)
    for it in items:
        assert set(it) == KEYS
        assert it["split"] == fs.split
        assert it["id"].startswith(fs.id_prefix)
        assert isinstance(it["text"], str) and it["text"].strip()
        assert it["source"].startswith(("https://", "http://"))
        assert it["category"] in CATEGORIES and it["subject"] in SUBJECTS
        assert it["group"] is None or it["group"].startswith(fs.group_prefix)
    categories = Counter(it["category"] for it in items)
    assert set(categories) == set(CATEGORIES)
    assert min(categories.values()) >= fs.min_per_category
    # Mostly specific cases: few statements, warnings or meetings without an incident.
    assert categories["lainnya"] <= fs.max_lainnya
    if fs.every_subject:
        assert {it["subject"] for it in items} == set(SUBJECTS)


@by_split
def test_incidents_from_two_or_three_outlets_share_their_labels(fs: FrozenSet) -> None:
    groups: dict[str, list[dict[str, Any]]] = {}
    for it in _load(fs.path):
        if it["group"] is not None:
            groups.setdefault(it["group"], []).append(it)
    assert len(groups) >= fs.min_groups
    for members in groups.values():
        assert 2 <= len(members) <= 3
        assert len({m["source"] for m in members}) == len(members)
        assert len({m["text"] for m in members}) == len(members)
        assert len({(m["category"], m["subject"]) for m in members}) == 1


@by_split
def test_nothing_is_shared_with_the_other_sets(fs: FrozenSet) -> None:
    other_paths = [p for p in sorted(DEVSET_PATH.parent.glob("*.jsonl")) if p != fs.path]
    assert DEVSET_PATH in other_paths
    others = [o for path in other_paths for o in _load(path)]
    ids, texts, sources = {o["id"] for o in others}, {o["text"] for o in others}, {o["source"] for o in others}
    groups = {o["group"] for o in others}
    for it in _load(fs.path):
        assert it["id"] not in ids and it["text"] not in texts and it["source"] not in sources
        assert it["group"] is None or it["group"] not in groups
