"""A tally of many cases reports no single violation; who is the reported party of an office."""

from __future__ import annotations

from kawal.triage.engine import Triage

MIXED_TALLY = (
    "Bawaslu Jawa Timur mencatat 42 dugaan pelanggaran selama tahapan Pilkada 2024. Rinciannya "
    "19 politik uang, 12 netralitas ASN dan kepala desa yang mendukung paslon, dan sisanya kampanye "
    "di tempat ibadah; terbanyak di Gresik."
)
ONE_KIND_TALLY = (
    "Bawaslu Gresik mencatat 1.250 pelanggaran pemasangan alat peraga kampanye di pohon dan tiang "
    "listrik selama masa kampanye; terbanyak di Kecamatan Manyar, disusul Kecamatan Kebomas."
)
# a statement of counts with no violation category: the parties it lists are kinds of cases
COUNTS_STATEMENT = (
    "Bawaslu Gresik menerima 27 laporan dugaan pelanggaran Pilkada hingga akhir April. Empat laporan "
    "teregistrasi, sembilan gugur karena tidak memenuhi syarat formil, dan 13 dalam perbaikan. Mayoritas "
    "menyangkut netralitas ASN; dugaan netralitas ASN akan direkomendasikan ke instansi berwenang."
)
# one report about one party: a count of one is no statement of counts
ONE_REPORT = (
    "Bawaslu Gresik menerima satu laporan tentang kepala desa di Kecamatan Manyar yang diduga "
    "mengajak warga memilih salah satu pasangan calon dalam pengajian."
)
SEKDA = (
    "Sekretaris Daerah Kabupaten Gresik dilaporkan ke Bawaslu karena mengarahkan para kepala dinas "
    "untuk mendukung salah satu pasangan calon dalam rapat di kantor bupati."
)


def test_a_tally_of_several_kinds_is_no_single_violation_and_names_no_party(triage: Triage) -> None:
    s = triage.suggest(MIXED_TALLY)
    assert (s.category, s.subject) == ("lainnya", "tidak_diketahui")
    rules = [e.rule for e in s.explanation]
    assert any(r.startswith("a tally of many cases of several kinds") for r in rules)
    assert "a tally of many cases: no single reported party" in rules


def test_a_tally_of_one_kind_keeps_its_category(triage: Triage) -> None:
    s = triage.suggest(ONE_KIND_TALLY)
    assert s.category == "kampanye"
    assert not any(e.rule.startswith("a tally") for e in s.explanation)


def test_a_statement_counting_reports_names_no_single_party(triage: Triage) -> None:
    s = triage.suggest(COUNTS_STATEMENT)
    assert (s.category, s.subject) == ("lainnya", "tidak_diketahui")
    assert any(e.rule.startswith("a statement of counted cases (") for e in s.explanation)


def test_a_single_report_is_no_statement_of_counts(triage: Triage) -> None:
    s = triage.suggest(ONE_REPORT)
    assert s.subject == "kepala_desa"
    assert not any(e.rule.startswith("a statement of counted cases") for e in s.explanation)


def test_a_regional_secretary_is_a_civil_servant(triage: Triage) -> None:
    s = triage.suggest(SEKDA)
    assert (s.category, s.subject) == ("netralitas", "asn")
