"""Stage supervision: tasks, Form A with PDF, a Form A becoming a temuan, and the roster import."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kawal.elections.models import Cycle, Stage
from kawal.supervision.models import Assignment, SupervisionReport, SupervisionTask
from tests.conftest import DUKUN, KEBOMAS, RANDUAGUNG, SAWO, Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(gresik: Any) -> Stage:
    cycle, _ = Cycle.objects.get_or_create(
        name="Pemilihan Serentak 2024", defaults={"voting_date": dt.date(2024, 11, 27)}
    )
    stage, _ = Stage.objects.get_or_create(
        cycle=cycle, code="kampanye",
        defaults={"name": "Kampanye", "start_date": dt.date(2024, 9, 25), "end_date": dt.date(2024, 11, 23)},
    )  # fmt: skip
    return stage


def form_a(stage: Stage, region: str, **changes: Any) -> dict[str, Any]:
    data = {
        "stage": stage.pk, "region": region, "supervisor_name": "Pkd Randuagung", "position": "PKD Randuagung",
        "assignment_letter": "12/ST/2024", "office_address": "Balai desa", "form": "langsung",
        "purpose": "Mengawasi kampanye tatap muka", "target": "Tim kampanye paslon 1",
        "held_at": "2024-10-05T19:30", "place": "Lapangan desa", "narrative": "Kampanye berlangsung tertib.",
        "violation_found": "", "violation_event": "", "violation_facts": "",
    }  # fmt: skip
    data.update(changes)
    return data


def test_a_panwascam_assigns_a_task_in_their_kecamatan_only(
    personas: Personas, campaign: Stage, client_for: Any
) -> None:
    client = client_for(personas.panwascam_kebomas)
    base = {"stage": campaign.pk, "assigned_role": "pkd", "title": "Awasi kampanye di balai desa"}
    client.post("/pengawasan/tahapan/", {**base, "region": RANDUAGUNG})
    assert SupervisionTask.objects.get().region_id == RANDUAGUNG
    response = client.post("/pengawasan/tahapan/", {**base, "region": SAWO})
    assert response.status_code == 200  # not a choice for them: the form says so
    assert SupervisionTask.objects.count() == 1
    html = client_for(personas.pkd).get("/pengawasan/tahapan/").content.decode()
    assert "Awasi kampanye di balai desa" in html
    assert "Awasi kampanye" not in client_for(personas.panwascam_dukun).get("/pengawasan/tahapan/").content.decode()


def test_a_pkd_files_form_a_which_gets_a_number_and_a_pdf(personas: Personas, campaign: Stage, client_for: Any) -> None:
    client = client_for(personas.pkd)
    response = client.post("/pengawasan/form-a/baru/", form_a(campaign, RANDUAGUNG))
    report = SupervisionReport.objects.get()
    assert response["Location"] == f"/pengawasan/form-a/{report.pk}/"
    assert report.number.startswith("001/LHP/PM.01.02/35.25.14.2004/05/10/2024")
    pdf = client.get(f"/pengawasan/form-a/{report.pk}/pdf/")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert client_for(personas.panwascam_dukun).get(f"/pengawasan/form-a/{report.pk}/").status_code == 404


def test_an_alleged_violation_needs_event_and_facts(personas: Personas, campaign: Stage, client_for: Any) -> None:
    data = form_a(campaign, RANDUAGUNG, violation_found="on")
    response = client_for(personas.pkd).post("/pengawasan/form-a/baru/", data)
    assert "uraikan sekurang-kurangnya peristiwa dan faktanya" in response.content.decode()
    assert not SupervisionReport.objects.exists()


def test_a_form_a_with_a_violation_becomes_one_finding_with_the_link_kept(
    personas: Personas, campaign: Stage, client_for: Any
) -> None:
    from kawal.cases.models import Case

    client = client_for(personas.pkd)
    client.post("/pengawasan/form-a/baru/", form_a(
        campaign, RANDUAGUNG, violation_found="on", violation_event="Kepala desa ikut berkampanye",
        violation_facts="Kepala desa berpidato mengajak memilih paslon 1.", violation_actor="Kepala Desa Randuagung",
        violation_date="2024-10-05",
    ))  # fmt: skip
    report = SupervisionReport.objects.get()
    client.post(f"/pengawasan/form-a/{report.pk}/temuan/")
    client.post(f"/pengawasan/form-a/{report.pk}/temuan/")  # a second click adds nothing
    report.refresh_from_db()
    case = Case.objects.get()
    assert (report.finding_id, report.finding_tracking_code) == (case.pk, case.tracking_code)
    assert case.kind == "temuan" and case.region_id == RANDUAGUNG
    assert report.number in case.narrative


def test_the_roster_import_names_bad_rows_and_keeps_good_ones(personas: Personas, client_for: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    csv = (
        "username,peran,kode_wilayah,nomor_tps,nomor_surat_tugas\n"
        f"ptps.randuagung,ptps,{RANDUAGUNG},2,01/ST/2024\n"
        f"pkd.randuagung,pkd,{RANDUAGUNG},,02/ST/2024\n"
        f"tidak.ada,ptps,{RANDUAGUNG},1,x\n"
        f"ptps.randuagung,ptps,{RANDUAGUNG},9,x\n"
        f"pwc.dukun,panwascam,{DUKUN},,x\n"
        f"pwc.kebomas,camat,{KEBOMAS},,x\n"
    )
    client = client_for(personas.panwascam_kebomas)
    html = client.post("/pengawasan/pengawas/", {"csv": SimpleUploadedFile("r.csv", csv.encode())}).content.decode()
    assert Assignment.objects.count() == 2
    for line in (4, 5, 6, 7):
        assert f"baris {line}:" in html
    assert "di luar wilayah Anda" in html  # Dukun is not Kebomas's
