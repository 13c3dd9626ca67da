"""What a text's structure says that its words alone do not.

Whether the text reports a violation at all (outreach or a reminder without an incident, a
report closed without a violation, a tally of many cases of several kinds), and whether an
act whose doer is seldom named ("baliho dirusak") has its doer named after all. ``classify.py`` uses both.
"""

from __future__ import annotations

from .matcher import Hit, Matcher
from .types import Evidence

# outreach or a reminder without a reported incident: violation categories scaled down
OUTREACH_MIN = 2.5
OUTREACH_INCIDENT_MAX = 1.0  # incident cues at or above this keep the categories
OUTREACH_FACTOR = 0.15
# a report closed without a violation ("dihentikan", "tidak memenuhi unsur"): scaled the same
# way, unless the text upholds another part of it ("tetapi melanggar UU Desa", "diteruskan")
CLOSED_MIN = 2.0
UPHELD_MAX = 1.0
CLOSED = "report closed without a violation"  # how the explanation line starts
# an act whose doer is seldom named (a baliho torn down): those named beside it own or found it
ANONYMOUS_BYSTANDERS = frozenset({"peserta", "penyelenggara"})
DOER_SPAN = 5  # how far before an act ("tim sukses paslon 1 sendiri merusak") its doer may be named
# a tally of many cases of several kinds ("40 pelanggaran: 8 administrasi, 19 kode etik ...,
# sebagian politik uang") reports no single violation and no single reported party
TALLY_MIN = 3.0
TALLY_KINDS = 2  # violation categories that each reach the category threshold
TALLY = "a tally of many cases of several kinds"  # how the explanation line starts
CASE_NOUNS = frozenset({"kasus", "pelanggaran", "laporan", "temuan", "perkara", "aduan"})
COUNT_WORDS = frozenset({"belasan", "puluhan", "ratusan", "ribuan"})
COUNTED_CASES = 1.0  # "55 kasus", "270 dugaan pelanggaran": one cue, however many
# a statement that counts reports ("menerima 27 laporan ... empat teregistrasi, sembilan gugur")
# and that is read as no violation has no single reported party either: the parties it lists
# are the kinds of cases counted. Counted cases are read more widely here (small numbers as
# words, "pengaduan"): the subject does not scale the categories. Measured with 30 real sets
# left out in turn, data/README.md ("Fourteenth round")
STATEMENT_COUNTS = 2
STATEMENT = "a statement of counted cases"  # how the explanation line starts
NUMBER_WORDS = frozenset({"dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"})
STATEMENT_NOUNS = CASE_NOUNS | {"pengaduan"}
STATEMENT_NUMBERS = COUNT_WORDS | NUMBER_WORDS


def doer_named(matcher: Matcher, surface: list[str], stems: list[str], keys: frozenset[str]) -> bool:
    """An actor of ``keys`` named as the one who did an anonymous act: right before its active
    form ("tim sukses paslon 1 sendiri merusak baliho") or after "oleh" ("dirobek oleh relawan")."""
    words: frozenset[str] | None = None  # built only once an act is found (most texts have none)
    for i, stem in enumerate(stems):
        if stem not in matcher.anonymous_acts:
            continue
        if words is None:
            words = frozenset().union(*(matcher.actor_words.get(k, frozenset()) for k in keys))
        if surface[i].startswith("me") and not words.isdisjoint(surface[max(0, i - DOER_SPAN) : i]):
            return True
        if surface[i + 1 : i + 2] == ["oleh"] and not words.isdisjoint(surface[i + 2 : i + 2 + DOER_SPAN]):
            return True
    return False


# (cue kind, its minimum, the kind that keeps the violation, its maximum, the explanation)
QUIET_READINGS = (
    ("outreach", OUTREACH_MIN, "incident", OUTREACH_INCIDENT_MAX, "outreach or reminder ({:.2f}), no incident cue"),
    ("closed", CLOSED_MIN, "upheld", UPHELD_MAX, CLOSED + " ({:.2f})"),
)


def no_violation(
    matcher: Matcher, surface: list[str], stems: list[str], pos: dict[str, list[int]]
) -> Evidence | None:
    """Why the text reports no violation, if it does not: outreach or a reminder without an
    incident, or a report closed without a violation ("menghentikan penanganan", "tidak
    memenuhi unsur") that nothing in the text upholds ("tetapi melanggar", "diteruskan")."""
    for kind, least, keeper, keeper_max, label in QUIET_READINGS:
        cues = matcher.hits(kind, surface, stems, pos)
        total = sum(h.weight for h in cues)
        # the keeping cues are looked up only when needed (most texts have neither)
        if total >= least and sum(h.weight for h in matcher.hits(keeper, surface, stems, pos)) < keeper_max:
            return Evidence("category", f"{label.format(total)}: categories x{OUTREACH_FACTOR}", _cue_words(cues))
    return None


def _cue_words(hits: list[Hit]) -> str:
    return ", ".join(h.evidence for h in sorted(hits, key=lambda h: -h.weight)[:3])


def case_tally(
    matcher: Matcher,
    surface: list[str],
    stems: list[str],
    pos: dict[str, list[int]],
    kinds: int,
) -> Evidence | None:
    """Why the text is a tally of many cases (``kinds`` violation categories reached the
    threshold), if it is: counted cases ("55 kasus") and tally words ("rinciannya",
    "terbanyak", "disusul")."""
    if kinds < TALLY_KINDS:
        return None
    cues = matcher.hits("tally", surface, stems, pos)
    total = sum(h.weight for h in cues) + (COUNTED_CASES if counted_cases(surface, COUNT_WORDS, CASE_NOUNS) else 0.0)
    if total < TALLY_MIN:
        return None
    return Evidence("category", f"{TALLY} ({total:.2f}): categories x{OUTREACH_FACTOR}", _cue_words(cues))


def counted_cases(surface: list[str], numbers: frozenset[str], nouns: frozenset[str]) -> int:
    """How often the text gives a number of cases: "40 pelanggaran", "270 dugaan pelanggaran",
    "puluhan laporan" (``numbers``: the words that count besides digits)."""
    n = 0
    for i, word in enumerate(surface[:-1]):
        if (word.isdigit() or word in numbers) and not nouns.isdisjoint(surface[i + 1 : i + 3]):
            n += 1
    return n


def counts_statement(surface: list[str]) -> Evidence | None:
    """Why a text read as no violation names no single reported party, if it counts cases."""
    n = counted_cases(surface, STATEMENT_NUMBERS, STATEMENT_NOUNS)
    if n < STATEMENT_COUNTS:
        return None
    return Evidence("subject", f"{STATEMENT} ({n}): no single reported party", "")
