"""Accepting a suggestion carries it into the case and writes one audit event."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kawal.cases.models import Case, CaseLink, LinkKind
from kawal.core.models import AuditEvent
from kawal.triage.models import CaseCategory, Field, Status, Suggestion
from kawal.triage.services import TriageRefused, accept, suggest_for_case
from tests.conftest import DUKUN, KEBOMAS, RANDUAGUNG, SAWO, Personas


@pytest.fixture
def case(personas: Personas, make_case: Callable[..., Any]) -> Case:
    case = make_case(personas.panwascam_kebomas, KEBOMAS)
    suggest_for_case(case)
    return case


def _one(case: Case, field: str) -> Suggestion:
    return Suggestion.objects.filter(case=case, field=field, rank=1).first() or pytest.fail(f"no {field} suggestion")


def test_accepting_the_category_records_it_for_the_case_and_audits(case: Case, personas: Personas) -> None:
    accept(_one(case, Field.CATEGORY), by=personas.panwascam_kebomas)
    assert CaseCategory.objects.get(case=case).category == "politik_uang"
    assert _one(case, Field.CATEGORY).status == Status.ACCEPTED
    event = AuditEvent.objects.get(action="triage.suggestion_accepted")
    assert event.actor == personas.panwascam_kebomas
    assert event.data["field"] == "category" and event.data["new"] == "politik_uang"


def test_accepting_the_subject_sets_the_reported_type_naming_old_and_new(case: Case, personas: Personas) -> None:
    assert case.reported_type == "tidak_diketahui"
    accept(_one(case, Field.SUBJECT), by=personas.member)
    case.refresh_from_db()
    assert case.reported_type == "kepala_desa"
    event = AuditEvent.objects.get(action="triage.suggestion_accepted")
    assert (event.data["old"], event.data["new"]) == ("tidak_diketahui", "kepala_desa")


def test_accepting_a_desa_inside_the_kecamatan_narrows_the_place(case: Case, personas: Personas) -> None:
    accept(Suggestion.objects.get(case=case, field=Field.PLACE, value=RANDUAGUNG), by=personas.member)
    case.refresh_from_db()
    assert case.region_id == RANDUAGUNG


def test_accepting_a_place_outside_the_case_region_only_records_acceptance(
    personas: Personas, make_case: Callable[..., Any]
) -> None:
    case = make_case(personas.member, KEBOMAS, "Amplop Rp50.000 dibagikan di Desa Sawo, Kecamatan Dukun.")
    suggest_for_case(case)
    accept(Suggestion.objects.get(case=case, field=Field.PLACE, value=SAWO), by=personas.member)
    case.refresh_from_db()
    assert case.region_id == KEBOMAS
    assert AuditEvent.objects.get(action="triage.suggestion_accepted").data["applied"] is False


def test_accepting_a_duplicate_links_the_two_cases(personas: Personas, make_case: Callable[..., Any]) -> None:
    first = make_case(personas.member, KEBOMAS)
    second = make_case(personas.member, KEBOMAS)
    suggest_for_case(second)
    accept(_one(second, Field.DUPLICATE), by=personas.member)
    link = CaseLink.objects.get()
    assert {link.first_id, link.second_id} == {first.pk, second.pk}
    assert link.kind == LinkKind.DUPLICATE


def test_a_suggestion_cannot_be_decided_twice(case: Case, personas: Personas) -> None:
    suggestion = _one(case, Field.CATEGORY)
    accept(suggestion, by=personas.member)
    with pytest.raises(TriageRefused):
        accept(suggestion, by=personas.panwascam_kebomas)
    assert AuditEvent.objects.filter(action="triage.suggestion_accepted").count() == 1


@pytest.mark.parametrize("who", ["panwascam_dukun", "stakeholder"])
def test_someone_who_cannot_see_the_case_is_refused(case: Case, personas: Personas, who: str) -> None:
    with pytest.raises(TriageRefused):
        accept(_one(case, Field.SUBJECT), by=getattr(personas, who))
    case.refresh_from_db()
    assert case.reported_type == "tidak_diketahui"
    assert _one(case, Field.SUBJECT).status == Status.PENDING


def test_a_dukun_case_is_not_decided_by_kebomas(personas: Personas, make_case: Callable[..., Any]) -> None:
    case = make_case(personas.panwascam_dukun, DUKUN, "Serangan fajar di Desa Sawo, Kecamatan Dukun.")
    suggest_for_case(case)
    with pytest.raises(TriageRefused):
        accept(_one(case, Field.CATEGORY), by=personas.panwascam_kebomas)
