"""Loading the rule files in ``kawal/triage/data`` into matchable rules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .text import Stemmer, normalize, noun_form, tokenize

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str  # one of RULE_KINDS
    key: str  # category, subject or "-"
    weight: float
    parts: tuple[tuple[str, ...], ...]  # stemmed (subjects: noun forms); >1 part means a window rule
    source: str  # the pattern as written in the file


@dataclass(slots=True)
class Lexicon:
    rules: list[Rule]
    routes: dict[str, str]
    neutrality_routes: dict[str, str]
    actor_bonus: dict[str, tuple[str, float]]
    official_routes: dict[str, str]  # subj phrase as written -> category of its partisan acts
    slang: dict[str, tuple[str, ...]]
    stemmer: Stemmer
    stopwords: frozenset[str]  # ignored for duplicate grouping
    model_stopwords: frozenset[str]  # not read by the word model
    place_common: frozenset[str]


def _read_lines(path: Path) -> list[str]:
    out: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def load_slang(path: Path) -> dict[str, tuple[str, ...]]:
    slang: dict[str, tuple[str, ...]] = {}
    for line in _read_lines(path):
        left, _, right = line.partition("=")
        key = left.strip().lower()
        if key and right.strip():
            slang[key] = tuple(tokenize(normalize(right)))
    return slang


def expand(tokens: list[str], slang: dict[str, tuple[str, ...]]) -> list[str]:
    out: list[str] = []
    for tok in tokens:
        rep = slang.get(tok)
        if rep is None:
            out.append(tok)
        else:
            out.extend(rep)
    return out


RULE_KINDS = frozenset(
    {
        "cat", "subj", "forum", "partisan", "facility", "implied", "unknown", "anonymous",
        "outreach", "incident", "closed", "upheld", "tally",
    }
)


def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    slang = load_slang(data_dir / "slang.txt")
    raw_rules: list[tuple[str, str, float, str]] = []
    routes: dict[str, str] = {}
    neutrality_routes: dict[str, str] = {}
    actor_bonus: dict[str, tuple[str, float]] = {}
    official_routes: dict[str, str] = {}
    for line in _read_lines(data_dir / "lexicon.txt"):
        fields = line.split(None, 3)
        kind = fields[0]
        if kind == "route" and len(fields) >= 3:
            routes[fields[1]] = fields[2]
        elif kind == "neutrality" and len(fields) >= 3:
            neutrality_routes[fields[1]] = fields[2]
        elif kind == "official" and len(fields) >= 3:
            official_routes[" ".join(fields[2:])] = fields[1]
        elif kind == "actor" and len(fields) == 4:
            actor_bonus[fields[1]] = (fields[2], float(fields[3]))
        elif kind in RULE_KINDS and len(fields) == 4:
            raw_rules.append((kind, fields[1], float(fields[2]), fields[3]))
        else:
            raise ValueError(f"bad lexicon line: {line!r}")

    roots: set[str] = set()
    for line in _read_lines(data_dir / "roots.txt"):
        roots.update(line.split())
    # a word of a rule pattern is a root too, unless it is an affixed form of a known
    # root ("pencoblosan" -> "coblos")
    base = Stemmer(roots)
    extra: set[str] = set()
    for _kind, _key, _w, pattern in raw_rules:
        for part in pattern.split("~"):
            for word in expand(tokenize(normalize(part)), slang):
                if base.stem(word) not in base.roots:
                    extra.add(word)
    roots |= extra
    stemmer = Stemmer(roots)

    rules: list[Rule] = []
    for kind, key, weight, pattern in raw_rules:
        form = noun_form if kind == "subj" else stemmer.stem
        parts = tuple(
            tuple(form(t) for t in expand(tokenize(normalize(p)), slang))
            for p in pattern.split("~")
        )
        parts = tuple(p for p in parts if p)
        if parts:
            rules.append(Rule(kind, key, weight, parts, pattern))

    stop: set[str] = set()
    for line in _read_lines(data_dir / "stopwords.txt"):
        stop.update(line.split())
    model_stop: set[str] = set()
    for line in _read_lines(data_dir / "model_stopwords.txt"):
        model_stop.update(line.split())
    place_common: set[str] = set(stop) | roots
    for line in _read_lines(data_dir / "place_common_words.txt"):
        place_common.update(line.split())
    return Lexicon(
        rules=rules,
        routes=routes,
        neutrality_routes=neutrality_routes,
        actor_bonus=actor_bonus,
        official_routes=official_routes,
        slang=slang,
        stemmer=stemmer,
        stopwords=frozenset(stop),
        model_stopwords=frozenset(model_stop),
        place_common=frozenset(place_common),
    )
