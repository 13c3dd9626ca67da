"""The Triage facade: build indexes once, then suggest per text and group batches."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .classify import Matcher, classify
from .grouping import group_features
from .lexicon import DATA_DIR, Lexicon, expand, load_lexicon
from .places import PlaceIndex
from .quantities import find_amounts, find_dates
from .text import normalize, tokenize
from .types import Evidence, RegionEntry, Suggestion

DEFAULT_GROUP_THRESHOLD = 0.40


@dataclass(slots=True)
class _Analysis:
    raw_tokens: list[str]
    surface: list[str]
    stems: list[str]
    places: list[RegionEntry]
    place_expl: list[Evidence]
    dates: list[str]
    date_expl: list[Evidence]
    amounts: list[int]
    amount_expl: list[Evidence]


class Triage:
    """Suggests category, subject, places, dates and amounts; groups duplicates.

    ``regions`` is the region table the text is resolved against; ``home_code``
    (e.g. ``"35.25"``) breaks ties between same-named places in favour of the
    supervising body's own region; ``default_year`` completes dates written
    without a year ("Selasa (26/11)").
    """

    def __init__(
        self,
        regions: Iterable[RegionEntry] = (),
        *,
        home_code: str | None = None,
        default_year: int = 2024,
        group_threshold: float = DEFAULT_GROUP_THRESHOLD,
        data_dir: Path = DATA_DIR,
    ) -> None:
        self.lexicon: Lexicon = load_lexicon(data_dir)
        self.matcher = Matcher(self.lexicon)
        self.places = PlaceIndex(regions, self.lexicon.place_common, home_code)
        self.default_year = default_year
        self.group_threshold = group_threshold

    # ------------------------------------------------------------------ analysis
    def _analyse(self, text: str) -> _Analysis:
        norm = normalize(text)
        raw = tokenize(norm)
        surface = expand(raw, self.lexicon.slang)
        stemmer = self.lexicon.stemmer
        cache = stemmer.cache
        stems = [cache.get(t) or stemmer.stem(t) for t in surface]
        places, place_expl = self.places.find(raw)
        dates, date_expl = find_dates(norm, self.default_year)
        amounts, amount_expl = find_amounts(norm)
        return _Analysis(raw, surface, stems, places, place_expl, dates, date_expl, amounts, amount_expl)

    def suggest(self, text: str) -> Suggestion:
        if not isinstance(text, str) or not text.strip():
            return Suggestion(
                explanation=[Evidence("category", "empty text: lainnya / tidak_diketahui", "")]
            )
        return self._suggest(self._analyse(text))

    def _suggest(self, a: _Analysis) -> Suggestion:
        category, subject, cat_scores, subj_scores, expl = classify(
            self.matcher, a.surface, a.stems, len(a.amounts)
        )
        return Suggestion(
            category=category,
            subject=subject,
            places=a.places,
            dates=a.dates,
            amounts=a.amounts,
            explanation=expl + a.place_expl + a.date_expl + a.amount_expl,
            category_scores=cat_scores,
            subject_scores=subj_scores,
        )

    # ------------------------------------------------------------------ grouping
    def features(self, text: str) -> frozenset[str]:
        """The incident features of one text used for duplicate grouping."""
        if not isinstance(text, str) or not text.strip():
            return frozenset()
        a = self._analyse(text)
        return self._features(a)

    def _features(self, a: _Analysis) -> frozenset[str]:
        stop = self.lexicon.stopwords
        feats: set[str] = {
            st
            for tok, st in set(zip(a.surface, a.stems, strict=True))
            if len(st) >= 4 and tok not in stop and st not in stop and not st.isdigit()
        }
        raw = a.raw_tokens
        for i, tok in enumerate(raw[:-1]):
            if tok == "tps" and raw[i + 1].isdigit():
                feats.add(f"T:{int(raw[i + 1])}")
        for p in a.places:
            if p.level in ("kecamatan", "desa"):
                feats.add(f"P:{p.code}")
        feats.update(f"D:{d}" for d in a.dates)
        feats.update(f"A:{v}" for v in a.amounts)
        return frozenset(feats)

    def group(self, texts: Sequence[str], threshold: float | None = None) -> list[int | None]:
        """Same-incident group number for each text (None = no duplicate found)."""
        feats = [self.features(t) for t in texts]
        return group_features(feats, self.group_threshold if threshold is None else threshold)

    def suggest_and_group(
        self, texts: Sequence[str], threshold: float | None = None
    ) -> tuple[list[Suggestion], list[int | None]]:
        """Both at once, analysing each text only once."""
        sugg: list[Suggestion] = []
        feats: list[frozenset[str]] = []
        for t in texts:
            if isinstance(t, str) and t.strip():
                a = self._analyse(t)
                sugg.append(self._suggest(a))
                feats.append(self._features(a))
            else:
                sugg.append(self.suggest(t))
                feats.append(frozenset())
        groups = group_features(feats, self.group_threshold if threshold is None else threshold)
        return sugg, groups
