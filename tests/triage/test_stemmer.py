from __future__ import annotations

import pytest

from kawal.triage.engine import Triage


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("mencoblos", "coblos"), ("dicoblos", "coblos"), ("pencoblosan", "coblos"),
        ("membagikan", "bagi"), ("dibagikan", "bagi"), ("pembagian", "bagi"),
        ("memilih", "pilih"), ("pemilih", "pilih"), ("pemilihan", "pilih"),
        ("mendukung", "dukung"), ("dukungan", "dukung"), ("pendukung", "dukung"),
        ("berkampanye", "kampanye"), ("mengampanyekan", "kampanye"),
        ("memberikan", "beri"), ("menjanjikan", "janji"), ("terlibat", "libat"),
        ("melibatkan", "libat"), ("keterlibatan", "libat"), ("penghitungan", "hitung"),
        ("pemungutan", "pungut"), ("menyuap", "suap"), ("memasang", "pasang"),
        ("mengikuti", "ikut"), ("kampanyenya", "kampanye"),
    ],
)
def test_stems(triage: Triage, word: str, stem: str) -> None:
    assert triage.lexicon.stemmer.stem(word) == stem


def test_short_and_numeric_tokens_unchanged(triage: Triage) -> None:
    st = triage.lexicon.stemmer
    assert st.stem("tps") == "tps"
    assert st.stem("2024") == "2024"


def test_slang_expansion(triage: Triage) -> None:
    slang = triage.lexicon.slang
    assert slang["kades"] == ("kepala", "desa")
    assert slang["paslon"] == ("pasangan", "calon")
    assert slang["timses"] == ("tim", "sukses")
    assert slang["apk"] == ("alat", "peraga", "kampanye")
    assert slang["bansos"] == ("bantuan", "sosial")
    assert slang["pns"] == ("asn",)
