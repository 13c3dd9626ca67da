"""Resolving region names in a text against the region table.

Decisions (documented in ``data/README.md``):

* A name right after a marker ("kecamatan", "kec", "desa", "ds", "kelurahan", "kel",
  "kabupaten", "kab", "kota", "provinsi", "prov") is looked up at that level.
* An unmarked name counts if it is a province, regency or kecamatan name that is not
  an ordinary word (``place_common_words.txt``); an unmarked desa name counts only
  when its kecamatan is also named in the text.
* An unmarked name that is both a regency and a kecamatan ("Gresik") is the regency.
* Ambiguity (the same name in several places): keep the candidates whose parent is
  also named in the text; else those under the configured home region; else return
  all candidates (up to ``MAX_AMBIGUOUS``) with an "ambiguous" explanation, so the
  handler chooses; more than that and the mention is dropped with an explanation.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .text import normalize, tokenize
from .types import Evidence, RegionEntry

MAX_NAME_TOKENS = 5
MAX_AMBIGUOUS = 4
_LEVEL_RANK = {"provinsi": 0, "kabupaten": 1, "kecamatan": 2, "desa": 3}
MARKERS: dict[str, str] = {
    "kecamatan": "kecamatan",
    "kec": "kecamatan",
    "kecamatannya": "kecamatan",
    "desa": "desa",
    "ds": "desa",
    "kelurahan": "desa",
    "kel": "desa",
    "kabupaten": "kabupaten",
    "kab": "kabupaten",
    "kota": "kabupaten",
    "provinsi": "provinsi",
    "prov": "provinsi",
}
_REGENCY_PREFIX = re.compile(r"^(kab\.?|kabupaten|kota(?:\s+adm\.?)?)\s+", re.IGNORECASE)


def level_of_code(code: str) -> str:
    return ("provinsi", "kabupaten", "kecamatan", "desa")[min(code.count("."), 3)]


def parent_of_code(code: str) -> str | None:
    return code.rsplit(".", 1)[0] if "." in code else None


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    text: str
    marker: str | None
    candidates: list[RegionEntry]


def name_key(name: str) -> tuple[str, ...]:
    n = _REGENCY_PREFIX.sub("", name.strip())
    return tuple(tokenize(normalize(n)))


class PlaceIndex:
    def __init__(
        self,
        regions: Iterable[RegionEntry],
        common_words: frozenset[str],
        home_code: str | None = None,
    ) -> None:
        self.by_name: dict[tuple[str, ...], list[RegionEntry]] = defaultdict(list)
        self.first: dict[str, int] = {}
        self.by_code: dict[str, RegionEntry] = {}
        for r in regions:
            key = name_key(r.name)
            if not key or len(key) > MAX_NAME_TOKENS:
                continue
            self.by_name[key].append(r)
            self.by_code[r.code] = r
            self.first[key[0]] = max(self.first.get(key[0], 0), len(key))
        self.common = common_words
        self.home = home_code

    def find(self, tokens: list[str]) -> tuple[list[RegionEntry], list[Evidence]]:
        mentions = self._mentions(tokens)
        explanation: list[Evidence] = []
        named: set[str] = set()
        for m in mentions:
            if len(m.candidates) == 1:
                named.add(m.candidates[0].code)
        for m in mentions:  # codes of anything mentioned, for parent checks
            if len(m.candidates) > 1:
                named.update(c.code for c in m.candidates if c.level != "desa")
        chosen: list[RegionEntry] = []
        for m in mentions:
            cands = m.candidates
            rule = f"marker '{m.marker}'" if m.marker else "unmarked name"
            if m.marker is None:
                cands = [c for c in cands if c.level != "desa"] or [
                    c for c in cands if c.parent_code in named
                ]
                if not cands:
                    continue
                if m.marker is None and len({c.level for c in cands}) > 1:
                    top = min(_LEVEL_RANK.get(c.level, 9) for c in cands)
                    cands = [c for c in cands if _LEVEL_RANK.get(c.level, 9) == top]
            if len(cands) > 1:
                by_parent = [c for c in cands if self._ancestor_named(c, named)]
                if by_parent:
                    cands = by_parent
                    rule += ", parent named in text"
            if len(cands) > 1 and self.home:
                home = self.home
                in_home = [c for c in cands if c.code == home or c.code.startswith(home + ".")]
                if in_home:
                    cands = in_home
                    rule += f", inside home region {home}"
            if len(cands) > MAX_AMBIGUOUS:
                explanation.append(
                    Evidence("places", f"too ambiguous ({len(cands)} places), not suggested", m.text)
                )
                continue
            if len(cands) > 1:
                rule += f", ambiguous: {len(cands)} candidates, all suggested"
            for c in cands:
                if all(c.code != x.code for x in chosen):
                    chosen.append(c)
                    explanation.append(Evidence("places", f"{rule} -> {c.level} {c.code}", m.text))
        return chosen, explanation

    def _ancestor_named(self, entry: RegionEntry, named: set[str]) -> bool:
        code: str | None = entry.parent_code
        while code:
            if code in named:
                return True
            code = parent_of_code(code)
        return False

    def _mentions(self, tokens: list[str]) -> list[_Mention]:
        out: list[_Mention] = []
        i = 0
        n = len(tokens)
        by_name = self.by_name
        while i < n:
            tok = tokens[i]
            longest = self.first.get(tok)
            if longest is None:
                i += 1
                continue
            marker = MARKERS.get(tokens[i - 1]) if i > 0 else None
            found = None
            for size in range(min(longest, n - i), 0, -1):
                key = tuple(tokens[i : i + size])
                cands = by_name.get(key)
                if cands:
                    if marker is not None:
                        at_level = [c for c in cands if c.level == marker]
                        if at_level:
                            found = (size, at_level)
                            break
                        continue
                    if size == 1 and tok in self.common:
                        continue
                    found = (size, list(cands))
                    break
            if found is None:
                i += 1
                continue
            size, cands = found
            out.append(_Mention(i, i + size, " ".join(tokens[max(0, i - 1) : i + size]), marker, cands))
            i += size
        return out
