"""Who the reported party is: not the finder, a person by their role, a crowd, an appointed official.

Checked on the rules alone (``word_model=False``): these are the rules' structural readings,
which the word model is not meant to overrule.
"""

from __future__ import annotations

import pytest

from kawal.triage.engine import RegionEntry, Triage


@pytest.fixture(scope="module")
def rules(jatim_regions: list[RegionEntry]) -> Triage:
    return Triage(jatim_regions, home_code="35.25", word_model=False)


@pytest.mark.parametrize(
    "text",
    [
        "Seorang pemilih mendapati surat suara pilbup sudah tercoblos di TPS 4 Desa Sawo.",
        "Pengawas TPS 12 Desa Sawo, Kecamatan Dukun, melaporkan satu surat suara yang sudah tercoblos.",
        "Tim pemenangan paslon nomor 2 di Kecamatan Bungah melaporkan surat suara yang sudah dicoblos.",
    ],
)
def test_the_one_who_finds_or_reports_pre_marked_ballots_is_not_the_author(rules: Triage, text: str) -> None:
    s = rules.suggest(text)
    assert s.category == "pemungutan_suara"
    assert s.subject == "tidak_diketahui"


def test_a_verb_in_between_makes_the_actor_the_actor_again(rules: Triage) -> None:
    s = rules.suggest("Kepala desa membagikan amplop kepada warga, lalu seorang pemuda melaporkan kejadian itu.")
    assert s.subject == "kepala_desa"


def test_initials_followed_by_a_role_are_that_role(rules: Triage) -> None:
    s = rules.suggest(
        "Gakkumdu menangkap dua orang berinisial ND dan MH, anggota tim pemenangan paslon nomor 1, "
        "yang membagikan uang Rp50.000 kepada pemilih."
    )
    assert (s.category, s.subject) == ("politik_uang", "peserta")


def test_a_person_without_a_role_stays_a_citizen(rules: Triage) -> None:
    s = rules.suggest("Seorang pria berinisial K tertangkap membagikan uang Rp50.000 kepada pemilih di Desa Sawo.")
    assert s.subject == "warga"


def test_a_group_caught_without_a_role_are_citizens(rules: Triage) -> None:
    s = rules.suggest("Sebanyak 12 orang terduga pelaku politik uang diamankan Gakkumdu dengan uang Rp18.275.000.")
    assert (s.category, s.subject) == ("politik_uang", "warga")


def test_an_appointed_heads_campaigning_is_neutrality_an_incumbents_programme_is_abuse(rules: Triage) -> None:
    pj = rules.suggest("Pj Bupati ikut kampanye dan mengajak warga memilih paslon nomor 2 dalam sebuah video.")
    assert (pj.category, pj.subject) == ("netralitas", "pejabat")
    incumbent = rules.suggest("Bupati petahana membagikan bansos bergambar dirinya dan mengajak warga memilihnya.")
    assert (incumbent.category, incumbent.subject) == ("penyalahgunaan_wewenang", "pejabat")


def test_what_a_hoax_claims_is_not_the_incident(rules: Triage) -> None:
    s = rules.suggest(
        "Polisi menangkap dua penyebar kabar bohong tentang tujuh kontainer surat suara yang sudah tercoblos."
    )
    assert s.category == "kampanye"
    found = rules.suggest("Petugas menemukan tujuh kontainer surat suara yang sudah tercoblos.")
    assert found.category == "pemungutan_suara"


def test_a_former_holder_is_not_the_office(rules: Triage) -> None:
    s = rules.suggest("Seorang purnawirawan TNI yang menjadi caleg memasang baliho berseragam militer.")
    assert s.subject == "peserta"


def test_the_agent_of_a_passive_act_is_the_actor_and_a_house_owner_is_not(rules: Triage) -> None:
    s = rules.suggest(
        "Warga menghalangi pembagian sembako oleh relawan salah satu paslon di rumah ketua RT pada masa tenang."
    )
    assert (s.category, s.subject) == ("politik_uang", "peserta")


@pytest.mark.parametrize(
    "text",
    [
        "Baliho paslon nomor urut 1 di Desa Sawo, Kecamatan Dukun, dirusak orang tak dikenal pada malam hari.",
        "Tim pemenangan paslon nomor 2 melaporkan spanduknya yang disobek oknum tidak bertanggung jawab di Bungah.",
        "Sebuah akun palsu menyebarkan hoaks tentang calon bupati nomor urut 1; tim kampanye melapor ke Bawaslu.",
        "Bawaslu menemukan akun Facebook palsu berlogo partai pengusung paslon 2 yang menyebarkan kampanye hitam.",
        "Anak-anak SD dilibatkan dalam kampanye paslon nomor urut 1; Bawaslu menyelidiki siapa yang mengerahkan.",
    ],
)
def test_a_text_that_says_nobody_knows_who_did_it_names_nobody(rules: Triage, text: str) -> None:
    s = rules.suggest(text)
    assert s.subject == "tidak_diketahui"
    assert any(e.rule.startswith("the actor is unknown") for e in s.explanation)


def test_a_denied_unknown_actor_leaves_the_named_one(rules: Triage) -> None:
    s = rules.suggest(
        "Bukan orang tak dikenal: tim sukses paslon nomor 1 sendiri merusak baliho paslon nomor 2 di Desa Sawo."
    )
    assert s.subject != "tidak_diketahui"


@pytest.mark.parametrize(
    "text",
    [
        "Tim Resmob Polsek Dukun membekuk dua pria berinisial AP dan YS yang merusak baliho calon bupati.",
        "Dua pemuda ditangkap anggota Polsek Bungah karena merobek baliho paslon nomor urut 2.",
        "Polisi akan menjemput paksa Ketua KPPS TPS 4 Desa Sawo yang diduga mencoblos surat suara lima pemilih.",
    ],
)
def test_the_police_who_arrest_are_not_the_reported_party(rules: Triage, text: str) -> None:
    assert rules.suggest(text).subject != "polri"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "Bawaslu Gresik meneruskan ke BKN dugaan pelanggaran netralitas Camat Dukun yang hadir dalam acara "
            "internal tim pemenangan paslon bupati nomor urut 1 di rumah makan; tim pemenangan paslon itu "
            "membagikan kaos paslon kepada peserta acara.",
            "asn",
        ),
        (
            "KPU memberhentikan seorang anggota PPS Desa Sawo karena hadir di acara deklarasi paslon nomor urut 2 "
            "yang digelar tim pemenangan paslon; di sana tim kampanye paslon membagikan atribut paslon.",
            "penyelenggara",
        ),
    ],
)
def test_in_a_neutrality_or_an_organisers_matter_the_pair_is_the_one_backed(
    rules: Triage, text: str, subject: str
) -> None:
    # the pair is named more often than the one reported: it is still only the one backed
    assert rules.suggest(text).subject == subject


@pytest.mark.parametrize(
    "text",
    [
        "Bupati Gresik diduga memakai mobil dinas dan membagikan bansos dari APBD untuk paslon nomor urut 2; "
        "tim pemenangan paslon nomor urut 2 ikut dalam rombongan dan paslon nomor urut 2 berfoto bersama warga.",
        "Camat Dukun diduga memutasi kepala sekolah dan memakai fasilitas negara untuk paslon nomor 1; "
        "tim sukses paslon nomor 1 dan paslon nomor 1 hadir dan membagikan kaos paslon.",
    ],
)
def test_in_an_abuse_of_office_the_official_is_reported_not_the_pair_it_serves(rules: Triage, text: str) -> None:
    s = rules.suggest(text)
    assert s.category == "penyalahgunaan_wewenang"
    assert s.subject in {"pejabat", "asn"}


@pytest.mark.parametrize(
    "text",
    [
        "Tim pemenangan paslon nomor 1 melaporkan baliho mereka di Desa Sawo yang dirobek dan dirusak.",
        "Seorang caleg DPRD mengeluhkan APK miliknya di Kecamatan Dukun robek terkena sayatan benda tajam.",
        "Tiga spanduk alat peraga kampanye paslon nomor 2 di dekat pasar dirobek seorang pria tak dikenal.",
    ],
)
def test_campaign_props_torn_down_by_nobody_named_have_an_unknown_author(rules: Triage, text: str) -> None:
    s = rules.suggest(text)
    assert (s.category, s.subject) == ("kampanye", "tidak_diketahui")
    reasons = [e.rule for e in s.explanation if e.field == "subject"]
    assert any(r.startswith(("nobody is named as the doer", "the actor is unknown")) for r in reasons)


def test_campaign_props_torn_down_by_a_named_citizen_are_the_citizens_act(rules: Triage) -> None:
    s = rules.suggest("Polisi membekuk dua pemuda berinisial AP dan YS yang merusak baliho paslon 1 di Desa Sawo.")
    assert (s.category, s.subject) == ("kampanye", "warga")


@pytest.mark.parametrize(
    "text",
    [
        "Ketua KPU Gresik Aminatus Zahroh di Kebomas menjelaskan, pemungutan suara ulang di TPS 5 Desa Sawo "
        "digelar karena pemilih dari luar kabupaten ikut mencoblos.",
        "Ketua KPU Gresik Aminatus Zahroh, Senin (2/12/2024), menyebut pemungutan suara ulang di TPS 5 Desa Sawo "
        "digelar karena pemilih dari luar kabupaten ikut mencoblos.",
    ],
)
def test_a_speaker_named_with_a_name_place_or_date_before_the_verb_is_not_the_reported_party(
    rules: Triage, text: str
) -> None:
    s = rules.suggest(text)
    assert s.category == "pemungutan_suara"
    assert s.subject_scores["penyelenggara"] < 1.0  # the speaker's weight, not an actor's 3.0
    assert s.subject == "warga"
