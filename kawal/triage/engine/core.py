"""The Triage facade: build indexes once, then suggest per text and group batches."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .actors import actor_features
from .classify import actor_candidates, category_cues, classify, rules_category, subject_hits, unnamed_doers
from .grouping import PairWeights, group_features, load_pair_weights
from .lexicon import DATA_DIR, Lexicon, expand, load_lexicon
from .matcher import Matcher
from .places import PlaceIndex
from .quantities import find_amounts, find_dates
from .text import normalize, tokenize
from .types import Evidence, RegionEntry, Suggestion
from .wordmodel import WordModel, load_word_model, model_words

# a capitalised word after a space, unless the space ends a sentence: a name ("di
# Kecamatan Bukit Bestari", "Polres Minahasa"); all-capital acronyms (KPPS) are not names
_DIGITS = frozenset("0123456789")
_NAME = re.compile(r" [A-Z][a-z]{3,}")
# a number as written: "1.518" (thousands grouped with dots) is one number, not 1 and 518;
# the digits after a decimal point or a clock's dot ("15.00") are not a number of their own,
# and money ("Rp50.000") counts once, as an amount
_NUMBER = re.compile(r"(?<![\d.,])(?<![Rr][Pp])(?<![Rr][Pp] )(?:\d{1,3}(?:\.\d{3})+|\d+)(?!\d)")
NUMBER_MAX_DIGITS = 6  # longer ones are ids or phone numbers
_SENTENCE_END = frozenset(".!?:;\"'(“‘")


@dataclass(slots=True)
class _Analysis:
    text: str
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
        group_threshold: float | None = None,
        data_dir: Path = DATA_DIR,
        word_model: bool = True,
    ) -> None:
        self.lexicon: Lexicon = load_lexicon(data_dir)
        self.matcher = Matcher(self.lexicon)
        # the rules blended with the trained word model, if the data has one
        self.word_model: WordModel | None = load_word_model(data_dir) if word_model else None
        self.places = PlaceIndex(regions, self.lexicon.place_common, home_code)
        self.default_year = default_year
        pw = load_pair_weights(data_dir / "grouping.txt")
        if group_threshold is not None:
            pw = replace(pw, threshold=group_threshold)
        self.pair_weights: PairWeights = pw
        self.group_threshold = pw.threshold

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
        return _Analysis(text, raw, surface, stems, places, place_expl, dates, date_expl, amounts, amount_expl)

    def suggest(self, text: str) -> Suggestion:
        if not isinstance(text, str) or not text.strip():
            return Suggestion(
                explanation=[Evidence("category", "empty text: lainnya / tidak_diketahui", "")]
            )
        return self._suggest(self._analyse(text))

    def _suggest(self, a: _Analysis) -> Suggestion:
        model = self.word_model
        reading = model.read(a.surface, a.stems) if model is not None else None
        category, subject, cat_scores, subj_scores, expl, second = classify(
            self.matcher, a.surface, a.stems, len(a.amounts), reading
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
            second_choices={field: label for field, (label, _why) in second.items()},
            second_explanation=[why for _label, why in second.values()],
        )

    def training_features(self, text: str) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
        """What training reads of one text, analysed once: the word model's features, and the
        actor model's per kind of party named."""
        if not isinstance(text, str) or not text.strip():
            return frozenset(), {}
        a = self._analyse(text)
        words = model_words(a.surface, a.stems, self.lexicon.model_stopwords)
        cues = category_cues(self.matcher, a.surface, a.stems)
        named = subject_hits(self.matcher, a.surface)
        parties = actor_candidates(named, unnamed_doers(self.matcher, a.surface, a.stems))
        return words, actor_features(parties, a.stems, cues)

    # ------------------------------------------------------------------ grouping
    def features(self, text: str) -> frozenset[str]:
        """The incident features of one text used for duplicate grouping."""
        if not isinstance(text, str) or not text.strip():
            return frozenset()
        a = self._analyse(text)
        return self._features(a)

    def _features(self, a: _Analysis) -> frozenset[str]:
        stop = self.lexicon.stopwords
        # words of resolved places count once, as the place code
        place_words = {w for p in a.places for w in p.name.lower().split()}
        feats: set[str] = {
            st
            for tok, st in set(zip(a.surface, a.stems, strict=True))
            if len(st) >= 4 and tok not in stop and st not in stop and not st.isdigit() and tok not in place_words
        }
        prev = ""
        for tok in a.raw_tokens:
            if prev == "tps" and tok[0] in _DIGITS and tok.isdigit():
                feats.add(f"T:{int(tok)}")
            prev = tok
        text = a.text
        # other numbers ("352 TPS", "1.496 rekomendasi"), not years
        for m in _NUMBER.finditer(text):
            digits = m.group().replace(".", "")
            if len(digits) <= NUMBER_MAX_DIGITS:
                value = int(digits)
                if value >= 10 and not 2000 <= value <= 2035:
                    feats.add(f"#:{value}")
        for m in _NAME.finditer(text):
            k = m.start()
            if k and text[k - 1] not in _SENTENCE_END:
                name = m.group()[1:].lower()
                if name not in stop and name not in place_words:
                    feats.add(f"N:{name}")
        for p in a.places:
            if p.level in ("kecamatan", "desa"):
                feats.add(f"P:{p.code}")
            elif p.level == "kabupaten":
                # a regency counts like a rare name: in one regency's batch it is shared by all
                feats.add(f"N:{p.code}")
        feats.update(f"D:{d}" for d in a.dates)
        feats.update(f"A:{v}" for v in a.amounts)
        return frozenset(feats)

    def grouping(self, threshold: float | None = None) -> PairWeights:
        """The same-incident weights, with another threshold when one is given."""
        return self.pair_weights if threshold is None else replace(self.pair_weights, threshold=threshold)

    def group(self, texts: Sequence[str], threshold: float | None = None) -> list[int | None]:
        """Same-incident group number for each text (None = no duplicate found)."""
        feats = [self.features(t) for t in texts]
        return group_features(feats, self.grouping(threshold))

    def suggest_and_group(
        self, texts: Sequence[str], threshold: float | None = None
    ) -> tuple[list[Suggestion], list[int | None]]:
        """Both at once, analysing each text only once."""
        sugg, feats = self.suggest_with_features(texts)
        groups = group_features(feats, self.grouping(threshold))
        return sugg, groups

    def suggest_with_features(self, texts: Sequence[str]) -> tuple[list[Suggestion], list[frozenset[str]]]:
        """Each text's suggestion and its duplicate features (the input of grouping)."""
        sugg: list[Suggestion] = []
        feats: list[frozenset[str]] = []
        for t in texts:
            if isinstance(t, str) and t.strip():
                a = self._analyse(t)
                s = self._suggest(a)
                sugg.append(s)
                # the rules' category too: two texts given different categories are less
                # likely to be one incident (the rules' reading, not the blend's: the word
                # model's choice between close categories splits more true pairs than it joins)
                feats.append(self._features(a) | {f"C:{rules_category(s.category_scores)}"})
            else:
                sugg.append(self.suggest(t))
                feats.append(frozenset())
        return sugg, feats
