"""A linear word model beside the rules: what the labelled sets say about words.

The rules read structure (who acts, who reports, what is denied); a logistic regression over
the words of a text remembers what hundreds of labelled cases say about vocabulary the rules
never named. Neither is right alone: measured one labelled set left out at a time, the words
alone lose to the rules on the reported party, and win on the category on unseen text. The
two are blended: the model's probabilities, plus a fixed bonus for the label the rules chose.

The weights are plain data (``data/wordmodel.json``), written by
``scripts/train_triage_model.py`` from the labelled sets; scoring needs no library. Every
suggestion the model changes says so in its explanation, with the words that weighed most.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .types import Evidence

MODEL_FILE = "wordmodel.json"
EXPLAIN_WORDS = 4


def model_words(surface: Iterable[str], stems: Iterable[str], stopwords: frozenset[str]) -> frozenset[str]:
    """The model's features: content stems and written words (both: affixes carry meaning)."""
    feats = {f"w:{s}" for s in stems if len(s) >= 3 and s not in stopwords and not s.isdigit()}
    feats.update(f"s:{t}" for t in surface if len(t) >= 3 and t not in stopwords and not t.isdigit())
    return frozenset(feats)


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Multinomial logistic regression: one weight per (feature, label)."""

    labels: tuple[str, ...]
    intercepts: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    rule_bonus: float  # added to the probability of the label the rules chose

    def probabilities(self, feats: Iterable[str]) -> list[float]:
        scores = list(self.intercepts)
        weights = self.weights
        n = len(scores)
        for f in feats:
            row = weights.get(f)
            if row is not None:
                for k in range(n):
                    scores[k] += row[k]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def top_words(self, feats: Iterable[str], label: str) -> list[str]:
        """The written words that pushed most towards ``label`` (stems shown once)."""
        k = self.labels.index(label)
        pushes = sorted(
            ((self.weights[f][k], f) for f in feats if f in self.weights and self.weights[f][k] > 0),
            reverse=True,
        )
        words: list[str] = []
        for _w, f in pushes:
            word = f[2:]
            if not any(word.startswith(w) or w.startswith(word) for w in words):
                words.append(word)
            if len(words) == EXPLAIN_WORDS:
                break
        return words

    def decide(
        self, field: str, feats: frozenset[str], rule_label: str, extra_bonus: float = 0.0
    ) -> tuple[str, Evidence]:
        """The blended label and the line of explanation that says how it was reached."""
        probs = self.probabilities(feats)
        bonus = self.rule_bonus + extra_bonus
        blended = [
            p + (bonus if label == rule_label else 0.0)
            for label, p in zip(self.labels, probs, strict=True)
        ]
        k = max(range(len(blended)), key=lambda i: (blended[i], self.labels[i] == rule_label))
        label = self.labels[k]
        words = ", ".join(self.top_words(feats, label))
        rule = f"word model: {label} {probs[k]:.2f}, rules: {rule_label} (+{bonus:.2f})"
        return label, Evidence(field, rule, words)


@dataclass(frozen=True, slots=True)
class WordModel:
    category: LinearModel
    subject: LinearModel


def _linear(data: dict[str, Any], rule_bonus: float) -> LinearModel:
    labels = tuple(str(x) for x in data["labels"])
    intercepts = tuple(float(x) for x in data["intercepts"])
    raw = data["weights"]
    weights = {str(f): tuple(float(x) for x in row) for f, row in raw.items()}
    if any(len(row) != len(labels) for row in weights.values()) or len(intercepts) != len(labels):
        raise ValueError("word model: every weight row needs one value per label")
    return LinearModel(labels, intercepts, weights, rule_bonus)


def word_model_from_dict(data: dict[str, Any]) -> WordModel:
    return WordModel(
        category=_linear(data["category"], float(data["rule_bonus"]["category"])),
        subject=_linear(data["subject"], float(data["rule_bonus"]["subject"])),
    )


def load_word_model(data_dir: Path) -> WordModel | None:
    """The trained model in ``data_dir``, or None when there is none (rules alone)."""
    path = data_dir / MODEL_FILE
    if not path.exists():
        return None
    return word_model_from_dict(json.loads(path.read_text(encoding="utf-8")))
