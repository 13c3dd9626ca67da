"""Text normalisation, tokenisation and a light Indonesian stemmer.

Everything here is pure Python and cached so that per-text cost stays low.
The stemmer is dictionary-guided: it strips Indonesian affixes (meN-, di-,
ber-, ter-, peN-, per-, ke-, se-; -kan, -an, -i; particles -nya, -lah, -kah,
-pun) and prefers a candidate that is a known root; words it cannot resolve
fall back to a conservative strip so that related forms still meet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_TOKEN_RE = re.compile(r"[a-z0-9]+")
_VOWELS = frozenset("aeiou")

_PARTICLES = ("lah", "kah", "tah", "pun")
_POSSESSIVES = ("nya", "ku", "mu")
_SUFFIXES = ("kan", "an", "i")


def normalize(text: str) -> str:
    """NFKC, lower case, strip accents; punctuation is kept for regexes."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        text = "".join(
            ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
        )
    return text.lower()


def tokenize(normalized: str) -> list[str]:
    """Alphanumeric tokens of an already normalised text."""
    return _TOKEN_RE.findall(normalized)


def _prefix_variants(word: str) -> list[str]:
    """Words obtained by removing one derivational prefix (with recoding)."""
    out: list[str] = []
    w = word
    if w.startswith(("meng", "peng")) and len(w) > 5:
        rest = w[4:]
        out.append(rest)
        if rest[0] in _VOWELS:
            out.append("k" + rest)
    if w.startswith(("meny", "peny")) and len(w) > 5 and w[4] in _VOWELS:
        out.append("s" + w[4:])
    if w.startswith(("mem", "pem")) and len(w) > 4:
        rest = w[3:]
        if rest[0] in "bpf":
            out.append(rest)
        elif rest[0] in _VOWELS:
            out.append("p" + rest)
            out.append("m" + rest)
    if w.startswith(("men", "pen")) and len(w) > 4 and not w.startswith(("meng", "meny", "peng", "peny")):
        rest = w[3:]
        if rest[0] in "cdjzst":
            out.append(rest)
        elif rest[0] in _VOWELS:
            out.append("t" + rest)
            out.append("n" + rest)
    if w.startswith(("me", "pe")) and len(w) > 4 and w[2] in "lmnrwy":
        out.append(w[2:])
    for pre in ("di", "ke", "se"):
        if w.startswith(pre) and len(w) > len(pre) + 2:
            out.append(w[len(pre):])
    for pre in ("ber", "ter", "per"):
        if w.startswith(pre) and len(w) > 5:
            out.append(w[3:])
            if w[3] in _VOWELS:
                out.append("r" + w[3:])
    if w.startswith(("be", "te")) and len(w) > 4 and w[2] not in _VOWELS:
        out.append(w[2:])
    return out


def _suffix_variants(word: str) -> list[str]:
    out = [word]
    for part in _PARTICLES:
        if word.endswith(part) and len(word) > len(part) + 3:
            word = word[: -len(part)]
            out.append(word)
            break
    for pos in _POSSESSIVES:
        if word.endswith(pos) and len(word) > len(pos) + 3:
            word = word[: -len(pos)]
            out.append(word)
            break
    base = list(out)
    for w in base:
        for suf in _SUFFIXES:
            if w.endswith(suf) and len(w) > len(suf) + 3:
                out.append(w[: -len(suf)])
    return out


def noun_form(word: str) -> str:
    """A word as a noun phrase matches it: only the possessive/particle ``-nya`` removed.

    Actor words are nouns made with affixes (``pemilih``, ``pendukung``, ``pejabat``);
    stemming would let them meet their verbs (``memilih``, ``mendukung``, ``menjabat``).
    """
    if word.endswith("nya") and len(word) > 6:
        return word[:-3]
    return word


class Stemmer:
    """Dictionary-guided Indonesian stemmer with a per-instance cache."""

    def __init__(self, roots: Iterable[str]) -> None:
        self.roots: frozenset[str] = frozenset(roots)
        self.cache: dict[str, str] = {}

    def stem(self, word: str) -> str:
        cached = self.cache.get(word)
        if cached is not None:
            return cached
        result = self._stem(word)
        if len(self.cache) < 500_000:
            self.cache[word] = result
        return result

    def _stem(self, word: str) -> str:
        roots = self.roots
        if word in roots or len(word) <= 3 or word.isdigit():
            return word
        for cand in self._candidates(word):
            if cand in roots:
                return cand
        return self._fallback(word)

    def _candidates(self, word: str) -> list[str]:
        cands: list[str] = []
        for s in _suffix_variants(word):
            cands.append(s)
            for p in _prefix_variants(s):
                cands.append(p)
                for p2 in _prefix_variants(p):  # e.g. memper-, diper-, diber-
                    cands.append(p2)
        return cands

    def _fallback(self, word: str) -> str:
        """Conservative strip for unknown words: particles, one suffix, one prefix."""
        w = word
        for part in _PARTICLES + _POSSESSIVES:
            if w.endswith(part) and len(w) - len(part) >= 5:
                w = w[: -len(part)]
                break
        for suf in ("kan", "an"):
            if w.endswith(suf) and len(w) - len(suf) >= 5:
                w = w[: -len(suf)]
                break
        variants = _prefix_variants(w)
        if variants and len(variants[0]) >= 5:
            return variants[0]
        return w
