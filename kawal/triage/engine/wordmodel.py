"""A linear word model beside the rules: what the labelled sets say about words.

The rules read structure (who acts, who reports, what is denied); a logistic regression over
the words of a text remembers what hundreds of labelled cases say about vocabulary the rules
never named. Neither is right alone: measured one labelled set left out at a time, the words
alone lose to the rules on the reported party, and win on the category on unseen text. The
two are blended: the model's probabilities, plus a fixed bonus for the label the rules chose.

The weights are plain data (``data/wordmodel.json``), written by
``manage.py train_triage_model`` (``kawal/triage/training.py``) from the labelled sets; scoring needs no library. Every
suggestion the model changes says so in its explanation, with the words that weighed most.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

from .actors import ActorModel, actor_model_from_dict
from .types import Evidence

MODEL_FILE = "wordmodel.json"
EXPLAIN_WORDS = 4
# below this lead of the blend's choice over its second choice, the choice is a close call: set
# so that about a fifth of choices are marked. With 30 real sets left out in turn those texts
# had the labelled category 0.56 and the labelled subject 0.50 of the time, the others 0.91
# and 0.88 (data/README.md, "Eleventh round"; the subject's lead re-set from 0.35 to 0.5 in the
# "Thirteenth round", when the actor model widened the leads)
CLOSE_CALL = {"category": 0.5, "subject": 0.5}
CLOSE_CALL_PREFIX = "close call:"  # how the line starts (the app finds it in stored explanations)
# a category and a reported party that the labelled sets seldom pair (vote buying reported
# against a police officer, a campaign matter against a village head): with 30 real sets left
# out in turn, 5% of texts got such a pair, and both fields were right on 4% of them (category
# 0.47, party 0.44; other texts 0.87 and 0.83), so both are marked "belum pasti". Taking either
# field's second choice instead was right little more often than not (data/README.md,
# "Fourteenth round"). The share is of the category's labelled texts.
RARE_PAIR = 0.01


def model_words(surface: Iterable[str], stems: Iterable[str], stopwords: frozenset[str]) -> frozenset[str]:
    """The model's features: content stems, written words (both: affixes carry meaning), and
    adjacent content stems as one feature ("bagi sembako", "kepala dinas": word order that
    single stems lose)."""
    seq = list(stems)
    content = {s for s in seq if _content(s, stopwords)}
    feats = {f"w:{s}" for s in content}
    feats.update(f"s:{t}" for t in surface if _content(t, stopwords))
    feats.update(f"w:{pair}" for pair in stem_pairs(seq, content) if pair.split(" ")[1] in content)
    return frozenset(feats)


def stem_pairs(stems: Iterable[str], heads: Set[str]) -> set[str]:
    """Two adjacent stems as the model's pair features are written, for the pairs whose first
    stem is one of ``heads`` (scoring: the first stems of trained pairs; training: content stems)."""
    return {f"{a} {b}" for a, b in pairwise(stems) if a in heads}


def _content(word: str, stopwords: frozenset[str]) -> bool:
    return len(word) >= 3 and word not in stopwords and not word.isdigit()


@dataclass(frozen=True, slots=True)
class LinearModel:
    """One field's multinomial logistic regression (its weights live in ``WordModel``'s rows)."""

    labels: tuple[str, ...]
    intercepts: tuple[float, ...]
    rule_bonus: float  # added to the probability of the label the rules chose
    # added to a label's probability whatever the rules chose: what the labelled sets say more
    # often than the words and the rules find (measured, see training.py)
    priors: tuple[float, ...] = ()


class Choices(NamedTuple):
    """The blend's choice and second choice for one field, each with its line, and how far apart."""

    first: tuple[str, Evidence]
    second: tuple[str, Evidence]
    lead: float  # the first's blended score less the second's

    def close_call(self) -> Evidence | None:
        """A line saying the choice is not sure, when the second choice came close."""
        field = self.first[1].field
        if self.lead >= CLOSE_CALL[field]:
            return None
        rule = f"{CLOSE_CALL_PREFIX} {self.first[0]} leads {self.second[0]} by {self.lead:.2f}"
        return Evidence(field, rule, "")


@dataclass(frozen=True, slots=True)
class Reading:
    """What the word model read in one text: its summed weights and the words it knew."""

    model: WordModel
    sums: list[float]  # category labels' weights, then the subject labels'
    known: list[tuple[tuple[float, ...], str]]  # the weight row of each word the model knows

    def _blend(
        self, field: str, rule_label: str, extra_bonus: float, boosts: Mapping[str, float]
    ) -> tuple[LinearModel, list[float], list[int], list[float]]:
        """The field's model, the words' probabilities, the labels' order once blended, and the blend."""
        part, offset = self.model.part(field)
        n = len(part.labels)
        scores = [a + b for a, b in zip(part.intercepts, self.sums[offset : offset + n], strict=True)]
        top = max(scores)
        exps = [math.exp(x - top) for x in scores]
        total = sum(exps)
        probs = [e / total for e in exps]
        bonus = part.rule_bonus + extra_bonus
        priors = part.priors or (0.0,) * n
        blended = [
            p + prior + (bonus if label == rule_label else 0.0) + boosts.get(label, 0.0)
            for label, p, prior in zip(part.labels, probs, priors, strict=True)
        ]
        order = sorted(range(n), key=lambda i: (blended[i], part.labels[i] == rule_label), reverse=True)
        return part, probs, order, blended

    def choices(
        self, field: str, rule_label: str, extra_bonus: float = 0.0, boosts: Mapping[str, float] | None = None
    ) -> Choices:
        """The blended label and the next one (often right when the first is not), each with its line.

        ``boosts`` are added to some labels' scores (the actor model's chances, ``actors.py``)."""
        part, probs, order, blended = self._blend(field, rule_label, extra_bonus, boosts or {})
        k = order[1]
        bonus = part.rule_bonus + extra_bonus
        rule = f"second choice: {part.labels[k]} {probs[k]:.2f}, rules: {rule_label} (+{bonus:.2f})"
        first = self._first(field, rule_label, bonus, part, probs, order[0])
        return Choices(first, (part.labels[k], Evidence(field, rule, "")), blended[order[0]] - blended[k])

    def decide(self, field: str, rule_label: str, extra_bonus: float = 0.0) -> tuple[str, Evidence]:
        """The blended label and the line of explanation that says how it was reached."""
        return self.choices(field, rule_label, extra_bonus).first

    def _first(
        self, field: str, rule_label: str, bonus: float, part: LinearModel, probs: list[float], k: int
    ) -> tuple[str, Evidence]:
        offset = self.model.part(field)[1]
        n = len(part.labels)
        priors = part.priors or (0.0,) * n
        label = part.labels[k]
        prior = f" (prior {priors[k]:+.2f})" if priors[k] else ""
        words = ", ".join(self._top_words(offset + k))
        lean = max(range(n), key=lambda i: probs[i])
        if label == rule_label and probs[lean] > probs[k]:
            # kept by the rules' bonus: say where the words leaned, not that they agreed
            rule = (
                f"word model leaned to {part.labels[lean]} {probs[lean]:.2f}, "
                f"rules kept: {label} {probs[k]:.2f}{prior} (+{bonus:.2f})"
            )
        else:
            rule = f"word model: {label} {probs[k]:.2f}{prior}, rules: {rule_label} (+{bonus:.2f})"
        return label, Evidence(field, rule, words)

    def _top_words(self, column: int) -> list[str]:
        """The words that pushed most towards one label (a stem and its written form once)."""
        pushes = [(row[column], word) for row, word in self.known if row[column] > 0.0]
        pushes.sort(reverse=True)
        out: list[str] = []
        for _weight, word in pushes:
            if not any(word.startswith(w) or w.startswith(word) for w in out):
                out.append(word)
                if len(out) == EXPLAIN_WORDS:
                    break
        return out


def rare_pair_lines(category: str, subject: str, pairs: Mapping[str, Mapping[str, float]]) -> list[Evidence]:
    """Both fields' "belum pasti" lines when the category and the party are a pair the labelled
    sets seldom hold (none when the model was trained without the pairs)."""
    if category not in pairs:
        return []
    share = pairs[category].get(subject, 0.0)
    if share >= RARE_PAIR:
        return []
    rule = f"{CLOSE_CALL_PREFIX} {category} with {subject} is rare ({share:.3f})"
    return [Evidence("category", rule, ""), Evidence("subject", rule, "")]


@dataclass(frozen=True, slots=True)
class WordModel:
    category: LinearModel
    subject: LinearModel
    # both models' weights side by side, by stem and by written word: one lookup per word
    by_stem: dict[str, tuple[float, ...]]
    by_word: dict[str, tuple[float, ...]]
    pair_heads: frozenset[str]  # first stems of the pairs that have weights
    actors: ActorModel | None  # which named party is the reported one (None: a model trained without it)
    # per category, the share of its labelled texts reported against each party (rare_pair_lines)
    pairs: Mapping[str, Mapping[str, float]]

    def part(self, field: str) -> tuple[LinearModel, int]:
        """The model of one field and where its labels start in a row."""
        return (self.category, 0) if field == "category" else (self.subject, len(self.category.labels))

    def read(self, surface: Iterable[str], stems: Iterable[str]) -> Reading:
        by_stem, by_word = self.by_stem, self.by_word
        seq = list(stems)
        known = [(by_stem[s], s) for s in set(seq) if s in by_stem]
        known += [(by_stem[p], p) for p in stem_pairs(seq, self.pair_heads) if p in by_stem]
        known += [(by_word[w], w) for w in set(surface) if w in by_word]
        width = len(self.category.labels) + len(self.subject.labels)
        # column sums in C (zip and sum), not a Python loop per weight
        sums = [sum(column) for column in zip(*(row for row, _w in known), strict=True)] if known else [0.0] * width
        return Reading(self, sums, known)


def _linear(data: dict[str, Any], rule_bonus: float, priors: dict[str, float]) -> LinearModel:
    labels = tuple(str(x) for x in data["labels"])
    intercepts = tuple(float(x) for x in data["intercepts"])
    if len(intercepts) != len(labels):
        raise ValueError("word model: one intercept per label")
    if set(priors) - set(labels):
        raise ValueError(f"word model: a prior for an unknown label: {sorted(set(priors) - set(labels))}")
    return LinearModel(labels, intercepts, rule_bonus, tuple(float(priors.get(x, 0.0)) for x in labels))


def word_model_from_dict(data: dict[str, Any]) -> WordModel:
    priors = data.get("label_priors", {})
    category = _linear(data["category"], float(data["rule_bonus"]["category"]), priors.get("category", {}))
    subject = _linear(data["subject"], float(data["rule_bonus"]["subject"]), priors.get("subject", {}))
    cat_rows: dict[str, list[float]] = data["category"]["weights"]
    subj_rows: dict[str, list[float]] = data["subject"]["weights"]
    zero_c, zero_s = [0.0] * len(category.labels), [0.0] * len(subject.labels)
    by_stem: dict[str, tuple[float, ...]] = {}
    by_word: dict[str, tuple[float, ...]] = {}
    for feature in cat_rows.keys() | subj_rows.keys():
        row = tuple(cat_rows.get(feature, zero_c) + subj_rows.get(feature, zero_s))
        if len(row) != len(zero_c) + len(zero_s):
            raise ValueError(f"word model: the weights of {feature!r} need one value per label")
        (by_stem if feature[0] == "w" else by_word)[feature[2:]] = row
    heads = frozenset(feature.split(" ", 1)[0] for feature in by_stem if " " in feature)
    actors = actor_model_from_dict(data["actors"]) if "actors" in data else None
    return WordModel(category, subject, by_stem, by_word, heads, actors, _label_pairs(data.get("label_pairs", {})))


def _label_pairs(data: dict[str, Any]) -> dict[str, dict[str, float]]:
    return {str(c): {str(s): float(v) for s, v in row.items()} for c, row in data.items()}


def load_word_model(data_dir: Path) -> WordModel | None:
    """The trained model in ``data_dir``, or None when there is none (rules alone)."""
    path = data_dir / MODEL_FILE
    if not path.exists():
        return None
    return word_model_from_dict(json.loads(path.read_text(encoding="utf-8")))
