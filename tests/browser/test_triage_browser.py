"""A handler sees triage's suggestions on the case page and accepts one with a click."""

import datetime as dt
from typing import Any

import pytest

from kawal.cases.models import Case
from kawal.cases.services import record_finding
from kawal.core.models import AuditEvent
from kawal.regions.models import Region
from tests.conftest import KEBOMAS, PASSWORD, Personas

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# two parties named, so that the reported party has a second choice to settle
NARRATIVE = (
    "Kepala Desa Randuagung bersama tim sukses paslon nomor 1 membagikan amplop berisi uang Rp50.000 "
    "kepada warga di Desa Randuagung, Kecamatan Kebomas, pada 26 November 2024."
)


def test_accepting_the_subject_suggestion_fills_the_field(live_server: Any, page: Any, personas: Personas) -> None:
    case = record_finding(
        {
            "title": "Amplop dari kepala desa",
            "reported_name": "Terlapor (fiktif)",
            "region": Region.objects.get(pk=KEBOMAS),
            "happened_on": dt.date(2024, 11, 26),
            "known_on": dt.date(2024, 11, 26),
            "narrative": NARRATIVE,
        },
        by=personas.panwascam_kebomas,
    )
    assert case.reported_type == "tidak_diketahui"
    page.goto(f"{live_server.url}/akun/masuk/")
    page.fill("input[name=username]", personas.panwascam_kebomas.username)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.goto(f"{live_server.url}/kasus/{case.pk}/")
    panel = page.get_by_test_id("triage-panel")
    panel.wait_for()
    assert "amplop" in panel.inner_text()
    row = panel.get_by_test_id("suggestion-subject")
    row.get_by_role("button", name="Terima").click()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=suggestion-subject]')?.innerText.includes('Diterima')"
    )
    # the second choice for the same field is settled by the same click
    second = panel.get_by_test_id("suggestion-subject-second")
    assert "Ditolak" in second.inner_text()
    case = Case.objects.get(pk=case.pk)
    assert case.reported_type == "kepala_desa"
    event = AuditEvent.objects.get(target_id=str(case.pk), action="triage.suggestion_accepted")
    assert event.actor == personas.panwascam_kebomas and event.data["value"] == "kepala_desa"
