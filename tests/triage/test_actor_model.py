"""The actor model reads the words around each party named and helps choose the reported one."""

from __future__ import annotations

import json
import math
from pathlib import Path

from django.utils import translation

from kawal.triage.engine import Triage
from kawal.triage.engine.actors import ActorModel, actor_model_from_dict
from kawal.triage.engine.wordmodel import word_model_from_dict
from kawal.triage.explain import describe
from kawal.triage.training import load_examples, train, write

CAUGHT = (
    "Warga Desa Pujud menangkap seorang oknum Satpol PP yang membagikan amplop berisi uang "
    "kepada pemilih pada malam sebelum pencoblosan."
)


def test_each_party_named_is_described_by_the_words_around_its_mention() -> None:
    candidates = Triage(word_model=False).training_features(CAUGHT)[1]
    assert {"warga", "asn"} <= set(candidates)
    asn, warga = candidates["asn"], candidates["warga"]
    assert {"L1:oknum", "L2:seorang", "T:asn|L1:oknum", "R1:yang", "R2:bagi", "note:actor context"} <= asn
    assert {"R1:desa", "R3:tangkap", "rank:0", "note:recipient/reporter context"} <= warga  # named first
    assert "rank:1" in asn
    assert Triage(word_model=False).training_features("") == (frozenset(), {})


def test_each_party_is_described_by_how_near_it_is_named_to_the_violation() -> None:
    text = (
        "Kapolres Gresik mengatakan pihaknya masih menunggu hasil kajian Bawaslu atas laporan yang masuk pekan "
        "lalu tentang seorang kepala desa yang membagikan amplop berisi uang kepada pemilih."
    )
    candidates = Triage(word_model=False).training_features(text)[1]
    assert {"near:0", "T:kepala_desa|near:0"} <= candidates["kepala_desa"]  # named beside the act
    assert {"near:3", "T:polri|near:3"} <= candidates["polri"]  # the speaker, far from it
    quiet = Triage(word_model=False).training_features("Kapolres Gresik mengatakan tidak ada laporan.")[1]
    assert "near:none" in quiet["polri"]


def test_a_partys_chance_is_the_logistic_of_its_features_weights() -> None:
    model = ActorModel(intercept=-1.0, weights={"L1:oknum": 3.0, "R2:tangkap": -2.0}, weight=1.0)
    chances = model.chances({"asn": frozenset({"L1:oknum", "T:asn"}), "warga": frozenset({"R2:tangkap"})})
    assert chances["asn"] == 1 / (1 + math.exp(-2.0))
    assert chances["warga"] == 1 / (1 + math.exp(3.0))
    assert model.reasons(frozenset({"L1:oknum", "R2:tangkap", "T:asn"})) == ["oknum …"]
    extreme = ActorModel(intercept=0.0, weights={"L1:oknum": -1e6, "R1:bagi": 1e6}, weight=1.0)
    far = extreme.chances({"asn": frozenset({"L1:oknum"}), "warga": frozenset({"R1:bagi"})})
    assert far["asn"] < 1e-20 and far["warga"] == 1.0  # no overflow


MODEL = {
    "rule_bonus": {"category": 0.3, "subject": 0.1},
    "category": {"labels": ["kampanye", "politik_uang", "lainnya"], "intercepts": [0.0, 0.0, 0.0], "weights": {}},
    "subject": {
        "labels": ["asn", "warga", "peserta"],
        "intercepts": [0.0, 0.0, 0.0],
        # the vocabulary of an arrest leans to residents
        "weights": {"w:tangkap": [-1.0, 2.0, -1.0]},
    },
    "actors": {"intercept": -1.0, "weight": 1.0, "weights": {"L1:oknum": 3.0, "R1:desa": -1.0}},
}


def test_the_party_the_words_around_it_mark_is_chosen_over_the_vocabulary() -> None:
    triage = Triage(word_model=False)
    triage.word_model = word_model_from_dict(MODEL)
    suggestion = triage.suggest(CAUGHT)
    assert suggestion.subject == "asn"
    line = next(e for e in suggestion.explanation if e.rule.startswith("actor model:"))
    assert line.rule == "actor model: asn 0.88"
    assert line.evidence == "oknum …"
    with translation.override("id"):
        assert "kata-kata di sekitar tiap pihak" in describe(line.rule)
    without = dict(MODEL)
    del without["actors"]  # a model trained without the actor model: the vocabulary wins here
    triage.word_model = word_model_from_dict(without)
    assert triage.suggest(CAUGHT).subject == "warga"


def test_training_learns_which_context_marks_the_reported_party(tmp_path: Path) -> None:
    rows = [
        {"text": "Warga menangkap seorang oknum camat yang membagikan uang.", "category": "politik_uang",
         "subject": "asn"},
        {"text": "Warga memergoki seorang oknum lurah yang membagikan sembako.", "category": "politik_uang",
         "subject": "kepala_desa"},
        {"text": "Seorang oknum guru PNS membagikan stiker paslon kepada warga.", "category": "netralitas",
         "subject": "asn"},
        {"text": "Kepala desa memasang baliho paslon di balai desa.", "category": "netralitas",
         "subject": "kepala_desa"},
        {"text": "Seorang caleg berkampanye di masjid saat salat Jumat.", "category": "kampanye",
         "subject": "peserta"},
    ]
    (tmp_path / "set.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    rules = Triage(word_model=False)
    examples = load_examples(rules, ("set.jsonl",), tmp_path)
    assert all(e.actors for e in examples)
    model = train(rules, ("set.jsonl",), tmp_path)
    actors = model["actors"]
    assert actors["weights"]["L1:oknum"] > 0  # the one called "oknum" is the reported one
    assert actors["weights"]["note:recipient/reporter context"] < 0  # the residents who caught him are not
    write(model, tmp_path)
    written = json.loads((tmp_path / "wordmodel.json").read_text(encoding="utf-8"))["actors"]
    assert actor_model_from_dict(written) == ActorModel(actors["intercept"], actors["weights"], actors["weight"])


def test_a_doer_the_text_calls_unknown_or_leaves_out_is_weighed_like_a_named_party() -> None:
    rules = Triage(word_model=False)
    unknown = rules.training_features("Baliho paslon di Desa Kebomas dirusak orang tak dikenal pada malam hari.")[1]
    assert {"T:tidak_diketahui", "T:tidak_diketahui|R1:pada", "L1:rusak"} <= unknown["tidak_diketahui"]
    left_out = rules.training_features("Tim paslon melaporkan baliho mereka dirobek di Jalan Veteran.")[1]
    assert {"T:tidak_diketahui|near:0", "L1:mereka"} <= left_out["tidak_diketahui"]
    named = rules.training_features("Kepala desa membagikan amplop kepada pemilih.")[1]
    assert "tidak_diketahui" not in named
    # and the model's chance for it is added to that label's blended score
    model = dict(MODEL, subject={**MODEL["subject"], "labels": ["asn", "warga", "tidak_diketahui"]})
    model["actors"] = {"intercept": -1.0, "weight": 1.0, "weights": {"T:tidak_diketahui": 4.0}}
    rules.word_model = word_model_from_dict(model)
    suggestion = rules.suggest("Baliho paslon di Desa Kebomas dirusak orang tak dikenal pada malam hari.")
    assert suggestion.subject == "tidak_diketahui"
    assert any(e.rule.startswith("actor model: tidak_diketahui") for e in suggestion.explanation)
