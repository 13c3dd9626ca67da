"""The accuracy page counts accepted and rejected suggestions per field, within the user's area."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.test import Client
from django.urls import reverse

from kawal.triage.models import Field, Suggestion
from kawal.triage.services import accept, accuracy_tables, reject, suggest_for_case
from tests.conftest import DUKUN, KEBOMAS, Personas


def test_accuracy_counts_decisions_per_field(personas: Personas, make_case: Callable[..., Any]) -> None:
    case = make_case(personas.member, KEBOMAS)
    suggest_for_case(case)
    accept(Suggestion.objects.get(case=case, field=Field.CATEGORY, rank=1), by=personas.member)
    reject(Suggestion.objects.get(case=case, field=Field.SUBJECT, rank=1), by=personas.member)
    fields, categories = accuracy_tables(personas.member)
    by_key = {t.key: t for t in fields}
    assert (by_key["category"].accepted, by_key["category"].rejected) == (1, 0)
    assert (by_key["subject"].accepted, by_key["subject"].rejected) == (0, 1)
    assert by_key["category"].accuracy == 1.0 and by_key["subject"].accuracy == 0.0
    assert by_key["duplicate"].accuracy is None
    assert {t.key: t.accepted for t in categories}["politik_uang"] == 1


def test_accuracy_only_counts_cases_in_the_users_area(personas: Personas, make_case: Callable[..., Any]) -> None:
    case = make_case(personas.member, DUKUN, "Serangan fajar di Desa Sawo, Kecamatan Dukun.")
    suggest_for_case(case)
    accept(Suggestion.objects.get(case=case, field=Field.CATEGORY, rank=1), by=personas.member)
    kebomas = {t.key: t for t in accuracy_tables(personas.panwascam_kebomas)[0]}
    assert kebomas["category"].decided == 0


def test_accuracy_page_renders_in_indonesian(personas: Personas, client_for: Callable[..., Client]) -> None:
    response = client_for(personas.member).get(reverse("triage:accuracy"))
    assert response.status_code == 200
    assert "Akurasi triase" in response.content.decode()
