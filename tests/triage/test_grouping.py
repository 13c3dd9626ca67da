from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kawal.triage.engine import CATEGORIES, Triage
from kawal.triage.engine.classify import rules_category
from kawal.triage.engine.evaluate import load_devset, pair_scores
from kawal.triage.engine.grouping import feature_weights, load_pair_weights, pair_score

SAME_A = [
    "Pada Selasa (26/11) tim sukses paslon 1 berinisial RK membagikan amplop Rp50.000 di Desa Sawo, Kecamatan Dukun.",
    "Serangan fajar di Ds. Sawo Kec. Dukun tanggal 26 November 2024: timses RK memberi amplop lima puluh ribu rupiah.",
]
SAME_B = [
    "Kepala Desa Mojopurogede memakai kaos paslon dan ikut konvoi kampanye di Bungah, 3 November 2024.",
    "Kades Mojopurogede, Bungah, terekam ikut arak-arakan kampanye berkaos paslon tanggal 3/11/2024.",
]
OTHER = "Baliho paslon dipasang di pohon sepanjang Jalan Raya Kebomas pada 10 Oktober 2024."


def test_same_incident_grouped_different_apart(triage: Triage) -> None:
    g = triage.group(SAME_A + SAME_B + [OTHER])
    assert g[0] is not None and g[0] == g[1]
    assert g[2] is not None and g[2] == g[3]
    assert g[0] != g[2]
    assert g[4] is None


def test_group_ids_are_dense_and_ordered(triage: Triage) -> None:
    g = triage.group(SAME_B + SAME_A)
    assert g == [0, 0, 1, 1]


def test_empty_and_tiny_batches(triage: Triage) -> None:
    assert triage.group([]) == []
    assert triage.group(["serangan fajar"]) == [None]
    assert triage.group(["", ""]) == [None, None]


def test_blocking_path_finds_planted_duplicates(triage: Triage) -> None:
    # more texts than the all-pairs limit, so candidate blocking is used
    filler = [
        f"Laporan nomor {i}: warga {chr(97 + i % 26)}{i} di desa contoh {i} menyampaikan keluhan umum {i * 7}."
        for i in range(400)
    ]
    texts = [*filler[:150], SAME_A[0], *filler[150:300], SAME_A[1], *filler[300:]]
    g = triage.group(texts)
    assert g[150] is not None and g[150] == g[301]


def test_devset_duplicate_pairs_are_found(triage: Triage) -> None:
    items = [it for it in load_devset() if it["split"] == "dev"]
    groups = triage.group([it["text"] for it in items])
    _p, _r, f1 = pair_scores([it["group"] for it in items], groups)
    assert f1 >= 0.7


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=8))
def test_grouping_never_crashes(triage: Triage, texts: list[str]) -> None:
    g = triage.group(texts)
    assert len(g) == len(texts)
    for gid in g:
        if gid is not None:
            assert g.count(gid) >= 2


OUTLET_A = (
    "Propam Polda Sulawesi Utara memeriksa dua anggota Polres Minahasa yang fotonya viral berpose "
    "bersama tim sukses seorang calon gubernur."
)
OUTLET_B = (
    "Dua polisi Polres Minahasa terlihat di Facebook berfoto dengan pendukung calon gubernur sambil "
    "mengacungkan satu jari; Propam turun tangan."
)
UNRELATED = "Bawaslu Kota Bekasi menerima laporan surat suara yang sudah tercoblos di TPS 36 Jakamulya."


def test_two_outlets_sharing_names_are_one_incident(triage: Triage) -> None:
    g = triage.group([OUTLET_A, UNRELATED, OUTLET_B])
    assert g[0] is not None and g[0] == g[2]
    assert g[1] is None


def test_contradicting_dates_weigh_against_one_incident(triage: Triage) -> None:
    a, b = triage.features(SAME_A[0]), triage.features(SAME_A[1])
    moved = triage.features(SAME_A[1].replace("26 November", "3 Desember"))
    weights, df = feature_weights([a, b, moved])
    assert pair_score(a, b, weights, df, triage.pair_weights) > pair_score(a, moved, weights, df, triage.pair_weights)


def test_grouping_settings_are_data(triage: Triage) -> None:
    settings_file = Path(__file__).resolve().parents[2] / "kawal" / "triage" / "data" / "grouping.txt"
    assert load_pair_weights(settings_file) == triage.pair_weights
    assert triage.group_threshold == triage.pair_weights.threshold


def test_a_shared_large_number_weighs_more_than_a_small_one(triage: Triage) -> None:
    a = triage.features("Bawaslu merekomendasikan pemungutan suara ulang di 1.496 TPS di seluruh Indonesia.")
    b = triage.features("Sebanyak 1.496 TPS direkomendasikan Bawaslu untuk pemungutan suara ulang.")
    small_a = triage.features("Bawaslu merekomendasikan pemungutan suara ulang di 14 TPS di seluruh Indonesia.")
    small_b = triage.features("Sebanyak 14 TPS direkomendasikan Bawaslu untuk pemungutan suara ulang.")
    weights, df = feature_weights([a, b, small_a, small_b])
    pw = triage.pair_weights
    assert pair_score(a, b, weights, df, pw) > pair_score(small_a, small_b, weights, df, pw)


def test_a_third_outlet_nearly_as_alike_joins_the_group() -> None:
    from kawal.triage.engine.grouping import PairWeights, group_features

    # 0-1 and 0-2 are alike, 1-2 less: with mutual best matches only, text 2 stays alone
    texts = [
        frozenset({"mutasi", "pejabat", "petahana", "sanksi", "diskualifikasi", "edaran"}),
        frozenset({"mutasi", "pejabat", "petahana", "sanksi", "diskualifikasi", "larang"}),
        frozenset({"mutasi", "pejabat", "petahana", "sanksi", "tegas", "ancam"}),
        *(frozenset({f"lain{i}", f"kata{i}", "pemilu"}) for i in range(6)),
    ]
    mutual = group_features(texts, PairWeights(threshold=0.3, strong=0.99, near_best=0.0))
    near = group_features(texts, PairWeights(threshold=0.3, strong=0.99, near_best=0.25))
    assert mutual[0] == mutual[1] and mutual[2] is None
    assert near[0] == near[1] == near[2] is not None


def _score(triage: Triage, a_text: str, b_text: str, *others: str) -> float:
    feats = [triage.features(x) for x in (a_text, b_text, *others)]
    weights, df = feature_weights(feats)
    return pair_score(feats[0], feats[1], weights, df, triage.pair_weights)


def test_dates_a_day_apart_are_a_near_match_not_a_contradiction(triage: Triage) -> None:
    base = "Dua orang diamankan Gakkumdu karena membagikan amplop kepada warga pada {d}."
    same = _score(triage, base.format(d="18 April 2025"), base.format(d="18 April 2025"))
    next_day = _score(triage, base.format(d="18 April 2025"), base.format(d="19 April 2025"))
    weeks = _score(triage, base.format(d="18 April 2025"), base.format(d="9 Mei 2025"))
    assert same > next_day > weeks


def test_a_rounded_amount_is_the_same_amount(triage: Triage) -> None:
    exact = "Petugas menyita uang Rp9.550.000 dari dua terduga pelaku politik uang."
    rounded = "Uang sekitar Rp9,5 juta disita dari kedua terduga pelaku."
    other = "Uang sekitar Rp2 juta disita dari kedua terduga pelaku."
    assert _score(triage, exact, rounded) > _score(triage, exact, other)


def test_a_regency_named_by_few_texts_counts_like_a_rare_name(triage: Triage) -> None:
    a = "KPU Kabupaten Sumenep mengganti empat anggota PPS yang tercatat sebagai pengurus partai."
    b = "Empat anggota PPS di Sumenep diganti karena masuk kepengurusan partai."
    c = "Empat anggota PPS di Kabupaten Lamongan diganti karena masuk kepengurusan partai."
    assert "N:35.29" in triage.features(a) and "N:35.29" in triage.features(b)
    assert _score(triage, a, b) > _score(triage, a, c)


def test_a_number_grouped_with_dots_is_one_number_and_money_counts_as_an_amount(triage: Triage) -> None:
    dotted = triage.features("Bawaslu mencatat 1.518 baliho melanggar aturan pada pukul 15.00.")
    plain = triage.features("Bawaslu merinci 1518 alat peraga kampanye yang melanggar.")
    assert "#:1518" in dotted and "#:1518" in plain
    assert "#:518" not in dotted and "#:15" in dotted and "#:0" not in dotted
    money = triage.features("Tim sukses membagikan amplop berisi Rp50.000 dan Rp 9.550.000 kepada warga.")
    assert {"A:50000", "A:9550000"} <= money
    assert not {f for f in money if f.startswith("#:")}


def test_the_rules_category_needs_the_threshold_and_ties_go_to_the_earlier_category() -> None:
    scores = dict.fromkeys(CATEGORIES, 0.0)
    assert rules_category({**scores, "kampanye": 1.9}) == "lainnya"
    assert rules_category({**scores, "kampanye": 2.0, "netralitas": 2.0}) == "netralitas"


def test_the_duplicate_score_reads_the_rules_category_not_the_blends(triage: Triage) -> None:
    # the word model's choice between two close categories split more true pairs than it joined
    sugg, feats = triage.suggest_with_features([*SAME_A, *SAME_B, OTHER])
    for s, f in zip(sugg, feats, strict=True):
        assert {x for x in f if x.startswith("C:")} == {f"C:{rules_category(s.category_scores)}"}
