from __future__ import annotations

import pytest

from kawal.triage.engine import Triage


@pytest.fixture(scope="module")
def rules() -> Triage:
    """The rules alone: their structural reading, before the word model blends in."""
    return Triage(word_model=False)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Kades ikut kampanye paslon nomor 1.", "kepala_desa"),
        ("Kepala Desa Sawo mengajak warga memilih paslon.", "kepala_desa"),
        ("Sekdes memasang spanduk paslon di kantor desa.", "perangkat_desa"),
        ("Seorang PNS dinas pendidikan mengunggah dukungan untuk paslon.", "asn"),
        ("Oknum anggota TNI ikut deklarasi relawan paslon.", "tni"),
        ("Bhabinkamtibmas mengajak warga mendukung calon gubernur.", "polri"),
        ("Pj Bupati memutasi sejumlah camat tanpa izin menteri.", "pejabat"),
        ("Ketua KPPS tidak membagikan formulir C pemberitahuan.", "penyelenggara"),
        ("Timses membagikan amplop berisi uang kepada warga.", "peserta"),
        ("Seorang warga kedapatan mencoblos dua kali di TPS berbeda.", "warga"),
        ("Ditemukan surat suara sudah tercoblos sebelum TPS dibuka.", "tidak_diketahui"),
    ],
)
def test_subject_of_reported_party(triage: Triage, text: str, subject: str) -> None:
    assert triage.suggest(text).subject == subject


def test_recipient_is_not_the_actor(triage: Triage) -> None:
    # "warga" receives, "tim sukses" gives
    s = triage.suggest("Tim sukses membagikan uang kepada warga.")
    assert s.subject == "peserta"


def test_empty_text_is_unknown(triage: Triage) -> None:
    for text in ("", "   ", "\n\t"):
        s = triage.suggest(text)
        assert (s.category, s.subject) == ("lainnya", "tidak_diketahui")


def test_a_verb_does_not_name_an_actor(triage: Triage) -> None:
    # "memilih"/"mendukung" are verbs; only the nouns "pemilih"/"pendukung" name a party
    s = triage.suggest("Camat mengajak warga memilih dan mendukung paslon nomor 1 dalam sambutannya.")
    assert s.subject == "asn"


def test_recount_without_a_named_actor_points_to_the_organisers(triage: Triage) -> None:
    s = triage.suggest("Terdapat selisih jumlah suara antara C Hasil dan rekapitulasi di kecamatan.")
    assert (s.category, s.subject) == ("pemungutan_suara", "penyelenggara")
    assert any("implied" in e.rule for e in s.explanation if e.field == "subject")


def test_enforcer_is_not_the_reported_party(triage: Triage) -> None:
    s = triage.suggest("Satpol PP menurunkan baliho paslon yang dipasang di pohon.")
    assert (s.category, s.subject) == ("kampanye", "peserta")


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a ballot "for the president" names no actor
        ("Surat suara presiden di TPS 5 ditemukan sudah tercoblos sebelum dibagikan.", "tidak_diketahui"),
        # counted voters who found something are reporters, not the reported party
        ("Surat suara sudah berlubang; dua pemilih menemukannya di bilik suara.", "tidak_diketahui"),
        # a candidate for bupati is not a sitting bupati
        ("Akun anonim menyebar hoaks antar pasangan calon bupati selama masa kampanye.", "tidak_diketahui"),
        # an incumbent running again is still the incumbent
        ("Bantuan dinas sosial dikemas dengan spanduk bertuliskan nama calon petahana.", "pejabat"),
    ],
)
def test_who_is_not_the_reported_party(triage: Triage, text: str, subject: str) -> None:
    assert triage.suggest(text).subject == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the candidate is the one votes were moved to; the PPK moved them
        ("Anggota PPK diduga memindahkan suara partai kepada seorang caleg di tiga TPS.", "penyelenggara"),
        # the candidate is the one introduced, the Pj is the one who acts
        ("Penjabat Bupati memperkenalkan seorang calon anggota DPD sebagai ketua relawan.", "pejabat"),
        # banners of a pair: the police officer put them up
        ("Seorang polisi diduga memasang baliho pasangan capres nomor 2 di depan polsek.", "polri"),
        # the one found is the reported party
        ("Bawaslu menemukan peserta pemilu membagikan sembako kepada warga.", "peserta"),
        # the one notified is not an actor
        ("Tim kampanye tidak memberi tahu polisi sebelum menggelar kampanye di lapangan.", "peserta"),
        # accounts spreading hoaxes: nobody known
        ("Bawaslu menemukan akun penyebar hoaks tentang paslon nomor 1.", "tidak_diketahui"),
    ],
)
def test_the_one_who_benefits_is_not_the_reported_party(triage: Triage, text: str, subject: str) -> None:
    assert triage.suggest(text).subject == subject


def test_teenagers_who_damage_a_partys_banner_are_named_by_the_rules_and_not_the_party(
    triage: Triage, rules: Triage
) -> None:
    text = "Spanduk partai dirusak empat remaja pada malam hari."
    assert rules.suggest(text).subject == "warga"
    # the blend may say nobody is known: torn banners are mostly by unknown hands in the labelled
    # sets, and the "nobody named" prior (training.LABEL_PRIORS) was a net gain measured on them
    assert triage.suggest(text).subject in {"warga", "tidak_diketahui"}


@pytest.mark.parametrize(
    "text",
    [
        "Kasun Krajan ikut kampanye paslon nomor 1.",
        "Kepala dusun mengajak warga memilih calon bupati nomor 2.",
        "Sekdes mengunggah dukungan kepada paslon di Facebook.",
        "Kaur keuangan desa hadir dalam kampanye paslon nomor 2.",
        "Staf desa memasang stiker paslon di kantor desa.",
        "Bendahara desa ikut deklarasi relawan paslon.",
        "Carik desa mengajak warga mencoblos nomor 1.",
    ],
)
def test_village_staff_are_perangkat_desa(triage: Triage, text: str) -> None:
    s = triage.suggest(text)
    assert (s.category, s.subject) == ("netralitas", "perangkat_desa")


def test_accounts_without_identity_are_unknown(triage: Triage) -> None:
    s = triage.suggest("Bawaslu mencatat akun tanpa identitas jelas menyebar fitnah antar pasangan calon bupati.")
    assert s.subject == "tidak_diketahui"


def test_a_pairs_volunteer_is_the_pair_whichever_word_names_him(rules: Triage) -> None:
    text = "Seorang sukarelawan paslon nomor 2 kedapatan membawa 146 amplop berisi uang di Desa Sawo."
    assert rules.suggest(text).subject == "peserta"
    assert rules.suggest(text.replace("sukarelawan", "relawan")).subject == "peserta"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a BPD member is village staff, not its head, even where the head is mentioned after
        ("Bawaslu memproses seorang anggota Badan Permusyawaratan Desa yang mengampanyekan calon di "
         "media sosial, seraya mengingatkan kepala desa agar netral.", "perangkat_desa"),
        # Lampung calls a village "pekon" and its head "peratin"
        ("Sekretaris pekon dan aparatur pekon tercantum dalam SK tim pemenangan paslon nomor 3.", "perangkat_desa"),
        ("Peratin Pekon Way Suluh diduga mengajak warga memilih paslon nomor 1 saat pengajian.", "kepala_desa"),
        # Aceh: gampong
        ("Dua perangkat gampong ikut berkampanye untuk calon bupati di Aceh Besar.", "perangkat_desa"),
    ],
)
def test_village_roles_are_read_in_the_regions_own_words(rules: Triage, text: str, subject: str) -> None:
    assert rules.suggest(text).subject == subject


@pytest.mark.parametrize(
    "text",
    [
        # the team in the money case handled is not the party DKPP hears
        "DKPP memeriksa Ketua Bawaslu Kabupaten Sampang dan empat anggotanya karena dinilai tidak "
        "profesional menangani laporan pembagian uang oleh tim paslon nomor 2.",
        # members named only by their office
        "Tiga anggota Bawaslu Natuna diadukan warga ke DKPP karena menghentikan temuan tanpa meregistrasinya.",
    ],
)
def test_a_complaint_to_dkpp_is_against_organisers(rules: Triage, text: str) -> None:
    s = rules.suggest(text)
    assert s.subject == "penyelenggara"
    assert any(e.rule.startswith("forum:dkpp") for e in s.explanation)


def test_the_head_of_a_ministry_office_is_a_civil_servant(rules: Triage) -> None:
    # "Kemenag" is the Ministry of Religious Affairs; "kepala" must not read as a village head
    s = rules.suggest(
        "Video Kepala Kantor Kemenag mengarahkan jajarannya mendukung paslon bupati nomor urut 2 "
        "beredar di media sosial."
    )
    assert (s.category, s.subject) == ("netralitas", "asn")
