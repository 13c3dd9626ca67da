"""Grouping texts that describe the same incident.

Each text becomes a set of typed features: content stems (no prefix), resolved place
codes (``P:``), dates (``D:``), money amounts (``A:``), "TPS n" numbers (``T:``),
capitalised names (``N:``), other numbers (``#:``) and, when known, the suggested
category (``C:``). Two outlets writing about one incident share few ordinary words but
the same places, dates, amounts and names, so the same-incident score (``pair_score``)
is the idf-weighted cosine of the content stems plus a bonus for each kind of shared
incident detail, minus a penalty for details that contradict (two different dates, two
different desa, two different categories). The settings are data: ``data/grouping.txt``.

A pair is linked when its score reaches the threshold and each text is the other's best
match, or nearly (within ``near_best`` of each one's best score), so that a chain of weak
likenesses does not snowball into one big group, or when the score is strong; groups are
the connected components. A large number shared by few texts ("1.496 TPS") counts more
than a small one. Candidate pairs come from blocking on each text's rarest features (no
all-pairs pass over big batches).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

FeatureSet = frozenset[str]

BLOCK_KEYS = 6  # rarest features per text used for blocking
ALL_PAIRS_UP_TO = 300  # small batches: compare every pair
TYPE_WEIGHT = {"P": 1.5, "D": 1.5, "A": 1.5, "T": 1.2}
NEAR_DAYS = 3  # dates this close count as a near match (half the date bonus, no conflict)
NEAR_FACTOR = 0.5
NEAR_AMOUNT = 0.02  # amounts within 2 % of each other count as the same amount


def _day(iso: str) -> int:
    """The day number of an ISO date, 0 when it is not a full date."""
    try:
        return date.fromisoformat(iso).toordinal()
    except ValueError:
        return 0


@dataclass(frozen=True, slots=True)
class PairWeights:
    """The settings of ``data/grouping.txt``."""

    content: float = 1.0
    desa: float = 0.30
    kecamatan: float = 0.20
    date: float = 0.30
    amount: float = 0.20
    tps: float = 0.15
    name: float = 0.15
    name_max: int = 3
    name_max_df: int = 5
    number: float = 0.05
    number_max: int = 2
    number_large: float = 0.05
    number_large_from: int = 100
    category_conflict: float = 0.20
    date_conflict: float = 0.10
    desa_conflict: float = 0.20
    threshold: float = 0.45
    strong: float = 0.75
    near_best: float = 0.0


def load_pair_weights(path: Path) -> PairWeights:
    values: dict[str, float] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        name, _, value = line.partition(" ")
        if name not in PairWeights.__dataclass_fields__:
            raise ValueError(f"bad grouping setting: {line!r}")
        values[name] = float(value)
    ints = {"name_max", "name_max_df", "number_max", "number_large_from"}
    return PairWeights(**{k: int(v) if k in ints else v for k, v in values.items()})  # type: ignore[arg-type]


DEFAULT_WEIGHTS = PairWeights()


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


class _Prepared:
    """One text's features split by type, with the norm of its content stems."""

    __slots__ = ("amounts", "content", "days", "norm", "typed")

    def __init__(self, fs: FeatureSet, weights: dict[str, float]) -> None:
        content: list[str] = []
        typed: dict[str, set[str]] = {}
        for f in fs:
            if f[1:2] != ":":
                content.append(f)
                continue
            kind = f[0]
            if kind == "P" and f.count(".") == 3:
                kind = "V"  # a desa/kelurahan code (four parts)
            if kind in typed:
                typed[kind].add(f)
            else:
                typed[kind] = {f}
        self.content = frozenset(content)
        # for near matches: outlets round amounts ("Rp9,5 juta" for Rp9.550.000) and date
        # an incident by the day they learnt of it
        self.amounts = tuple(int(f[2:]) for f in typed.get("A", ()))
        self.days = tuple(_day(f[2:]) for f in typed.get("D", ()))
        self.norm = math.sqrt(sum(weights[f] ** 2 for f in content))
        self.typed = typed


def _score(a: _Prepared, b: _Prepared, weights: dict[str, float], df: dict[str, int] | None, pw: PairWeights) -> float:
    score = 0.0
    if a.norm and b.norm:
        small, big = (a.content, b.content) if len(a.content) <= len(b.content) else (b.content, a.content)
        shared = 0.0
        for f in small:
            if f in big:
                shared += weights[f] ** 2
        score = pw.content * shared / (a.norm * b.norm)
    ta, tb = a.typed, b.typed
    if not ta or not tb:
        return score

    def common(kind: str) -> set[str]:
        x, y = ta.get(kind), tb.get(kind)
        return x & y if x and y else set()

    def conflict(kind: str) -> bool:
        x, y = ta.get(kind), tb.get(kind)
        return bool(x and y and not (x & y))

    if common("V"):
        score += pw.desa
    elif common("P"):
        score += pw.kecamatan
    near_date = False
    if common("D"):
        score += pw.date
    elif a.days and b.days and any(abs(x - y) <= NEAR_DAYS for x in a.days for y in b.days if x and y):
        score += pw.date * NEAR_FACTOR
        near_date = True
    if common("A") or (
        a.amounts and b.amounts and any(abs(x - y) <= NEAR_AMOUNT * max(x, y) for x in a.amounts for y in b.amounts)
    ):
        score += pw.amount
    if common("T"):
        score += pw.tps
    names = common("N")
    if names:
        rare = sum(1 for f in names if df is None or df.get(f, 0) <= pw.name_max_df)
        score += pw.name * min(rare, pw.name_max)
    numbers = common("#")
    if numbers:
        # a large number ("352 TPS", "1.496 rekomendasi") is rarer than a small count
        large = sum(
            1
            for f in numbers
            if int(f[2:]) >= pw.number_large_from and (df is None or df.get(f, 0) <= pw.name_max_df)
        )
        counted = min(len(numbers), pw.number_max)
        top = min(large, counted)
        score += pw.number_large * top + pw.number * (counted - top)
    if conflict("C"):
        score -= pw.category_conflict
    if conflict("D") and not near_date:
        score -= pw.date_conflict
    if conflict("V"):
        score -= pw.desa_conflict
    return score


def pair_score(
    a: FeatureSet,
    b: FeatureSet,
    weights: dict[str, float],
    df: dict[str, int] | None = None,
    pw: PairWeights = DEFAULT_WEIGHTS,
) -> float:
    """The same-incident score of two feature sets (weights and df from ``feature_weights``)."""
    if not a or not b:
        return 0.0
    return _score(_Prepared(a, weights), _Prepared(b, weights), weights, df, pw)


def group_features(features: Sequence[FeatureSet], pw: PairWeights = DEFAULT_WEIGHTS) -> list[int | None]:
    n = len(features)
    weights, df = feature_weights(features)
    prepared = [_Prepared(fs, weights) for fs in features]
    threshold = pw.threshold

    def candidates() -> list[tuple[int, int]]:
        if n <= ALL_PAIRS_UP_TO:
            return [(i, j) for i in range(n) for j in range(i + 1, n) if features[i] and features[j]]
        max_df = max(5, min(60, n // 100))
        postings: dict[str, list[int]] = defaultdict(list)
        keys_of: list[list[str]] = []
        for i, fs in enumerate(features):
            rare = sorted((f for f in fs if 2 <= df[f] <= max_df), key=lambda f: (df[f], f))
            keys = rare[:BLOCK_KEYS]
            keys_of.append(keys)
            for f in keys:
                postings[f].append(i)
        out: list[tuple[int, int]] = []
        for i in range(n):
            counts: dict[int, int] = defaultdict(int)
            for f in keys_of[i]:
                for j in postings[f]:
                    if j > i:
                        counts[j] += 1
            out.extend((i, j) for j, c in counts.items() if c >= 2)
        return out

    linked: list[tuple[int, int, float]] = []
    best: dict[int, tuple[float, int]] = {}  # each text's best match: highest score, then earliest text

    def note(i: int, j: int, s: float) -> None:
        cur = best.get(i)
        if cur is None or s > cur[0] or (s == cur[0] and j < cur[1]):
            best[i] = (s, j)

    for i, j in candidates():
        s = _score(prepared[i], prepared[j], weights, df, pw)
        if s >= threshold:
            linked.append((i, j, s))
            note(i, j, s)
            note(j, i, s)
    uf = _UnionFind(n)
    near = pw.near_best
    for i, j, s in linked:
        # mutual best matches, or within "near_best" of each text's best (a third outlet
        # about the same incident is nearly as like each of the other two)
        if s >= pw.strong or (best[i][1] == j and best[j][1] == i) or (
            near and s >= best[i][0] - near and s >= best[j][0] - near
        ):
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
