"""The word model blends with the rules, explains itself, and is what the labelled sets give."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from kawal.triage.engine import Triage
from kawal.triage.engine.lexicon import DATA_DIR
from kawal.triage.engine.wordmodel import MODEL_FILE, Reading, model_words, word_model_from_dict
from kawal.triage.training import TRAINING_FILES, UNSEEN_FILES, load_examples
from tests.triage.conftest import KEBOMAS_MONEY

TOY = word_model_from_dict(
    {
        "rule_bonus": {"category": 0.5, "subject": 0.4},
        "category": {
            "labels": ["kampanye", "politik_uang"],
            "intercepts": [0.0, 0.0],
            "weights": {"w:amplop": [-1.0, 1.0], "s:amplop": [-0.5, 0.5], "w:baliho": [1.0, -1.0]},
        },
        "subject": {"labels": ["peserta", "warga", "asn"], "intercepts": [0.0, 0.0, 0.0], "weights": {}},
    }
)


def _read(*words: str) -> Reading:
    return TOY.read(surface=[], stems=list(words))


def test_when_the_words_are_undecided_the_rules_decide() -> None:
    label, note = _read("amplop", "baliho").decide("category", "kampanye")
    assert label == "kampanye"
    assert note.rule == "word model: kampanye 0.50, rules: kampanye (+0.50)"
    assert _read("amplop", "baliho").decide("category", "politik_uang")[0] == "politik_uang"


def test_a_lead_larger_than_the_rule_bonus_wins_unless_the_rules_read_structure() -> None:
    # politik_uang 0.88 against kampanye 0.12 + 0.5
    assert _read("amplop").decide("category", "kampanye")[0] == "politik_uang"
    assert _read("amplop").decide("category", "kampanye", extra_bonus=0.3)[0] == "kampanye"


def test_a_clear_lead_overrules_and_names_the_words_that_weighed_most() -> None:
    reading = TOY.read(surface=["amplop", "dibagikan"], stems=["amplop", "bagi"])
    label, note = reading.decide("category", "kampanye")
    assert label == "politik_uang"
    assert note.field == "category"
    assert note.rule.startswith("word model: politik_uang 0.95, rules: kampanye")
    assert note.evidence == "amplop"  # the stem and the written word are shown once


def test_words_the_model_never_saw_leave_the_subject_to_the_rules() -> None:
    label, note = _read("tidak", "dikenal").decide("subject", "asn")
    assert label == "asn"
    assert note.evidence == ""


def test_a_label_prior_is_added_and_said_when_it_decides() -> None:
    # the labelled sets say "nobody named" more often than words and rules do: a fixed prior
    data = {
        "rule_bonus": {"category": 0.5, "subject": 0.4},
        "label_priors": {"subject": {"warga": 0.3}},
        "category": {"labels": ["kampanye", "politik_uang", "lainnya"], "intercepts": [0.0, 0.0, 0.0], "weights": {}},
        "subject": {
            "labels": ["peserta", "warga", "asn"],
            "intercepts": [0.0, 0.0, 0.0],
            "weights": {"w:amplop": [1.0, 1.4, -2.0]},
        },
    }
    # words: warga 0.59, peserta 0.39; rules: peserta (+0.40) -> 0.79 against 0.59 + 0.30
    label, note = word_model_from_dict(data).read(surface=[], stems=["amplop"]).decide("subject", "peserta")
    assert label == "warga"
    assert note.rule == "word model: warga 0.59 (prior +0.30), rules: peserta (+0.40)"
    del data["label_priors"]  # a model file without priors adds nothing
    assert word_model_from_dict(data).read(surface=[], stems=["amplop"]).decide("subject", "peserta")[0] == "peserta"


def test_a_named_actor_is_not_overruled_by_vocabulary(triage: Triage) -> None:
    # money words lean to "warga" in the labelled sets; the text names the kepala desa as the actor
    suggestion = triage.suggest(KEBOMAS_MONEY)
    assert (suggestion.category, suggestion.subject) == ("politik_uang", "kepala_desa")
    subject_lines = [e.rule for e in suggestion.explanation if e.field == "subject"]
    assert any(line.startswith(("word model:", "word model leaned to")) for line in subject_lines)


def test_without_a_model_file_the_rules_decide_alone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    (data / MODEL_FILE).unlink()
    alone = Triage(data_dir=data)
    assert alone.word_model is None
    assert Triage(word_model=False).word_model is None
    suggestion = alone.suggest(KEBOMAS_MONEY)
    assert not any(e.rule.startswith("word model:") for e in suggestion.explanation)
    assert suggestion.category == "politik_uang"


def test_every_labelled_set_is_either_trained_on_or_kept_unseen() -> None:
    # a newly collected set needs a decision: scored first (unseen), or trained on
    labelled = {p.name for p in DATA_DIR.glob("*.jsonl")}
    assert labelled <= set(TRAINING_FILES) | set(UNSEEN_FILES)
    assert set(TRAINING_FILES) <= labelled  # a set still being collected may be declared unseen first
    assert not set(TRAINING_FILES) & set(UNSEEN_FILES)


def test_the_committed_model_is_what_the_labelled_sets_and_rules_give() -> None:
    pytest.importorskip("sklearn")
    # fails when a labelled set, the lexicon or the stemmer changed without retraining
    call_command("train_triage_model", "--check")


def test_when_the_rules_are_kept_against_the_words_the_note_says_where_the_words_leaned() -> None:
    # politik_uang 0.88 against kampanye 0.12 + 0.5 + 0.3: the rules' reading is kept
    label, note = _read("amplop").decide("category", "kampanye", extra_bonus=0.3)
    assert label == "kampanye"
    assert note.rule == "word model leaned to politik_uang 0.88, rules kept: kampanye 0.12 (+0.80)"


def test_the_second_choice_is_the_next_blended_label_with_its_probability() -> None:
    reading = TOY.read(surface=[], stems=["amplop"])  # politik_uang 0.88, kampanye 0.12
    chosen = reading.choices("category", "kampanye")
    (label, _note), (second, why) = chosen.first, chosen.second
    assert label == "politik_uang"
    assert second == "kampanye"
    assert why.rule == "second choice: kampanye 0.12, rules: kampanye (+0.50)"
    assert TOY.read(surface=[], stems=[]).choices("subject", "peserta").second[0] in {"warga", "asn"}


def test_a_choice_the_second_came_close_to_says_so() -> None:
    reading = TOY.read(surface=[], stems=["amplop"])  # politik_uang 0.88, kampanye 0.12
    # the words against the rules' bonus: 0.88 against 0.12 + 0.50
    close = reading.choices("category", "kampanye")
    assert close.lead == pytest.approx(0.26, abs=0.01)
    call = close.close_call()
    assert call is not None and call.rule == "close call: politik_uang leads kampanye by 0.26"
    # the words and the rules agree: 0.88 + 0.50 against 0.12
    assert reading.choices("category", "politik_uang").close_call() is None


def test_a_suggestion_carries_the_blends_second_choices(triage: Triage) -> None:
    suggestion = triage.suggest(KEBOMAS_MONEY)
    assert set(suggestion.second_choices) == {"category", "subject"}
    assert suggestion.second_choices["category"] != suggestion.category
    assert suggestion.second_choices["subject"] != suggestion.subject
    assert Triage(word_model=False).suggest(KEBOMAS_MONEY).second_choices == {}


PAIRS = word_model_from_dict(
    {
        "rule_bonus": {"category": 0.3, "subject": 0.4},
        "category": {
            "labels": ["kampanye", "politik_uang"],
            "intercepts": [0.0, 0.0],
            "weights": {"w:bagi sembako": [-1.0, 1.0]},
        },
        "subject": {"labels": ["peserta", "warga", "asn"], "intercepts": [0.0, 0.0, 0.0], "weights": {}},
    }
)


def test_the_model_reads_two_adjacent_content_stems_as_one_feature() -> None:
    surface, stems = ["membagikan", "sembako", "di", "desa"], ["bagi", "sembako", "di", "desa"]
    features = model_words(surface, stems, frozenset({"di"}))
    assert {"w:bagi", "w:sembako", "w:desa", "w:bagi sembako"} <= features
    assert not {"w:sembako di", "w:di desa"} & features  # a pair with a stopword says nothing


def test_a_pair_weighs_only_when_its_stems_stand_side_by_side() -> None:
    together = PAIRS.read(surface=[], stems=["bagi", "sembako"]).decide("category", "kampanye")
    apart = PAIRS.read(surface=[], stems=["sembako", "bagi"]).decide("category", "kampanye")
    assert together[0] == "politik_uang"
    assert together[1].evidence == "bagi sembako"
    assert apart[0] == "kampanye"


def test_training_drops_pairs_seen_in_only_one_text(tmp_path: Path) -> None:
    rows = [
        {"text": "Tim sukses membagikan sembako kepada warga.", "category": "politik_uang", "subject": "peserta"},
        {"text": "Caleg membagikan sembako di Desa Sawo.", "category": "politik_uang", "subject": "peserta"},
        {"text": "Kepala desa memasang baliho paslon.", "category": "netralitas", "subject": "kepala_desa"},
    ]
    (tmp_path / "set.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    features = set().union(*(e.features for e in load_examples(Triage(word_model=False), ("set.jsonl",), tmp_path)))
    assert "w:bagi sembako" in features  # in two texts
    assert "w:pasang baliho" not in features  # in one
    assert "w:baliho" in features  # single stems are all kept
