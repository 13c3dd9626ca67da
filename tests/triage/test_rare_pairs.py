"""A category and a reported party the labelled sets seldom pair: both choices are marked "belum pasti"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kawal.triage.engine import Triage
from kawal.triage.engine.wordmodel import rare_pair_lines, word_model_from_dict
from kawal.triage.training import label_pairs, load_examples
from tests.triage.conftest import KEBOMAS_MONEY

PAIRS = {"politik_uang": {"peserta": 0.7, "warga": 0.295, "polri": 0.005}, "netralitas": {"kepala_desa": 1.0}}


def test_a_pair_the_sets_seldom_hold_marks_both_fields() -> None:
    lines = rare_pair_lines("politik_uang", "polri", PAIRS)
    assert [(e.field, e.rule) for e in lines] == [
        ("category", "close call: politik_uang with polri is rare (0.005)"),
        ("subject", "close call: politik_uang with polri is rare (0.005)"),
    ]
    assert rare_pair_lines("politik_uang", "tni", PAIRS)[0].rule.endswith("is rare (0.000)")  # never seen


def test_a_pair_the_sets_know_or_a_model_without_pairs_marks_nothing() -> None:
    assert rare_pair_lines("politik_uang", "warga", PAIRS) == []
    assert rare_pair_lines("politik_uang", "warga", {}) == []
    assert rare_pair_lines("kampanye", "warga", PAIRS) == []  # a category the pairs do not list


def _model(pairs: dict[str, dict[str, float]]) -> dict[str, Any]:
    return {
        "rule_bonus": {"category": 0.3, "subject": 0.1},
        "label_pairs": pairs,
        "category": {
            "labels": ["kampanye", "netralitas", "politik_uang"],
            "intercepts": [0.0, 0.0, 0.0],
            "weights": {"w:amplop": [0.0, 0.0, 1.0]},
        },
        "subject": {
            "labels": ["kepala_desa", "peserta", "warga"],
            "intercepts": [0.0, 0.0, 0.0],
            "weights": {"w:amplop": [2.0, 0.0, 0.0]},
        },
    }


def test_a_suggestion_with_a_rare_pair_says_it_is_not_sure_of_either() -> None:
    triage = Triage(word_model=False)
    # a village head handing out money: vote buying by a village head, a pair these sets never hold
    triage.word_model = word_model_from_dict(_model({"politik_uang": {"peserta": 1.0}}))
    s = triage.suggest(KEBOMAS_MONEY)
    assert (s.category, s.subject) == ("politik_uang", "kepala_desa")  # marked, not changed
    rule = "close call: politik_uang with kepala_desa is rare (0.000)"
    assert {(e.field, e.rule) for e in s.explanation} >= {("category", rule), ("subject", rule)}
    triage.word_model = word_model_from_dict(_model({"politik_uang": {"kepala_desa": 0.1}}))
    assert not any("is rare" in e.rule for e in triage.suggest(KEBOMAS_MONEY).explanation)


def test_training_counts_each_categorys_parties(tmp_path: Path) -> None:
    rows = [("politik_uang", "peserta")] * 2 + [("politik_uang", "warga"), ("kampanye", "peserta")]
    lines = [
        json.dumps({"id": f"x{i}", "text": f"teks {i}", "category": c, "subject": s}) for i, (c, s) in enumerate(rows)
    ]
    (tmp_path / "set.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    examples = load_examples(Triage(word_model=False), ("set.jsonl",), tmp_path)
    assert label_pairs(examples) == {"kampanye": {"peserta": 1.0}, "politik_uang": {"peserta": 0.667, "warga": 0.333}}
