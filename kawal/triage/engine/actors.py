"""Which of the parties a text names is the reported one, learnt from the words around them.

The rules weigh an actor word by contexts someone wrote down ("oknum camat", "Kapolres
mengatakan"); the labelled sets know more of them. For each kind of party the rules found
(``asn``, ``warga`` ...), its strongest mention is described by the words just before and
after it, its context note, its weight and whether it was named first; a logistic regression
trained with the word model (``kawal/triage/training.py``) gives the chance that this party
is the labelled one. The chance is added to the party's blended score (``wordmodel.py``).
Measured by leaving each real set out in turn, see data/README.md ("Thirteenth round").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .matcher import Hit
from .types import Evidence

WORDS_BEFORE = 2  # "oknum", "menangkap seorang": the words before a mention
WORDS_AFTER = 3  # "... membagikan", "... mengatakan": the words after it
# the reported party is often named next to the act ("kades X membagikan sembako"), a speaker or
# the one reported to further away: distances (in words) to the nearest violation cue, as buckets
NEAR_WORDS = (3, 8, 20)
EXPLAIN_FEATURES = 3
ACTOR_LINE = "actor model:"  # how its explanation line starts
LOGIT_BOUND = 50.0


def _bucket(weight: float) -> str:
    return "0" if weight < 0.5 else "1" if weight < 1.5 else "2" if weight < 3.0 else "3"


def _nearness(kind_hits: Sequence[Hit], cues: Sequence[int]) -> str:
    """How near the party's closest mention is to a violation cue, in words, bucketed."""
    if not cues:
        return "near:none"
    d = min(abs(c - h.start) for h in kind_hits for c in cues)
    return f"near:{next((i for i, limit in enumerate(NEAR_WORDS) if d <= limit), len(NEAR_WORDS))}"


def actor_features(hits: Sequence[Hit], stems: Sequence[str], cues: Sequence[int] = ()) -> dict[str, frozenset[str]]:
    """Per kind of party named, the features of its strongest mention (what the ranker reads),
    and how near any of its mentions comes to one of ``cues`` (where violation cues start)."""
    by_kind: dict[str, list[Hit]] = {}
    for hit in hits:
        by_kind.setdefault(hit.rule.key, []).append(hit)
    order = sorted(by_kind, key=lambda k: min(h.start for h in by_kind[k]))
    out: dict[str, frozenset[str]] = {}
    for kind, kind_hits in by_kind.items():
        best = max(kind_hits, key=lambda h: h.best)
        rank = min(order.index(kind), 2)
        note = best.note or "-"
        feats = {
            f"T:{kind}", f"note:{note}", f"T:{kind}|note:{note}", f"best:{_bucket(best.best)}",
            f"tot:{_bucket(sum(h.weight for h in kind_hits))}", f"rank:{rank}", f"T:{kind}|rank:{rank}",
            f"nhits:{min(len(kind_hits), 3)}",
        }
        context = set()
        for off in range(1, WORDS_BEFORE + 1):
            if best.start - off >= 0:
                context.add(f"L{off}:{stems[best.start - off]}")
        end = best.start + len(best.rule.source.split())  # the phrase as written
        for off in range(WORDS_AFTER):
            if end + off < len(stems):
                context.add(f"R{off + 1}:{stems[end + off]}")
        near = _nearness(kind_hits, cues)
        context.add(near)
        feats |= context | {f"T:{kind}|{c}" for c in context}
        out[kind] = frozenset(feats)
    return out


@dataclass(frozen=True, slots=True)
class ActorModel:
    """A binary logistic regression over one party's features: is it the reported one?"""

    intercept: float
    weights: dict[str, float]
    weight: float  # how much a party's chance adds to its blended score

    def chances(self, candidates: dict[str, frozenset[str]]) -> dict[str, float]:
        out = {}
        for kind, feats in candidates.items():
            z = self.intercept + sum(self.weights.get(f, 0.0) for f in feats)
            # bounded: a hand-edited weights file must not overflow exp() and fail a suggestion
            out[kind] = 1.0 / (1.0 + math.exp(-max(-LOGIT_BOUND, min(LOGIT_BOUND, z))))
        return out

    def read(self, hits: Sequence[Hit], stems: Sequence[str], cues: Sequence[int] = ()) -> ActorReading:
        candidates = actor_features(hits, stems, cues)
        return ActorReading(self, candidates, self.chances(candidates))

    def reasons(self, feats: frozenset[str]) -> list[str]:
        """The words around the mention that pushed most towards "reported" (for the explanation)."""
        pushes = sorted(((self.weights.get(f, 0.0), f) for f in feats if f[0] in "LR"), reverse=True)
        return [_readable(f) for w, f in pushes[:EXPLAIN_FEATURES] if w > 0.0]


@dataclass(frozen=True, slots=True)
class ActorReading:
    """What the actor model read in one text: each named party's features and chance."""

    model: ActorModel
    candidates: dict[str, frozenset[str]]
    chances: dict[str, float]

    def boosts(self) -> dict[str, float]:
        """What each named party adds to its blended score."""
        return {kind: self.model.weight * p for kind, p in self.chances.items()}

    def line(self, subject: str) -> Evidence | None:
        """The explanation line for the chosen party, with the words around it that weighed most."""
        if subject not in self.chances:
            return None
        words = ", ".join(self.model.reasons(self.candidates[subject]))
        return Evidence("subject", f"{ACTOR_LINE} {subject} {self.chances[subject]:.2f}", words)


def _readable(feature: str) -> str:
    """A word before the mention as "oknum …", one after it as "… bagi" (stems)."""
    side, _sep, word = feature.partition(":")
    return f"{word} …" if side.startswith("L") else f"… {word}"


def actor_model_from_dict(data: dict[str, Any]) -> ActorModel:
    return ActorModel(
        float(data["intercept"]), {str(k): float(v) for k, v in data["weights"].items()}, float(data["weight"])
    )
