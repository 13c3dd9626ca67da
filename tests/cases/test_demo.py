"""The demo adds about 30 fictional cases in every state, once."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from kawal.cases.models import Case, CaseEvidence
from kawal.cases.workflow import Kind, State

pytestmark = pytest.mark.django_db


def test_demo_cases_cover_every_state_with_fictional_people_and_load_once() -> None:
    call_command("load_demo", "--quiet-logins")
    cases = list(Case.objects.select_related("region"))
    assert 30 <= len(cases) <= 40
    assert {c.state for c in cases} == set(State.values)
    assert {c.kind for c in cases} == set(Kind.values)
    assert len({c.region.parent_id for c in cases if c.region.level == "desa"}) >= 15  # spread over the kecamatan
    for case in cases:
        assert "(fiktif)" in case.reported_name or case.reported_name == "Tidak diketahui"
        assert not case.reporter_name or "(fiktif)" in case.reporter_name
    evidence = CaseEvidence.objects.count()
    assert evidence >= 10
    call_command("load_demo", "--quiet-logins")
    assert Case.objects.count() == len(cases) and CaseEvidence.objects.count() == evidence


def test_demo_reports_name_their_place_and_triage_reads_it() -> None:
    from kawal.triage.runtime import get_triage
    from kawal.triage.services import case_text

    call_command("load_demo", "--quiet-logins")
    cases = list(Case.objects.select_related("region"))
    assert all(case.region.name in case.narrative for case in cases)
    engine = get_triage()
    read = [case for case in cases if case.region_id in {p.code for p in engine.suggest(case_text(case)).places}]
    assert read == cases
