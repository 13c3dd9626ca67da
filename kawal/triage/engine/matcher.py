"""Finding the lexicon's rules in a text: which phrases occur where, and how much each counts.

A rule is one phrase, or several parts within ``WINDOW`` words of each other ("a ~ b");
each occurrence is weighed by the words around it (``context.py``), and repetitions add a
little. The scoring of categories and subjects from these hits is in ``classify.py``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

from .context import ACTOR_BOOST, context
from .lexicon import Lexicon, Rule

WINDOW = 8
REPEAT_BONUS = 0.3


@dataclass(slots=True)
class Hit:
    rule: Rule
    weight: float  # after negation / context / repetition
    evidence: str
    note: str
    start: int  # first token position of the best occurrence
    best: float  # weight of the best single occurrence, before repetition


def _occurrences(
    part: tuple[str, ...], stems: list[str], pos: dict[str, list[int]]
) -> list[int]:
    first = pos.get(part[0])
    if not first:
        return []
    n = len(part)
    if n == 1:
        return first
    return [i for i in first if tuple(stems[i : i + n]) == part]


class Matcher:
    """Finds rule hits in a stemmed token sequence."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        by_kind: dict[str, list[Rule]] = defaultdict(list)
        for r in lexicon.rules:
            by_kind[r.kind].append(r)
        # longest phrases first so that "calon bupati" shadows "bupati"
        self.rules: dict[str, list[Rule]] = {
            k: sorted(v, key=lambda r: -sum(len(p) for p in r.parts)) for k, v in by_kind.items()
        }
        # rules by the first stem of their first part, keeping the longest-first rank
        self.rank: dict[int, int] = {}
        self.by_first: dict[str, dict[str, list[Rule]]] = {}
        # every word a rule of each kind mentions (positions of other words are never needed)
        self.words: dict[str, frozenset[str]] = {
            k: frozenset(w for r in v for part in r.parts for w in part) for k, v in self.rules.items()
        }
        self.stem_words: frozenset[str] = frozenset().union(*(w for k, w in self.words.items() if k != "subj"))
        # the words naming each kind of actor, and the acts of "anonymous" rules (their first part)
        self.actor_words: dict[str, frozenset[str]] = {
            key: frozenset(w for r in self.rules.get("subj", []) if r.key == key for part in r.parts for w in part)
            for key in {r.key for r in self.rules.get("subj", [])}
        }
        self.anonymous_acts = frozenset(r.parts[0][0] for r in self.rules.get("anonymous", []))
        for kind, rules in self.rules.items():
            index: dict[str, list[Rule]] = defaultdict(list)
            for n, r in enumerate(rules):
                self.rank[id(r)] = n
                index[r.parts[0][0]].append(r)
            self.by_first[kind] = dict(index)

    def _candidates(self, kind: str, pos: dict[str, list[int]]) -> list[Rule]:
        index = self.by_first.get(kind, {})
        found: list[Rule] = []
        for stem in pos.keys() & index.keys():
            found.extend(index[stem])
        rank = self.rank
        found.sort(key=lambda r: rank[id(r)])
        return found

    def hits(
        self, kind: str, surface: list[str], stems: list[str], pos: dict[str, list[int]]
    ) -> list[Hit]:
        covered: set[int] = set()
        out: list[Hit] = []
        actor = kind == "subj"
        for rule in self._candidates(kind, pos):
            if len(rule.parts) == 1:
                part = rule.parts[0]
                n = len(part)
                occ = [
                    i
                    for i in _occurrences(part, stems, pos)
                    if (i not in covered if n == 1 else not any(j in covered for j in range(i, i + n)))
                ]
                if not occ:
                    continue
                for i in occ:
                    covered.update(range(i, i + len(part)))
                spans = [(i, i + len(part)) for i in occ]
            else:
                spans = self._window_spans(rule, stems, pos)
                if not spans:
                    continue
            best = 0.0
            best_span = spans[0]
            best_note = ""
            # no occurrence can score above this: stop at the first that reaches it
            ceiling = ACTOR_BOOST if actor else 1.0
            for start, end in spans:
                factor, note = context(rule, start, end, surface, actor)
                if factor > best:
                    best, best_span, best_note = factor, (start, end), note
                    if factor >= ceiling:
                        break
            weight = rule.weight * best * (1.0 + REPEAT_BONUS * min(len(spans) - 1, 2))
            evidence = " ".join(surface[best_span[0] : best_span[1]])
            first = min(s for s, _e in spans)
            out.append(Hit(rule, weight, evidence, best_note, first, rule.weight * best))
        return out

    @staticmethod
    def _window_spans(
        rule: Rule, stems: list[str], pos: dict[str, list[int]]
    ) -> list[tuple[int, int]]:
        occs = [_occurrences(p, stems, pos) for p in rule.parts]
        if any(not o for o in occs):
            return []
        spans: list[tuple[int, int]] = []
        for i in occs[0]:
            start, end = i, i + len(rule.parts[0])
            ok = True
            for part, o in zip(rule.parts[1:], occs[1:], strict=True):
                # occurrence lists are ascending: only those within WINDOW of i matter,
                # and the nearest wins (the earlier one on a tie)
                j = -1
                dist = WINDOW + 1
                for k in range(bisect_left(o, i - WINDOW), len(o)):
                    cand = o[k]
                    if cand > i + WINDOW:
                        break
                    if cand != i and abs(cand - i) < dist:
                        j, dist = cand, abs(cand - i)
                if j < 0:
                    ok = False
                    break
                start, end = min(start, j), max(end, j + len(part))
            if ok:
                spans.append((start, end))
        return spans
