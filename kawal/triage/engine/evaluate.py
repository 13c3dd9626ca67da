"""Metrics for the labelled development set (pure functions, used by bench and tests)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from .lexicon import DATA_DIR

DEVSET_PATH = DATA_DIR / "devset.jsonl"


def load_devset(path: Path = DEVSET_PATH) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@dataclass(frozen=True, slots=True)
class ClassStats:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


def per_class(gold: Sequence[str], pred: Sequence[str], labels: Iterable[str]) -> list[ClassStats]:
    out: list[ClassStats] = []
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out.append(ClassStats(lab, prec, rec, f1, tp + fn))
    return out


def macro_f1(stats: Sequence[ClassStats]) -> float:
    present = [s for s in stats if s.support > 0]
    return sum(s.f1 for s in present) / len(present) if present else 0.0


def confusion(
    gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]
) -> list[list[int]]:
    idx = {lab: i for i, lab in enumerate(labels)}
    m = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred, strict=True):
        m[idx[g]][idx[p]] += 1
    return m


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float:
    return sum(1 for g, p in zip(gold, pred, strict=True) if g == p) / len(gold) if gold else 0.0


def _pairs(groups: Sequence[object | None]) -> set[tuple[int, int]]:
    members: dict[object, list[int]] = {}
    for i, g in enumerate(groups):
        if g is not None:
            members.setdefault(g, []).append(i)
    out: set[tuple[int, int]] = set()
    for idxs in members.values():
        out.update(combinations(idxs, 2))
    return out


def pair_scores(
    gold_groups: Sequence[object | None], pred_groups: Sequence[object | None]
) -> tuple[float, float, float]:
    """Precision, recall and F1 over same-incident pairs."""
    gold = _pairs(gold_groups)
    pred = _pairs(pred_groups)
    tp = len(gold & pred)
    prec = tp / len(pred) if pred else (1.0 if not gold else 0.0)
    rec = tp / len(gold) if gold else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1
