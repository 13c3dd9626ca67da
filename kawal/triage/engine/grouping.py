"""Grouping texts that describe the same incident.

Each text becomes a set of features: content stems, "TPS n" numbers, resolved place
codes, dates and amounts. Features are weighted by rarity in the batch (idf). Candidate
pairs come from blocking on each text's rarest features (so no all-pairs pass over big
batches); a candidate pair is linked when the weighted cosine of its feature sets reaches
``threshold``; groups are the connected components.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

FeatureSet = frozenset[str]

BLOCK_KEYS = 6  # rarest features per text used for blocking
ALL_PAIRS_UP_TO = 300  # small batches: compare every pair
TYPE_WEIGHT = {"P": 1.5, "D": 1.5, "A": 1.5, "T": 1.2}


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb


def feature_weights(features: Sequence[FeatureSet]) -> tuple[dict[str, float], dict[str, int]]:
    df: dict[str, int] = defaultdict(int)
    for fs in features:
        for f in fs:
            df[f] += 1
    n_eff = max(len(features), 200)
    weights: dict[str, float] = {}
    for f, d in df.items():
        w = math.log((n_eff + 1) / (d + 0.5))
        if f[1:2] == ":":
            w *= TYPE_WEIGHT.get(f[0], 1.0)
        weights[f] = max(w, 0.0)
    return weights, df


def similarity(a: FeatureSet, b: FeatureSet, weights: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    small, big = (a, b) if len(a) <= len(b) else (b, a)
    shared = sum(weights[f] ** 2 for f in small if f in big)
    if shared == 0.0:
        return 0.0
    na = sum(weights[f] ** 2 for f in a)
    nb = sum(weights[f] ** 2 for f in b)
    return shared / math.sqrt(na * nb)


def group_features(features: Sequence[FeatureSet], threshold: float) -> list[int | None]:
    n = len(features)
    weights, df = feature_weights(features)
    uf = _UnionFind(n)
    norms = [math.sqrt(sum(weights[f] ** 2 for f in fs)) for fs in features]

    def sim(i: int, j: int) -> float:
        a, b = features[i], features[j]
        if not norms[i] or not norms[j]:
            return 0.0
        small, big = (a, b) if len(a) <= len(b) else (b, a)
        shared = 0.0
        for f in small:
            if f in big:
                shared += weights[f] ** 2
        return shared / (norms[i] * norms[j])

    if n <= ALL_PAIRS_UP_TO:
        for i in range(n):
            for j in range(i + 1, n):
                if sim(i, j) >= threshold:
                    uf.union(i, j)
    else:
        max_df = max(5, min(60, n // 100))
        postings: dict[str, list[int]] = defaultdict(list)
        keys_of: list[list[str]] = []
        for i, fs in enumerate(features):
            rare = sorted((f for f in fs if 2 <= df[f] <= max_df), key=lambda f: (df[f], f))
            keys = rare[:BLOCK_KEYS]
            keys_of.append(keys)
            for f in keys:
                postings[f].append(i)
        for i in range(n):
            counts: dict[int, int] = defaultdict(int)
            for f in keys_of[i]:
                for j in postings[f]:
                    if j > i:
                        counts[j] += 1
            for j, c in counts.items():
                if c >= 2 and uf.find(i) != uf.find(j) and sim(i, j) >= threshold:
                    uf.union(i, j)

    roots = [uf.find(i) for i in range(n)]
    size: dict[int, int] = defaultdict(int)
    for r in roots:
        size[r] += 1
    ids: dict[int, int] = {}
    out: list[int | None] = []
    for r in roots:
        if size[r] < 2:
            out.append(None)
            continue
        if r not in ids:
            ids[r] = len(ids)
        out.append(ids[r])
    return out
