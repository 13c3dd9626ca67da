"""How the words around a cue change its weight.

A cue that is denied ("tidak terbukti") counts less; an actor word counts more in an actor's
position ("oknum camat", "melaporkan kepala desa") and less in the position of a recipient,
reporter, speaker or beneficiary ("kepada warga", "Kapolres mengatakan", "memindahkan suara
kepada seorang caleg"); an incident cue that is asked for, supposed or threatened
("meminta masyarakat melaporkan", "bila terbukti") does not report an incident.
"""

from __future__ import annotations

from .lexicon import Rule
from .text import noun_form

NEGATIONS = frozenset({"tidak", "bukan", "belum", "tanpa", "jangan"})
# a denial: "bukan", or tidak/belum followed by one of DENIED ("tidak ada", "tidak terbukti")
DENIED = frozenset({"ada", "ditemukan", "terbukti", "terdapat", "memenuhi", "benar", "ada unsur"})
DENIAL_SPAN = 4
HOAX_SPAN = 5  # "kabar bohong tentang tujuh kontainer surat suara ..."
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
     "memproses",
     # the agent of a passive act ("dibagikan oleh relawan paslon")
     "oleh"}
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
        # ... or the agent of an arrest ("ditangkap anggota Resmob Polsek")
        "ditangkap", "diamankan", "dibekuk", "diringkus", "ditahan",
    }
)
# right before an actor word only: the one voted for or talked about ("surat suara presiden",
# "hoaks antar pasangan calon"), or a candidate's title ("pasangan calon bupati" is not a
# sitting bupati; "calon petahana" still is the incumbent)
# ... or the name of an institution ("Komisi ASN")
# ... or the owner of the place where it happened ("di rumah ketua RT")
# ... or a former or prospective holder ("purnawirawan TNI", "mantan kades", "caleg DPRD")
RECIPIENT_BEFORE = frozenset(
    {"suara", "antar", "antara", "calon", "komisi", "rumah", "kediaman", "purnawirawan", "mantan", "eks",
     "legislatif"}
)
STILL_ACTOR_AFTER_CALON = frozenset({"petahana"})
# "kepada salah satu bakal calon", "kepada seorang caleg": these words are skipped when
# looking at the word right before an actor
TRANSPARENT_BEFORE = ("salah", "satu")
COUNT_BEFORE = frozenset({"seorang", "sebuah", "para", "sejumlah", "pasangan", "bakal"})
BENEFICIARY_TO = frozenset({"ke", "kepada", "untuk", "bagi"})
BENEFICIARY_KEYS = frozenset({"peserta"})  # only participants are named as beneficiaries
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
# the one who finds or reports an incident: "seorang pemilih mendapati surat suara sudah tercoblos"
FINDER_VERBS = frozenset({"melaporkan", "melapor", "mengadukan", "mengadu", "menemukan", "mendapati", "memergoki"})
REPORTER_NEXT = (
    FINDER_VERBS
    | {"mengaku", "merekomendasikan"}
    # ... or an enforcer: the one who removes, summons, examines, dismisses or sentences
    | {"menertibkan", "menurunkan", "mencopot", "membongkar", "menindak", "memeriksa", "memanggil",
       "menggerebek", "menelusuri", "mengklarifikasi", "memberhentikan", "memecat", "memvonis",
       "menjatuhkan", "mendiskualifikasi", "mengamankan", "menangkap", "mencatat", "menerima",
       "menegur", "mengimbau", "mengingatkan", "membekuk", "meringkus", "menahan", "menyita", "memburu",
       "menyidik", "menyelidiki", "memproses", "menggeledah", "menjemput"}
    # ... or a speaker ("Kapolres membenarkan ...", "Camat menjelaskan ...")
    | {"mengatakan", "menjelaskan", "membenarkan", "menegaskan", "mengungkapkan", "menuturkan"}
)
# a speaker is often named with a name, a place or a date before the verb ("Ketua KPU Barsel
# Roslina di Buntok menjelaskan", "Camat X, Senin (2/12), menyebut"): a speaking verb counts
# further on too when it is the first verb after the actor
SPEAKER_VERBS = frozenset(
    {"mengatakan", "menjelaskan", "membenarkan", "menegaskan", "mengungkapkan", "menuturkan", "menyebut",
     "menyebutkan", "menyatakan", "menerangkan", "memaparkan"}
)
FIRST_VERB_REPORTER = FINDER_VERBS | SPEAKER_VERBS
REPORTER_LOOKAHEAD = 3  # "Polres Gresik Kota menangkap": the verb may follow a name
# "Pengawas TPS 33 Rawamangun, Pulo Gadung, Jakarta Timur, melaporkan": a finding, reporting or
# speaking verb further on counts when it is the first verb after the actor
FINDER_LOOKAHEAD = 10
VERB_PREFIXES = ("me", "di", "ber", "ter")
CONTEXT_PENALTY = 0.3
# an incident cue after one of these is asked for, supposed or threatened, not reported
# ("meminta masyarakat ikut mencegah dan melaporkan", "bila terbukti", "agar melapor",
# "mengancam sanksi … pemberhentian")
REQUEST_BEFORE = frozenset(
    {"meminta", "mengajak", "mengimbau", "imbauan", "agar", "supaya", "bila", "jika", "apabila", "kalau", "bagi",
     "mengancam", "diancam", "terancam", "ancaman"}
)
REQUEST_SPAN = 5
MAY_AFTER = frozenset({"bisa", "dapat"})  # "laporan juga bisa disampaikan": a possibility


def context(rule: Rule, start: int, end: int, surface: list[str], actor: bool) -> tuple[float, str]:
    """The factor the words around one occurrence give it, and a note for the explanation."""
    factor = 1.0
    note = ""
    if rule.parts[0][0] not in NEGATIONS and _denied(surface, start):
        factor *= NEGATION_FACTOR
        note = "denied"
    if rule.kind == "cat" and rule.key != "kampanye" and _hoax_before(surface, start):
        # "hoaks surat suara tercoblos": what a hoax claims did not happen; spreading it is the incident
        factor *= NEGATION_FACTOR
        note = "hoax content"
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
        elif _reporter_next(surface[end : end + REPORTER_LOOKAHEAD]) or _finder_verb_first(
            surface[end : end + FINDER_LOOKAHEAD]
        ):
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


HOAX_WORDS = frozenset({"hoaks", "bohong", "disinformasi"})


def _hoax_before(surface: list[str], start: int) -> bool:
    return not HOAX_WORDS.isdisjoint(surface[max(0, start - HOAX_SPAN) : start])


def _finder_verb_first(words: list[str]) -> bool:
    """The first verb-like word among ``words`` finds, reports or speaks (not "membagikan ... lalu
    melaporkan")."""
    for w in words:
        if w in FIRST_VERB_REPORTER:
            return True
        if len(w) >= 5 and w.startswith(VERB_PREFIXES):
            return False
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
