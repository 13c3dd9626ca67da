"""Explanations read as Indonesian sentences on the screens; every rule form the engine writes is known."""

import json
import re
from pathlib import Path

import pytest
from django.utils import translation

from kawal.triage.engine import Triage
from kawal.triage.explain import describe

KNOWN = [
    ("cat:amplop (+4.00)", "kata kunci “amplop” (bobot +4.00)"),
    ("cat:bagi ~ uang (+4.80)", "kata kunci “bagi” dekat “uang” (bobot +4.80)"),
    ("subj:tim sukses (+5.85, actor context)", "pelaku “tim sukses” (bobot +5.85, pada posisi pelaku)"),
    (
        "runner-up penyelenggara scored 5.95 vs 35.50",
        "kategori berikutnya: Pelanggaran oleh penyelenggara, skor 5.95 dibanding 35.50",
    ),
    ("first actor named (+0.50)", "pelaku pertama yang disebut teks (+0.50)"),
    (
        "close call: politik_uang leads kampanye by 0.26",
        "belum pasti: Politik uang hanya unggul 0.26 atas pilihan kedua, "
        "Pelanggaran aturan kampanye; periksa keduanya",
    ),
    (
        "close call: peserta leads tidak_diketahui by 0.19",
        "belum pasti: Peserta/pasangan calon atau tim kampanye hanya unggul 0.19 atas “Tidak diketahui”; "
        "bila teks tidak menyebut siapa pelakunya, tolak saran ini",
    ),
    (
        "close call: kampanye with kepala_desa is rare (0.002)",
        "belum pasti: Pelanggaran aturan kampanye dengan terlapor Kepala desa/lurah jarang ada dalam data "
        "berlabel (0.2% dari teks kategori itu): salah satunya mungkin keliru; periksa pilihan kedua",
    ),
    ("forum:dkpp (+3.00)", "lembaga yang hanya memeriksa penyelenggara “dkpp” (bobot +3.00)"),
    (
        "subj:kepala desa (+0.30, recipient/reporter context)",
        "pelaku “kepala desa” (bobot +0.30, pada posisi penerima, pelapor atau narasumber)",
    ),
    (
        "subj:calon legislatif (+0.90, beneficiary context)",
        "pelaku “calon legislatif” (bobot +0.90, "
        "pada posisi pihak yang diuntungkan (perbuatannya dilakukan pihak lain))",
    ),
    ("cat:politik uang (+0.70, denied)", "kata kunci “politik uang” (bobot +0.70, disangkal dalam teks)"),
    (
        "partisan:dukung (+0.40, denied) routed to netralitas by actor none (x0.4)",
        "sikap berpihak “dukung” (bobot +0.40) dihitung sebagai Netralitas ASN, TNI, POLRI atau aparat desa: "
        "tidak ada pelaku yang disebut (disangkal dalam teks)",
    ),
    (
        "the actor is unknown: unknown:orang tidak dikenal (+1.00)",
        "teks menyebut pelakunya tidak diketahui: pelaku tak diketahui “orang tidak dikenal” (bobot +1.00)",
    ),
    (
        "facility:mobil dinas (+0.50, denied) counted as kampanye: used by a participant, no official named",
        "fasilitas negara “mobil dinas” (bobot +0.50) dihitung sebagai Pelanggaran aturan kampanye: "
        "dipakai peserta, tidak ada pejabat yang disebut (disangkal dalam teks)",
    ),
    (
        "nobody is named as the doer of anonymous:robek (+1.00)",
        "tidak ada yang disebut sebagai pelakunya: perbuatan “robek” (bobot +1.00)",
    ),
    (
        "report closed without a violation (4.00): categories x0.15",
        "laporan dihentikan atau dinyatakan bukan pelanggaran (4.00): skor pelanggaran x0.15",
    ),
    (
        "word model leaned to kampanye 0.87, rules kept: lainnya 0.03 (+1.50)",
        "model kata condong ke Pelanggaran aturan kampanye (peluang 0.87); pilihan aturan, Lainnya, "
        "tetap dipakai (peluang 0.03, bobot +1.50); kata yang mendukungnya:",
    ),
    (
        "word model: tidak_diketahui 0.41 (prior +0.20), rules: peserta (+0.40)",
        "model kata memilih Tidak diketahui (peluang 0.41, tambahan tetap +0.20), "
        "bukan Peserta/pasangan calon atau tim kampanye "
        "dari aturan (bobot +0.40); kata yang paling berpengaruh:",
    ),
    (
        "word model leaned to kampanye 0.55, rules kept: lainnya 0.30 (prior -0.10) (+1.50)",
        "model kata condong ke Pelanggaran aturan kampanye (peluang 0.55); pilihan aturan, Lainnya, "
        "tetap dipakai (peluang 0.30, tambahan tetap -0.10, bobot +1.50); kata yang mendukungnya:",
    ),
    (
        "second choice: warga 0.31, rules: peserta (+0.40)",
        "paling mungkin berikutnya menurut model kata dan aturan bersama: Warga (peluang model kata 0.31; "
        "aturan memilih Peserta/pasangan calon atau tim kampanye)",
    ),
    (
        "a tally of many cases of several kinds (3.00): categories x0.15",
        "rekap banyak kasus dari beberapa jenis (3.00): skor pelanggaran x0.15",
    ),
    ("a tally of many cases: no single reported party", "rekap banyak kasus: tidak ada satu pihak terlapor"),
    (
        "a statement of counted cases (3): no single reported party",
        "keterangan yang menghitung kasus (3 kali menyebut jumlah kasus): tidak ada satu pihak terlapor",
    ),
    ("similarity 0.62", "skor kejadian yang sama 0.62"),
    (
        "outreach or reminder (4.50), no incident cue: categories x0.2",
        "sosialisasi, imbauan atau rapat (4.50) tanpa kejadian yang dilaporkan: skor pelanggaran x0.2",
    ),
    ("same place", "tempat yang sama"),
    ("shared words", "kata yang sama"),
    ("marker 'desa' -> desa 35.25.14.2002", "setelah kata “desa” → desa 35.25.14.2002"),
    (
        "unmarked name, parent named in text, ambiguous: 2 candidates, all suggested -> desa 35.25.01.2001",
        "nama tanpa penanda, wilayah di atasnya juga disebut, ambigu: 2 calon, semua disarankan → desa 35.25.01.2001",
    ),
]


@pytest.mark.parametrize(("rule", "expected"), KNOWN)
def test_known_rules_read_as_indonesian(rule: str, expected: str) -> None:
    with translation.override("id"):
        assert describe(rule) == expected


def test_an_unknown_rule_is_shown_as_it_is() -> None:
    assert describe("something new (+1.00)") == "something new (+1.00)"


DATA = Path(__file__).resolve().parents[2] / "kawal" / "triage" / "data"
# a rule's own notation left in the text: "subj:camat", "unknown:akun palsu"
RULE_NOTATION = re.compile(r"\b(?:cat|subj|implied|unknown|partisan|outreach|incident):")


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.jsonl")))
def test_every_rule_on_the_labelled_sets_has_a_translation(triage: Triage, name: str) -> None:
    data = DATA / name
    unknown = set()
    with translation.override("id"):
        for line in data.read_text(encoding="utf-8").splitlines():
            for why in triage.suggest(json.loads(line)["text"]).to_dict()["explanation"]:
                text = describe(why["rule"])
                untranslated = RULE_NOTATION.search(text) or any(
                    note in text for note in ("context", "denied", "routed", "actor none")
                )
                if why["field"] in {"category", "subject", "places"} and (text == why["rule"] or untranslated):
                    unknown.add(why["rule"])
    assert not unknown, sorted(unknown)[:10]
