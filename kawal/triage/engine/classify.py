"""Weighted-cue scoring of category and subject, with explanations.

The rules' hits (``matcher.py``) are summed per category and per actor, routed by who acted,
and blended with the word model's reading (``wordmodel.py``).
"""

from __future__ import annotations

from collections import defaultdict

from .context import CONTEXT_PENALTY
from .lexicon import Lexicon
from .matcher import Hit, Matcher
from .structure import (
    ANONYMOUS_BYSTANDERS,
    CLOSED,
    OUTREACH_FACTOR,
    TALLY,
    case_tally,
    counts_statement,
    doer_named,
    no_violation,
)
from .text import noun_form
from .types import CATEGORIES, SUBJECTS, Evidence
from .wordmodel import Reading, rare_pair_lines

SUBJECT_MIN = 1.0  # an actor needs one mention worth this much to be suggested
SUBJECT_MIN_LAINNYA = 2.0  # ... and more when the text is not about a violation
FIRST_ACTOR_BONUS = 0.5  # the reported party is usually named first
CATEGORY_THRESHOLD = 2.0
# generic person words and how far after them a role names who they are ("apposition")
GENERIC_PERSON = frozenset(
    {"orang berinisial", "berinisial", "orang", "seorang pria", "seorang perempuan", "seorang wanita", "seseorang"}
)
APPOSITION_SPAN = 8
UNKNOWN_MIN = 0.5  # "tidak ada orang tak dikenal": a denied unknown-actor phrase does not count
PASSIVE_NOTES = frozenset({"recipient/reporter context", "beneficiary context"})
# word model (wordmodel.py): added to the rules' bonus where the rules read structure
NAMED_ACTOR_BONUS = 0.3  # the rules found a named actor
NO_INCIDENT_BONUS = 1.0  # the rules found no violation (outreach, a closed report, a denial): they decide

# a state facility (an official car) used by a participant with no official named is a
# campaign-rule matter (UU 10/2016 Pasal 69 huruf h), not an abuse of office
FACILITY_PARTICIPANT_CATEGORY = "kampanye"

# categories whose reported party is never the participant they favour, and who that party is
BENEFICIARY_CATEGORIES: dict[str, tuple[str, ...]] = {
    "netralitas": ("asn", "tni", "polri", "kepala_desa", "perangkat_desa", "pejabat"),
    "penyelenggara": ("penyelenggara",),
    "penyalahgunaan_wewenang": ("pejabat", "asn", "kepala_desa"),
}
BENEFICIARY_FACTOR = 0.7

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


def _apposition(hits: list[Hit]) -> list[Hit]:
    """A person named only as such, then by role, is that role.

    "dua orang berinisial ND dan MH, anggota tim pemenangan paslon": the generic person words
    ("orang berinisial", "seorang pria") yield to a specific actor named right after them
    in an actor's position.
    """
    specific = [
        h.start for h in hits
        if h.rule.key not in ("warga", "tidak_diketahui") and h.best >= SUBJECT_MIN and h.note not in PASSIVE_NOTES
    ]
    if not specific:
        return hits
    for h in hits:
        if h.rule.source in GENERIC_PERSON and any(0 < s - h.start <= APPOSITION_SPAN for s in specific):
            h.weight *= CONTEXT_PENALTY
            h.best *= CONTEXT_PENALTY
            h.note = "apposition"
    return hits


def _positions(matcher: Matcher, stems: list[str]) -> dict[str, list[int]]:
    """Where each stem that some rule mentions occurs (what the matcher looks rules up in)."""
    rule_words = matcher.stem_words
    pos: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(stems):
        if s in rule_words:
            pos[s].append(i)
    return pos


def category_cues(matcher: Matcher, surface: list[str], stems: list[str]) -> list[int]:
    """Where the violation cues of a text start (the actor model reads how near each party is)."""
    return [hit.start for hit in matcher.hits("cat", surface, stems, _positions(matcher, stems))]


def subject_hits(matcher: Matcher, surface: list[str]) -> list[Hit]:
    """The actor words of a text, weighed by their context (what the subject is chosen from)."""
    # actors are nouns: matched as written (less "-nya"), so "memilih" is not "pemilih"
    # (one pass; the token list is copied only when a token carries "-nya")
    subj_words = matcher.words.get("subj", frozenset())
    npos: dict[str, list[int]] = defaultdict(list)
    nouns = surface
    for i, s in enumerate(surface):
        if s[-3:] == "nya":
            s = noun_form(s)
            if nouns is surface:
                nouns = list(surface)
            nouns[i] = s
        if s in subj_words:
            npos[s].append(i)
    return _apposition(matcher.hits("subj", surface, nouns, npos))


def unnamed_doers(
    matcher: Matcher, surface: list[str], stems: list[str], pos: dict[str, list[int]] | None = None
) -> tuple[list[Hit], list[Hit]]:
    """A doer the text calls unknown ("orang tak dikenal"), and acts it tells without a doer
    ("balihonya dirobek"), as ``tidak_diketahui`` hits (a denied one does not count)."""
    pos = _positions(matcher, stems) if pos is None else pos
    said = [h for h in matcher.hits("unknown", surface, stems, pos) if h.weight >= UNKNOWN_MIN]
    left_out = [h for h in matcher.hits("anonymous", surface, stems, pos) if h.weight >= UNKNOWN_MIN]
    return said, left_out


def actor_candidates(named: list[Hit], unnamed: tuple[list[Hit], list[Hit]]) -> list[Hit]:
    """The parties the actor model weighs: those the text names, and an unnamed doer
    (``unnamed_doers``). The words around those say who is reported as much as the words
    around a named party do."""
    said, left_out = unnamed
    return named + said + left_out


def _route(lex: Lexicon, actor: str, hits: list[Hit]) -> str:
    """The category of an actor's partisan acts: its route, or its strongest phrase's ("official")."""
    strongest = max(hits, key=lambda h: (h.weight, -h.start))
    return lex.official_routes.get(strongest.rule.source) or lex.routes[actor]


def _ranked(cat_scores: dict[str, float]) -> list[str]:
    return sorted((c for c in CATEGORIES if c != "lainnya"), key=lambda c: (-cat_scores[c], CATEGORIES.index(c)))


def rules_category(cat_scores: dict[str, float]) -> str:
    """The category the rules alone choose from their scores (before the word model's say)."""
    top = _ranked(cat_scores)[0]
    return top if cat_scores[top] >= CATEGORY_THRESHOLD else "lainnya"


def _fmt(hit: Hit) -> str:
    extra = f", {hit.note}" if hit.note else ""
    return f"{hit.rule.kind}:{hit.rule.source} (+{hit.weight:.2f}{extra})"


def _category_explanation(
    category: str,
    rule_category: str,
    ranked: list[str],
    cat_scores: dict[str, float],
    cat_hits: dict[str, list[tuple[Hit | None, str, float]]],
) -> list[Evidence]:
    """The rule hits behind ``category`` (the rules' choice or the blend's)."""
    explanation: list[Evidence] = []
    if category != "lainnya":
        for maybe_hit, rule_text, _w in sorted(cat_hits[category], key=lambda t: -t[2])[:6]:
            explanation.append(Evidence("category", rule_text, maybe_hit.evidence if maybe_hit else ""))
    if category == rule_category != "lainnya":
        runner = ranked[1]
        if cat_scores[runner] > 0:
            explanation.append(
                Evidence(
                    "category",
                    f"runner-up {runner} scored {cat_scores[runner]:.2f} vs {cat_scores[category]:.2f}",
                    "",
                )
            )
    elif rule_category == "lainnya":
        top = ranked[0]
        explanation.append(
            Evidence(
                "category",
                f"no category reached {CATEGORY_THRESHOLD:.1f} (best {top} {cat_scores[top]:.2f}): lainnya",
                "",
            )
        )
    return explanation


def classify(
    matcher: Matcher,
    surface: list[str],
    stems: list[str],
    amount_count: int,
    reading: Reading | None = None,
) -> tuple[str, str, dict[str, float], dict[str, float], list[Evidence], dict[str, tuple[str, Evidence]]]:
    """Return category, subject, both score tables, the explanation and the second choices.

    With the word model's ``reading`` of the text, the rules' category and subject are
    blended with the model's (``wordmodel.py``), and the blend's next label for each field
    is the second choice (none with the rules alone).
    """
    second: dict[str, tuple[str, Evidence]] = {}
    close_calls: list[Evidence | None] = []  # the blend's choices that its second choice came close to
    pos = _positions(matcher, stems)
    cat_scores: dict[str, float] = dict.fromkeys(CATEGORIES, 0.0)
    cat_hits: dict[str, list[tuple[Hit | None, str, float]]] = defaultdict(list)
    cues = matcher.hits("cat", surface, stems, pos)
    for hit in cues:
        cat_scores[hit.rule.key] += hit.weight
        cat_hits[hit.rule.key].append((hit, _fmt(hit), hit.weight))
    if amount_count:
        w = 1.0
        cat_scores["politik_uang"] += w
        cat_hits["politik_uang"].append((None, f"amount of money mentioned (+{w:.2f})", w))

    subj_scores: dict[str, float] = dict.fromkeys(SUBJECTS, 0.0)
    subj_hits: dict[str, list[Hit]] = defaultdict(list)
    hits = subject_hits(matcher, surface)
    for hit in hits:
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
            target = _route(lex, routed_actor, subj_hits[routed_actor])
            factor = 1.0
        else:
            target, factor = "netralitas", 0.4
        cat_scores[target] += total * factor
        for h in partisan:
            cat_hits[target].append(
                (h, f"{_fmt(h)} routed to {target} by actor {routed_actor or 'none'} (x{factor})",
                 h.weight * factor)
            )
    for hit in matcher.hits("facility", surface, stems, pos):
        if routed_actor is None and "peserta" in eligible:
            target = FACILITY_PARTICIPANT_CATEGORY
            why = f"{_fmt(hit)} counted as {target}: used by a participant, no official named"
        else:
            target, why = hit.rule.key, _fmt(hit)
        cat_scores[target] += hit.weight
        cat_hits[target].append((hit, why, hit.weight))
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

    # a forum that hears one kind of party only (DKPP: organisers) makes that party a party
    # to the case, whoever else the text names (added after the routing: the forum says who
    # is reported, not what the matter is)
    for hit in matcher.hits("forum", surface, stems, pos):
        subj_scores[hit.rule.key] += hit.weight
        subj_hits[hit.rule.key].append(hit)
        eligible.add(hit.rule.key)

    quiet_note = no_violation(matcher, surface, stems, pos) or case_tally(
        matcher, surface, stems, pos, sum(c != "lainnya" and v >= CATEGORY_THRESHOLD for c, v in cat_scores.items())
    )
    tally = quiet_note is not None and quiet_note.rule.startswith(TALLY)
    if quiet_note is not None:
        for c in cat_scores:
            cat_scores[c] *= OUTREACH_FACTOR

    ranked = _ranked(cat_scores)
    rule_category = rules_category(cat_scores)
    category, model_note = rule_category, None
    if reading is not None:
        # "no incident, only outreach" and "tidak ditemukan politik uang" are read from the
        # text's structure, which words cannot see
        denied = rule_category == "lainnya" and any(
            hit is not None and hit.note == "denied" for hits in cat_hits.values() for hit, _t, _w in hits
        )
        extra = NO_INCIDENT_BONUS if quiet_note is not None or denied else 0.0
        chosen = reading.choices("category", rule_category, extra)
        (category, model_note), second["category"] = chosen.first, chosen.second
        close_calls.append(chosen.close_call())
    explanation = _category_explanation(category, rule_category, ranked, cat_scores, cat_hits)
    if model_note is not None and category != rule_category:
        explanation.insert(0, model_note)
    elif model_note is not None:
        explanation.append(model_note)
    if quiet_note is not None:
        explanation.append(quiet_note)

    # subject: evidence plus a fit bonus for the chosen category; a closed report's subject
    # is still the party reported for the violation it alleged (scaling kept the ranking)
    closed = quiet_note is not None and quiet_note.rule.startswith(CLOSED)
    basis = ranked[0] if closed and cat_scores[ranked[0]] > 0 else rule_category
    about = basis if closed else category  # the matter whose actor is looked for
    compat = COMPAT.get(basis, {})
    min_best = SUBJECT_MIN_LAINNYA if basis == "lainnya" else SUBJECT_MIN
    final = {
        s: subj_scores[s] + compat.get(s, 0.0) + (FIRST_ACTOR_BONUS if s == first_actor else 0.0)
        for s in eligible
        if max(h.best for h in subj_hits[s]) >= min_best
    }
    if "peserta" in final and any(s in final for s in BENEFICIARY_CATEGORIES.get(basis, ())):
        # in a neutrality, an organiser's or an abuse-of-office matter the pair is the one backed,
        # not the one reported
        final["peserta"] *= BENEFICIARY_FACTOR
    unnamed = unnamed_doers(matcher, surface, stems, pos)
    unknown = [] if about == "lainnya" else unnamed[0]
    if (
        not unknown
        and about != "lainnya"
        and not set(final) - ANONYMOUS_BYSTANDERS
        and not doer_named(matcher, surface, stems, ANONYMOUS_BYSTANDERS)
    ):
        unknown = unnamed[1]
    # a text read as no violation that counts cases lists kinds of cases, not one party
    statement = None if tally or category != "lainnya" else counts_statement(surface)
    if tally or statement is not None:
        subject = "tidak_diketahui"
        explanation.append(statement or Evidence("subject", "a tally of many cases: no single reported party", ""))
    elif unknown:
        # "dirusak orang tak dikenal": named pairs or organisers are owners or finders here
        best = max(unknown, key=lambda h: (h.weight, -h.start))
        subject = best.rule.key
        why = "nobody is named as the doer of" if best.rule.kind == "anonymous" else "the actor is unknown:"
        explanation.append(Evidence("subject", f"{why} {_fmt(best)}", best.evidence))
    elif final:
        subject = max(final, key=lambda s: (final[s], -SUBJECTS.index(s)))
        for hit in sorted(subj_hits[subject], key=lambda h: -h.weight)[:4]:
            explanation.append(Evidence("subject", _fmt(hit), hit.evidence))
        if subject == first_actor:
            explanation.append(
                Evidence("subject", f"first actor named (+{FIRST_ACTOR_BONUS:.2f})", "")
            )
        if compat.get(subject):
            explanation.append(
                Evidence("subject", f"fits category {basis} (+{compat[subject]:.2f})", "")
            )
    elif implied := [h for h in matcher.hits("implied", surface, stems, pos) if about != "lainnya"]:
        # no actor named, but the act itself says who does it (a recap is the organisers' work)
        best = max(implied, key=lambda h: (h.weight, -h.start))
        subject = best.rule.key
        explanation.append(Evidence("subject", f"no actor named; implied by {_fmt(best)}", best.evidence))
    else:
        subject = DEFAULT_SUBJECT.get(about, "tidak_diketahui")
        explanation.append(
            Evidence("subject", f"no actor named: default for {about} is {subject}", "")
        )
    if reading is not None:
        rule_subject = subject
        # a party the text names as the actor is the rules' finding; the words alone
        # cannot tell who did it, so they need a clearer lead to overrule it
        extra = NO_INCIDENT_BONUS if tally or statement else NAMED_ACTOR_BONUS if final or unknown else 0.0
        # which party the words around each mention point to (actors.py)
        actors = (
            reading.model.actors.read(actor_candidates(hits, unnamed), stems, [h.start for h in cues])
            if reading.model.actors is not None
            else None
        )
        chosen = reading.choices("subject", rule_subject, extra, actors.boosts() if actors is not None else None)
        (subject, note), second["subject"] = chosen.first, chosen.second
        close_calls.append(chosen.close_call())
        # a category and a party the labelled sets seldom pair: one of the two is probably wrong
        close_calls += rare_pair_lines(category, subject, reading.model.pairs)
        if subject != rule_subject:
            # the rules' reasons were for another party: only the model's line explains it
            explanation = [e for e in explanation if e.field != "subject"]
            for hit in sorted(subj_hits.get(subject, []), key=lambda h: -h.weight)[:2]:
                explanation.append(Evidence("subject", _fmt(hit), hit.evidence))
        explanation.append(note)
        if actors is not None and (line := actors.line(subject)) is not None:
            explanation.append(line)
    explanation += [e for e in close_calls if e is not None]
    return category, subject, cat_scores, subj_scores, explanation, second
