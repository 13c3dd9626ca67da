"""Weighted-cue scoring of category and subject, with explanations."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

from .lexicon import Lexicon, Rule
from .text import noun_form
from .types import CATEGORIES, SUBJECTS, Evidence

WINDOW = 8
NEGATIONS = frozenset({"tidak", "bukan", "belum", "tanpa", "jangan"})
# a denial: "bukan", or tidak/belum followed by one of DENIED ("tidak ada", "tidak terbukti")
DENIED = frozenset({"ada", "ditemukan", "terbukti", "terdapat", "memenuhi", "benar", "ada unsur"})
DENIAL_SPAN = 4
NEGATION_FACTOR = 0.2
# surface words just before an actor word that make it an actor (boost) ...
ACTOR_CONTEXT = frozenset(
    {
        "oknum", "terlapor", "pelaku", "seorang", "sejumlah", "beberapa", "diduga", "puluhan",
        "para", "dua", "tiga", "empat", "lima", "belasan", "ratusan",
    }
)
# right before an actor word: the object of a report is the reported party ("melaporkan camat X")
# ... and so is the one found, summoned, examined or sanctioned ("Bawaslu memanggil Pj Bupati")
REPORTED_BEFORE = frozenset(
    {"melaporkan", "mengadukan", "menemukan", "memanggil", "memeriksa", "menindak",
     "mendapati", "menangkap", "mengamankan", "memberhentikan", "memecat", "mendiskualifikasi",
     "mengklarifikasi", "memvonis", "mencopot", "menyanksi", "mengusut", "menyelidiki", "menelusuri",
     "memproses"}
)
ACTOR_BOOST = 1.5
# ... or a recipient, beneficiary or reporter (penalty)
RECIPIENT_CONTEXT = frozenset(
    {
        "kepada", "ke", "untuk", "bagi", "pada", "dari", "mendukung", "dukung", "memilih",
        "pilih", "mencoblos", "coblos", "memenangkan", "bersama", "dengan",
        "dilaporkan", "lapor", "mengadu", "nomor", "no", "mengajak", "ajak", "atas",
        # ... or the one talked about or backed ("hoaks tentang calon bupati",
        # "calon yang diusung partainya")
        "tentang", "terhadap", "mengenai", "soal", "diusung", "mengusung",
        # ... or the one quoted ("kata Kapolres", "menurut Ketua Bawaslu")
        "kata", "ujar", "menurut", "tutur", "ungkap", "imbuh",
        # ... or the one notified ("tidak memberi tahu polisi")
        "tahu", "memberitahu", "memberitahukan", "diberitahukan",
    }
)
# right before an actor word only: the one voted for or talked about ("surat suara presiden",
# "hoaks antar pasangan calon"), or a candidate's title ("pasangan calon bupati" is not a
# sitting bupati; "calon petahana" still is the incumbent)
# ... or the name of an institution ("Komisi ASN")
RECIPIENT_BEFORE = frozenset({"suara", "antar", "antara", "calon", "komisi"})
STILL_ACTOR_AFTER_CALON = frozenset({"petahana"})
# "kepada salah satu bakal calon", "kepada seorang caleg": these words are skipped when
# looking at the word right before an actor
TRANSPARENT_BEFORE = ("salah", "satu")
COUNT_BEFORE = frozenset({"seorang", "sebuah", "para", "sejumlah", "pasangan", "bakal"})
BENEFICIARY_TO = frozenset({"ke", "kepada", "untuk", "bagi"})
# a participant (candidate, pair, party) right after an act or a campaign thing is the one
# who benefits, not the one reported: "memindahkan suara ... kepada caleg", "memperkenalkan
# calon", "memasang baliho partai", "relawan capres"; the one who acts is named elsewhere
BENEFICIARY_NOUNS = frozenset(
    {
        "baliho", "spanduk", "stiker", "poster", "banner", "atribut", "kaos", "logo", "gambar",
        "bergambar", "foto", "bendera", "pamflet", "brosur", "relawan", "pendukung", "simpatisan",
        "pro", "suara", "kemenangan",
    }
)
# verbs that are not acts on their object ("yang menjadi caleg", "melalui partai")
NOT_ACT_VERBS = frozenset(
    {"menjadi", "merupakan", "menjabat", "menjelang", "melalui", "menuju", "mewakili", "meskipun", "memang"}
)
REPORTER_NEXT = frozenset(
    {"melaporkan", "melapor", "mengadukan", "mengadu", "menemukan", "mengaku", "merekomendasikan"}
    # ... or an enforcer: the one who removes, summons, examines, dismisses or sentences
    | {"menertibkan", "menurunkan", "mencopot", "membongkar", "menindak", "memeriksa", "memanggil",
       "menggerebek", "menelusuri", "mengklarifikasi", "memberhentikan", "memecat", "memvonis",
       "menjatuhkan", "mendiskualifikasi", "mengamankan", "menangkap", "mencatat", "menerima",
       "menegur", "mengimbau", "mengingatkan"}
    # ... or a speaker ("Kapolres membenarkan ...", "Camat menjelaskan ...")
    | {"mengatakan", "menjelaskan", "membenarkan", "menegaskan", "mengungkapkan", "menuturkan"}
)
REPORTER_LOOKAHEAD = 3  # "Polres Gresik Kota menangkap": the verb may follow a name
SUBJECT_MIN = 1.0  # an actor needs one mention worth this much to be suggested
SUBJECT_MIN_LAINNYA = 2.0  # ... and more when the text is not about a violation
FIRST_ACTOR_BONUS = 0.5  # the reported party is usually named first
CONTEXT_PENALTY = 0.3
CATEGORY_THRESHOLD = 2.0
# outreach or a reminder without a reported incident: violation categories scaled down
OUTREACH_MIN = 2.5
OUTREACH_INCIDENT_MAX = 1.0  # incident cues at or above this keep the categories
OUTREACH_FACTOR = 0.15
REPEAT_BONUS = 0.3
# an incident cue after one of these is asked for, supposed or threatened, not reported
# ("meminta masyarakat ikut mencegah dan melaporkan", "bila terbukti", "agar melapor",
# "mengancam sanksi … pemberhentian")
REQUEST_BEFORE = frozenset(
    {"meminta", "mengajak", "mengimbau", "imbauan", "agar", "supaya", "bila", "jika", "apabila", "kalau", "bagi",
     "mengancam", "diancam", "terancam", "ancaman"}
)
REQUEST_SPAN = 5
MAY_AFTER = frozenset({"bisa", "dapat"})  # "laporan juga bisa disampaikan": a possibility

# subject that fits a category when evidence for it exists
COMPAT: dict[str, dict[str, float]] = {
    "netralitas": {"asn": 1.0, "tni": 1.0, "polri": 1.0, "kepala_desa": 1.0, "perangkat_desa": 1.0},
    "penyelenggara": {"penyelenggara": 1.5},
    "penyalahgunaan_wewenang": {"pejabat": 1.0, "kepala_desa": 0.5},
    "kampanye": {"peserta": 1.0},
    "politik_uang": {"peserta": 0.5, "warga": 0.3},
    "pemungutan_suara": {"penyelenggara": 0.5, "warga": 0.5},
}
# subject suggested when the text names no actor at all
DEFAULT_SUBJECT: dict[str, str] = {
    "kampanye": "peserta",
    "penyelenggara": "penyelenggara",
    "penyalahgunaan_wewenang": "pejabat",
}


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
                factor, note = self._context(rule, start, end, surface, actor)
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

    @staticmethod
    def _context(
        rule: Rule, start: int, end: int, surface: list[str], actor: bool
    ) -> tuple[float, str]:
        factor = 1.0
        note = ""
        if rule.parts[0][0] not in NEGATIONS and _denied(surface, start):
            factor *= NEGATION_FACTOR
            note = "denied"
        if rule.kind == "incident" and (
            not REQUEST_BEFORE.isdisjoint(surface[max(0, start - REQUEST_SPAN) : start])
            or not MAY_AFTER.isdisjoint(surface[end : end + 2])
        ):
            # "meminta masyarakat melaporkan", "bila terbukti": asked for or supposed, not reported
            return 0.0, "requested"
        if actor:
            k = start
            if k >= 2 and tuple(surface[k - 2 : k]) == TRANSPARENT_BEFORE:
                k -= 2
            elif k >= 2 and surface[k - 1] == "pasangan":
                k -= 1  # "hoaks antar pasangan calon bupati"
            before = surface[k - 1] if k > 0 else ""
            if before in RECIPIENT_CONTEXT or (
                before in RECIPIENT_BEFORE and not (before == "calon" and rule.source in STILL_ACTOR_AFTER_CALON)
            ):
                # "memilih calon bupati", "kepada kepala desa": never the actor
                factor *= CONTEXT_PENALTY
                note = "recipient/reporter context"
            elif before in REPORTED_BEFORE:
                factor *= ACTOR_BOOST
                note = "actor context"
            elif rule.key in BENEFICIARY_KEYS and _beneficiary(surface, k):
                factor *= CONTEXT_PENALTY
                note = "beneficiary context"
            elif _reporter_next(surface[end : end + REPORTER_LOOKAHEAD]):
                # a reporter, enforcer or speaker, even when counted ("dua pemilih
                # menemukannya": the verb may carry "-nya")
                factor *= CONTEXT_PENALTY
                note = "recipient/reporter context"
            elif not ACTOR_CONTEXT.isdisjoint(surface[max(0, start - 3) : start]):
                factor *= ACTOR_BOOST
                note = "actor context"
            elif not RECIPIENT_CONTEXT.isdisjoint(surface[max(0, start - 2) : start]):
                factor *= CONTEXT_PENALTY
                note = "recipient/reporter context"
        return factor, note


BENEFICIARY_KEYS = frozenset({"peserta"})


def _beneficiary(surface: list[str], k: int) -> bool:
    """The word before a participant (a count or "bakal" looked through) makes it the one
    who benefits: an act ("memperkenalkan", "mengampanyekan"), a campaign thing ("baliho",
    "relawan") or a recipient ("ke seorang caleg")."""
    while k > 0 and surface[k - 1] in COUNT_BEFORE:
        k -= 1
    before = surface[k - 1] if k > 0 else ""
    if before in BENEFICIARY_NOUNS or before in BENEFICIARY_TO:
        return True
    return (
        before[:2] == "me" and len(before) >= 6 and before not in NOT_ACT_VERBS and before not in REPORTED_BEFORE
    )


def _reporter_next(words: list[str]) -> bool:
    """A reporting, enforcing or speaking verb among the next words (also with "-nya")."""
    for w in words:  # noqa: SIM110 (a plain loop: no generator per actor occurrence)
        if w in REPORTER_NEXT or (w[-3:] == "nya" and noun_form(w) in REPORTER_NEXT):
            return True
    return False


_DENIAL_WORDS = frozenset({"bukan", "tidak", "belum", "tak"})


def _denied(surface: list[str], start: int) -> bool:
    lo = max(0, start - DENIAL_SPAN)
    if _DENIAL_WORDS.isdisjoint(surface[lo:start]):
        return False
    for k in range(lo, start):
        tok = surface[k]
        if tok == "bukan":
            return True
        if tok in ("tidak", "belum", "tak") and k + 1 < len(surface) and surface[k + 1] in DENIED:
            return True
    return False


def _fmt(hit: Hit) -> str:
    extra = f", {hit.note}" if hit.note else ""
    return f"{hit.rule.kind}:{hit.rule.source} (+{hit.weight:.2f}{extra})"


def classify(
    matcher: Matcher,
    surface: list[str],
    stems: list[str],
    amount_count: int,
) -> tuple[str, str, dict[str, float], dict[str, float], list[Evidence]]:
    """Return category, subject, both score tables and the explanation."""
    rule_words = matcher.stem_words
    pos: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(stems):
        if s in rule_words:
            pos[s].append(i)

    cat_scores: dict[str, float] = dict.fromkeys(CATEGORIES, 0.0)
    cat_hits: dict[str, list[tuple[Hit | None, str, float]]] = defaultdict(list)
    for hit in matcher.hits("cat", surface, stems, pos):
        cat_scores[hit.rule.key] += hit.weight
        cat_hits[hit.rule.key].append((hit, _fmt(hit), hit.weight))
    if amount_count:
        w = 1.0
        cat_scores["politik_uang"] += w
        cat_hits["politik_uang"].append((None, f"amount of money mentioned (+{w:.2f})", w))

    # actors are nouns: matched as written (less "-nya"), so "memilih" is not "pemilih"
    nouns = [noun_form(t) if t.endswith("nya") else t for t in surface]
    subj_words = matcher.words.get("subj", frozenset())
    npos: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(nouns):
        if s in subj_words:
            npos[s].append(i)
    subj_scores: dict[str, float] = dict.fromkeys(SUBJECTS, 0.0)
    subj_hits: dict[str, list[Hit]] = defaultdict(list)
    for hit in matcher.hits("subj", surface, nouns, npos):
        subj_scores[hit.rule.key] += hit.weight
        subj_hits[hit.rule.key].append(hit)
    eligible = {
        k for k, hs in subj_hits.items() if max(h.best for h in hs) >= SUBJECT_MIN
    }
    first_actor = None
    if eligible:
        first_actor = min(eligible, key=lambda k: min(h.start for h in subj_hits[k]))
    first_seen = {k: min(h.start for h in hs) for k, hs in subj_hits.items()}

    # the main actor routes partisan acts and adds its own category bonus
    actor_scores = {k: v for k, v in subj_scores.items() if v > 0}
    lex = matcher.lexicon
    routed_actor = None
    if actor_scores:
        # only an actor named as such routes: not a reporter, enforcer or recipient
        routable = {k: v for k, v in actor_scores.items() if k in lex.routes and k in eligible}
        if routable:
            # strongest actor; on a tie, the one named first
            routed_actor = max(routable, key=lambda k: (routable[k], -first_seen[k]))
    partisan = matcher.hits("partisan", surface, stems, pos)
    if partisan:
        total = sum(h.weight for h in partisan)
        if routed_actor is not None:
            target = lex.routes[routed_actor]
            factor = 1.0
        else:
            target, factor = "netralitas", 0.4
        cat_scores[target] += total * factor
        for h in partisan:
            cat_hits[target].append(
                (h, f"{_fmt(h)} routed to {target} by actor {routed_actor or 'none'} (x{factor})",
                 h.weight * factor)
            )
    # partisanship of an organiser is an ethics matter, not ASN/village neutrality
    neutral_target = lex.neutrality_routes.get(routed_actor or "")
    if neutral_target and cat_scores["netralitas"] > 0:
        moved = cat_scores["netralitas"]
        cat_scores["netralitas"] = 0.0
        cat_scores[neutral_target] += moved
        cat_hits[neutral_target].append(
            (None, f"neutrality cues ({moved:.2f}) routed to {neutral_target} by actor {routed_actor}", moved)
        )
    if routed_actor is not None and routed_actor in lex.actor_bonus:
        target, bonus = lex.actor_bonus[routed_actor]
        cat_scores[target] += bonus
        cat_hits[target].append((None, f"actor {routed_actor} named (+{bonus:.2f})", bonus))

    outreach = matcher.hits("outreach", surface, stems, pos)
    outreach_note: Evidence | None = None
    reach = sum(h.weight for h in outreach)
    if reach >= OUTREACH_MIN:
        incident = sum(h.weight for h in matcher.hits("incident", surface, stems, pos))
        if incident < OUTREACH_INCIDENT_MAX:
            for c in cat_scores:
                cat_scores[c] *= OUTREACH_FACTOR
            words = ", ".join(h.evidence for h in sorted(outreach, key=lambda h: -h.weight)[:3])
            outreach_note = Evidence(
                "category",
                f"outreach or reminder ({reach:.2f}), no incident cue: categories x{OUTREACH_FACTOR}",
                words,
            )

    ranked = sorted(
        (c for c in CATEGORIES if c != "lainnya"),
        key=lambda c: (-cat_scores[c], CATEGORIES.index(c)),
    )
    top = ranked[0]
    explanation: list[Evidence] = []
    if cat_scores[top] >= CATEGORY_THRESHOLD:
        category = top
        for maybe_hit, rule_text, _w in sorted(cat_hits[top], key=lambda t: -t[2])[:6]:
            explanation.append(
                Evidence("category", rule_text, maybe_hit.evidence if maybe_hit else "")
            )
        runner = ranked[1]
        if cat_scores[runner] > 0:
            explanation.append(
                Evidence(
                    "category",
                    f"runner-up {runner} scored {cat_scores[runner]:.2f} vs {cat_scores[top]:.2f}",
                    "",
                )
            )
    else:
        category = "lainnya"
        explanation.append(
            Evidence(
                "category",
                f"no category reached {CATEGORY_THRESHOLD:.1f} "
                f"(best {top} {cat_scores[top]:.2f}): lainnya",
                "",
            )
        )

    if outreach_note is not None:
        explanation.append(outreach_note)

    # subject: evidence plus a fit bonus for the chosen category
    compat = COMPAT.get(category, {})
    min_best = SUBJECT_MIN_LAINNYA if category == "lainnya" else SUBJECT_MIN
    final = {
        s: subj_scores[s] + compat.get(s, 0.0) + (FIRST_ACTOR_BONUS if s == first_actor else 0.0)
        for s in eligible
        if max(h.best for h in subj_hits[s]) >= min_best
    }
    if final:
        subject = max(final, key=lambda s: (final[s], -SUBJECTS.index(s)))
        for hit in sorted(subj_hits[subject], key=lambda h: -h.weight)[:4]:
            explanation.append(Evidence("subject", _fmt(hit), hit.evidence))
        if subject == first_actor:
            explanation.append(
                Evidence("subject", f"first actor named (+{FIRST_ACTOR_BONUS:.2f})", "")
            )
        if compat.get(subject):
            explanation.append(
                Evidence("subject", f"fits category {category} (+{compat[subject]:.2f})", "")
            )
    elif implied := [h for h in matcher.hits("implied", surface, stems, pos) if category != "lainnya"]:
        # no actor named, but the act itself says who does it (a recap is the organisers' work)
        best = max(implied, key=lambda h: (h.weight, -h.start))
        subject = best.rule.key
        explanation.append(Evidence("subject", f"no actor named; implied by {_fmt(best)}", best.evidence))
    else:
        subject = DEFAULT_SUBJECT.get(category, "tidak_diketahui")
        explanation.append(
            Evidence("subject", f"no actor named: default for {category} is {subject}", "")
        )
    return category, subject, cat_scores, subj_scores, explanation
