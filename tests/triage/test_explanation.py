from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kawal.triage.engine import CATEGORIES, SUBJECTS, Triage


def test_category_explanation_names_the_words(triage: Triage) -> None:
    s = triage.suggest("Ada serangan fajar, timses membagikan amplop Rp50.000.")
    cat = [e for e in s.explanation if e.field == "category"]
    assert any(e.evidence == "serangan fajar" for e in cat)
    assert any("amount of money" in e.rule for e in cat)


def test_subject_explanation(triage: Triage) -> None:
    s = triage.suggest("Kades Sawo ikut kampanye paslon.")
    subj = [e for e in s.explanation if e.field == "subject"]
    assert any(e.evidence == "kepala desa" for e in subj)  # slang expanded and shown
    assert any("fits category netralitas" in e.rule for e in subj)


def test_routing_is_explained(triage: Triage) -> None:
    s = triage.suggest("Anggota KPPS berpose dua jari mendukung paslon.")
    assert any("routed to penyelenggara" in e.rule for e in s.explanation)


def test_lainnya_is_explained(triage: Triage) -> None:
    s = triage.suggest("Jalan rusak di depan rumah.")
    assert s.category == "lainnya"
    assert any("lainnya" in e.rule for e in s.explanation if e.field == "category")


def test_every_field_is_explained(triage: Triage) -> None:
    s = triage.suggest("Serangan fajar di Desa Sawo, Kec. Dukun, Selasa (26/11), amplop Rp50.000.")
    fields = {e.field for e in s.explanation}
    assert fields >= {"category", "subject", "places", "dates", "amounts"}
    d = s.to_dict()
    assert all(set(e) == {"field", "rule", "evidence"} for e in d["explanation"])


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_text_never_crashes(triage: Triage, text: str) -> None:
    s = triage.suggest(text)
    assert s.category in CATEGORIES
    assert s.subject in SUBJECTS
    assert s.explanation
    assert all(isinstance(a, int) and a > 0 for a in s.amounts)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["serangan", "fajar", "Kades", "Rp50.000", "26/11", "(26/11)", "Desa", "Sawo", "Kec.",
             "tidak", "bukan", "dua", "ratus", "ribu", "rupiah", "juta", "KPPS", "31/02/2024", "!!!",
             "mencoblos", "lebih", "dari", "sekali", "ٱلْ", "ñ", "🙂", "\u0000"]
        ),
        max_size=40,
    )
)
def test_domain_word_soup_never_crashes(triage: Triage, words: list[str]) -> None:
    s = triage.suggest(" ".join(words))
    assert s.category in CATEGORIES
