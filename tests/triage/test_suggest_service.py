"""Suggestions for new cases: made after commit, explained, scoped to the regency, not repeated."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from kawal.core.models import AuditEvent
from kawal.triage.models import Field, Status, Suggestion
from kawal.triage.services import case_text, suggest_for_case
from tests.conftest import DUKUN, KEBOMAS, RANDUAGUNG, Personas


def test_new_finding_gets_suggestions_once_its_transaction_commits(
    personas: Personas, make_case: Callable[..., Any], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        case = make_case(personas.panwascam_kebomas, KEBOMAS)
    assert callbacks, "a triage job is scheduled on commit"
    found = {s.field: s for s in Suggestion.objects.filter(case=case, rank=1)}
    assert found[Field.CATEGORY].value == "politik_uang"
    assert found[Field.SUBJECT].value == "kepala_desa"
    assert Suggestion.objects.filter(case=case, field=Field.PLACE, value=RANDUAGUNG).exists()
    assert all(s.status == Status.PENDING for s in found.values())
    assert AuditEvent.objects.filter(action="triage.suggested", target_id=str(case.pk)).count() == 1


def test_nothing_is_scheduled_for_a_write_that_rolls_back(
    personas: Personas, make_case: Callable[..., Any], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        make_case(personas.panwascam_kebomas, KEBOMAS)
    assert len(callbacks) >= 1
    assert not Suggestion.objects.exists()  # nothing ran before the commit


def test_suggestion_explains_the_words_that_fired(personas: Personas, make_case: Callable[..., Any]) -> None:
    case = make_case(personas.panwascam_kebomas, KEBOMAS)
    suggest_for_case(case)
    category = Suggestion.objects.get(case=case, field=Field.CATEGORY, rank=1)
    words = " ".join(item["evidence"] for item in category.explanation)
    assert "amplop" in words
    assert all(item["field"] == "category" for item in category.explanation)


def test_reading_the_case_twice_creates_nothing_new(personas: Personas, make_case: Callable[..., Any]) -> None:
    case = make_case(personas.panwascam_kebomas, KEBOMAS)
    first = suggest_for_case(case)
    assert first
    assert suggest_for_case(case) == []


def test_an_open_case_about_the_same_incident_is_offered_as_duplicate(
    personas: Personas, make_case: Callable[..., Any]
) -> None:
    earlier = make_case(personas.member, KEBOMAS)
    unrelated = make_case(
        personas.member, DUKUN, "Baliho paslon dipasang di pagar sekolah dasar di Desa Sawo, Kecamatan Dukun."
    )
    later = make_case(
        personas.member, KEBOMAS,
        "Kades Randuagung, Kebomas, membagi-bagikan amplop Rp50.000 ke warga tanggal 26/11/2024 "
        "agar mencoblos paslon 1.",
    )
    suggest_for_case(later)
    duplicates = Suggestion.objects.filter(case=later, field=Field.DUPLICATE)
    assert [s.other_case for s in duplicates] == [earlier]
    assert unrelated not in [s.other_case for s in duplicates]
    rules = {item["rule"] for item in duplicates[0].explanation}
    assert "same place" in rules


def test_triage_never_reads_the_reporter_identity(personas: Personas, make_case: Callable[..., Any]) -> None:
    case = make_case(personas.panwascam_kebomas, KEBOMAS)
    case.reporter_name, case.reporter_phone = "Siti Pelapor", "081234567890"
    text = case_text(case)
    assert "Siti" not in text and "0812" not in text


def test_cases_sharing_only_boilerplate_are_not_offered_as_duplicates(
    personas: Personas, make_case: Callable[..., Any]
) -> None:
    footer = " Contoh kasus untuk pelatihan; semua nama fiktif."
    make_case(personas.member, DUKUN, "Spanduk paslon dipasang di pohon." + footer, happened_on=dt.date(2024, 10, 1))
    later = make_case(
        personas.member, KEBOMAS, "ASN mengunggah dukungan paslon di media sosial." + footer,
        happened_on=dt.date(2024, 11, 2),
    )
    suggest_for_case(later)
    assert not Suggestion.objects.filter(case=later, field=Field.DUPLICATE).exists()
