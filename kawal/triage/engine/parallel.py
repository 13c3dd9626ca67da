"""Suggestions for a large batch on several cores (fork), each text analysed once.

A batch of 1,000 long texts spends most of its time analysing text, which is independent
per text; on a 2-core machine two processes halve that. Grouping needs every text's
features and runs afterwards in the calling process. Processes are forked, so the
engine (regions, lexicon) is shared copy-on-write rather than rebuilt or pickled; where
fork is not available, or the batch is small, everything runs in the calling process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .grouping import group_features
from .types import Suggestion

if TYPE_CHECKING:
    from .core import Triage

MIN_TEXTS_PER_PROCESS = 250  # below this a fork and the pickled results cost more than they save

_engine: Triage | None = None  # set in the parent just before forking; read by the children


def _analyse_chunk(texts: Sequence[str]) -> tuple[list[Suggestion], list[frozenset[str]]]:
    assert _engine is not None
    return _engine.suggest_with_features(texts)


def default_jobs() -> int:
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))


def suggest_and_group(
    engine: Triage, texts: Sequence[str], *, jobs: int, threshold: float | None = None
) -> tuple[list[Suggestion], list[int | None]]:
    """As ``Triage.suggest_and_group``, with the analysis spread over up to ``jobs`` processes."""
    global _engine
    jobs = max(1, min(jobs, len(texts) // MIN_TEXTS_PER_PROCESS))
    if jobs == 1 or "fork" not in multiprocessing.get_all_start_methods():
        return engine.suggest_and_group(texts, threshold)
    size = -(-len(texts) // jobs)
    chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
    _engine = engine
    try:
        with multiprocessing.get_context("fork").Pool(len(chunks) - 1) as pool:
            pending = pool.map_async(_analyse_chunk, chunks[1:])
            first = engine.suggest_with_features(chunks[0])  # the parent takes a share too
            rest = pending.get()
    finally:
        _engine = None
    suggestions: list[Suggestion] = []
    features: list[frozenset[str]] = []
    for part_suggestions, part_features in [first, *rest]:
        suggestions += part_suggestions
        features += part_features
    return suggestions, group_features(features, engine.grouping(threshold))
