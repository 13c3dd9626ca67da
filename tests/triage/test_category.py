from __future__ import annotations

import pytest

from kawal.triage.engine import RegionEntry, Triage


@pytest.fixture(scope="module")
def rules(jatim_regions: list[RegionEntry]) -> Triage:
    return Triage(jatim_regions, home_code="35.25", word_model=False)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Ada serangan fajar di kampung kami tadi subuh.", "politik_uang"),
        ("Timses membagikan amplop berisi uang kepada warga agar memilih paslon 1.", "politik_uang"),
        ("Warga dibagi sembako oleh relawan sambil diminta mencoblos nomor 2.", "politik_uang"),
        ("Kades ikut kampanye paslon nomor 1 dan berorasi di panggung.", "netralitas"),
        ("Seorang PNS mengunggah foto dukungan kepada pasangan calon di Facebook.", "netralitas"),
        ("Babinsa ikut deklarasi dukungan kepada calon bupati.", "netralitas"),
        ("Ada pemilih yang mencoblos lebih dari sekali di TPS 4.", "pemungutan_suara"),
        ("Ketua KPPS mencoblos sisa surat suara setelah TPS ditutup.", "pemungutan_suara"),
        ("Petahana melakukan mutasi pejabat tanpa izin Menteri Dalam Negeri.", "penyalahgunaan_wewenang"),
        ("Bansos pemkab dibagikan dengan stiker bergambar calon petahana.", "penyalahgunaan_wewenang"),
        ("Paslon berkampanye di dalam masjid setelah salat Jumat.", "kampanye"),
        ("Baliho paslon dipasang di pohon dan tiang listrik.", "kampanye"),
        ("Anggota PPS melanggar kode etik karena menjadi pengurus partai.", "penyelenggara"),
        ("Pantarlih tidak melakukan coklit ke rumah warga.", "penyelenggara"),
        ("Jalan di depan rumah saya rusak, mohon diperbaiki.", "lainnya"),
    ],
)
def test_category_from_cues(triage: Triage, text: str, category: str) -> None:
    assert triage.suggest(text).category == category


@pytest.mark.parametrize("verb", ["mencoblos", "dicoblos", "coblos", "nyoblos", "pencoblosan"])
def test_coblos_forms_share_a_stem(triage: Triage, verb: str) -> None:
    assert triage.lexicon.stemmer.stem(verb) == "coblos" or verb == "nyoblos"
    s = triage.suggest(f"Surat suara sudah {verb} sebelum TPS dibuka, lebih dari sekali.")
    assert s.category == "pemungutan_suara"


def test_affixed_forms_still_match(triage: Triage) -> None:
    # membagi-bagikan / dibagikan / pembagian all reduce to "bagi"
    for form in ("membagi-bagikan", "dibagikan", "pembagian"):
        assert triage.suggest(f"Terjadi {form} uang kepada pemilih di desa.").category == "politik_uang"


def test_case_and_punctuation_noise(triage: Triage) -> None:
    clean = triage.suggest("serangan fajar oleh timses")
    noisy = triage.suggest("SERANGAN...FAJAR!!! oleh   TIMSES??")
    assert clean.category == noisy.category == "politik_uang"
    assert clean.subject == noisy.subject == "peserta"


def test_denial_weakens_cue(triage: Triage) -> None:
    assert triage.suggest("Bukan politik uang, hanya sedekah biasa.").category == "lainnya"
    assert triage.suggest("Tidak ditemukan politik uang di desa ini.").category == "lainnya"
    # a plain "tidak" describing the violation is not a denial
    assert triage.suggest("Kepala desa tidak netral dalam pilkada.").category == "netralitas"


def test_partisan_act_is_routed_by_actor(triage: Triage) -> None:
    kpps = triage.suggest("Anggota KPPS berfoto dengan pose dua jari mendukung paslon 2.")
    asn = triage.suggest("Seorang ASN berfoto dengan pose dua jari mendukung paslon 2.")
    assert kpps.category == "penyelenggara"
    assert asn.category == "netralitas"


def test_scores_cover_all_categories(triage: Triage) -> None:
    s = triage.suggest("serangan fajar")
    assert set(s.category_scores) >= {"politik_uang", "netralitas", "lainnya"}
    assert s.category_scores["politik_uang"] > s.category_scores["netralitas"]


def test_partisanship_of_an_organiser_is_an_ethics_matter(triage: Triage) -> None:
    s = triage.suggest("Dua anggota KPPS tidak netral, berfoto memakai kaos paslon dan pose jari nomor urut.")
    assert (s.category, s.subject) == ("penyelenggara", "penyelenggara")
    assert any("neutrality cues" in e.rule for e in s.explanation)


def test_a_reminder_without_an_incident_is_not_a_violation(triage: Triage) -> None:
    s = triage.suggest(
        "Bawaslu mengirim surat imbauan kepada peserta pemilu agar tidak melibatkan anak-anak dalam kampanye."
    )
    assert s.category == "lainnya"
    assert any(e.rule.startswith("outreach or reminder") for e in s.explanation)


def test_an_incident_keeps_its_category_despite_outreach_words(triage: Triage) -> None:
    s = triage.suggest("Saat sosialisasi, Bawaslu menemukan tim kampanye melibatkan anak-anak dalam kampanye terbuka.")
    assert s.category == "kampanye"


def test_a_repeat_vote_is_an_incident_despite_the_reminder_around_it(triage: Triage) -> None:
    s = triage.suggest(
        "KPU menggelar PSU di TPS 3 Desa Sukodono dan mengingatkan KPPS agar tidak mengulangi kesalahan "
        "memberikan surat suara kepada pemilih dari luar daerah."
    )
    assert s.category == "pemungutan_suara"


def test_a_ballot_paper_is_not_a_letter_of_reminder(triage: Triage) -> None:
    # "surat suara" shares its stem with "menyurati": it must not count as outreach
    s = triage.suggest(
        "Petugas KPPS memberikan empat surat suara kepada pemilih yang hanya berhak atas surat suara presiden; "
        "Panwascam menegaskan kejadian itu berpotensi melanggar aturan."
    )
    assert s.category == "pemungutan_suara"
    assert not any(e.rule.startswith("outreach or reminder") for e in s.explanation)


@pytest.mark.parametrize(
    "text",
    [
        # a request to report, not a report
        "Polri mengajak masyarakat melaporkan anggota polisi yang tidak netral lewat hotline Propam.",
        # a warning of what a sanction would follow
        "Bawaslu meminta petahana tidak mengganti pejabat karena mutasi bisa berujung sanksi diskualifikasi.",
        # a reminder of the rules to the kades
        "Bawaslu mengumpulkan para kepala desa untuk mengingatkan aturan netralitas pilkada.",
        # a candidate's consultation and commitment
        "Bakal calon bupati berkonsultasi ke Bawaslu dan berkomitmen tidak membagikan sembako dan uang.",
    ],
)
def test_warnings_and_requests_are_not_violations(triage: Triage, text: str) -> None:
    assert triage.suggest(text).category == "lainnya"


def test_a_request_does_not_hide_a_reported_incident(triage: Triage) -> None:
    s = triage.suggest(
        "Bawaslu meminta warga melaporkan kampanye di masjid; kemarin seorang caleg diduga berkampanye di masjid."
    )
    assert s.category == "kampanye"


@pytest.mark.parametrize(
    "text",
    [
        # a threat of sanctions is not a dismissal that happened
        "Propam Polri membuka hotline bagi warga dan mengancam sanksi sampai pemberhentian bagi polisi yang berpihak.",
        # a report that could be made is not a report
        "Polri mengajak masyarakat ikut mengawasi netralitas polisi; laporan bisa disampaikan lewat hotline.",
    ],
)
def test_threats_and_possibilities_are_not_incidents(triage: Triage, text: str) -> None:
    assert triage.suggest(text).category == "lainnya"


def test_a_changed_vote_count_is_a_voting_matter(triage: Triage) -> None:
    s = triage.suggest(
        "Bawaslu memeriksa dua anggota PPK yang diduga mengubah perolehan suara dan mengurangi suara seorang caleg."
    )
    assert (s.category, s.subject) == ("pemungutan_suara", "penyelenggara")


def test_an_official_car_is_abuse_of_office_for_an_official_and_a_campaign_matter_for_a_participant(
    rules: Triage,
) -> None:
    official = rules.suggest("Bupati petahana memakai mobil dinas berpelat merah ke acara tim pemenangan.")
    assert official.category == "penyalahgunaan_wewenang"
    caleg = rules.suggest("Panwascam mendapati seorang caleg datang ke kampanye terbuka dengan mobil dinas.")
    assert (caleg.category, caleg.subject) == ("kampanye", "peserta")
    assert any("used by a participant" in e.rule for e in caleg.explanation)


def test_a_report_closed_without_a_violation_is_other_and_keeps_the_party_reported(rules: Triage) -> None:
    s = rules.suggest(
        "Bawaslu menghentikan penanganan laporan dugaan kampanye di tempat ibadah oleh paslon nomor 2 "
        "karena tidak memenuhi unsur."
    )
    assert (s.category, s.subject) == ("lainnya", "peserta")
    assert any(e.rule.startswith("report closed without a violation") for e in s.explanation)


def test_a_closed_report_that_is_upheld_elsewhere_or_a_stopped_act_is_not_closed(rules: Triage) -> None:
    upheld = rules.suggest(
        "Gakkumdu menyatakan kepala desa yang ikut kampanye paslon 1 tidak memenuhi unsur pidana, "
        "tetapi melanggar UU Desa; Bawaslu meneruskannya ke bupati."
    )
    assert upheld.category == "netralitas"
    stopped = rules.suggest("Panwascam menghentikan pembagian sembako dan amplop oleh relawan paslon 2 di Desa Sawo.")
    assert stopped.category == "politik_uang"
