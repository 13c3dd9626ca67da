"""The PTPS form without JavaScript, the report page, photos, and the service worker."""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image

from kawal.elections.models import Election
from kawal.supervision.models import TallyPhoto, TpsReport
from tests.conftest import RANDUAGUNG, Personas
from tests.supervision.conftest import tps

pytestmark = pytest.mark.django_db


def form_data(election: Election, **changes: Any) -> dict[str, Any]:
    data = {
        "submission_id": "0b7f5a52-0a47-4c39-9d4c-2f1f1b8e6a11", "tps": tps().pk,
        "checklist.opened_at": "07:00", "checklist.witnesses_present": "ya",
        "dpt": "500", "dptb": "5", "dpk": "3", "voters_male": "150", "voters_female": "160",
        "ballots_received": "520", "ballots_used": "310", "ballots_damaged": "2", "ballots_unused": "208",
        "votes.1": "200", "votes.2": "100", "invalid": "10", "cast": "310",
    }  # fmt: skip
    data.update(changes)
    return data


def test_the_ptps_sees_the_form_in_indonesian_with_only_their_own_tps(
    personas: Personas, pilbup: Election, client_for: Any
) -> None:
    html = client_for(personas.ptps).get(f"/pengawasan/lapor/{pilbup.pk}/").content.decode()
    assert "Simpan dan kirim" in html
    assert "kotak kosong" in html.lower()
    assert html.count("Randuagung</option>") == 3
    assert "Sawo" not in html


def test_posting_the_form_stores_the_report_and_a_double_submit_adds_nothing(
    personas: Personas, pilbup: Election, client_for: Any
) -> None:
    client = client_for(personas.ptps)
    response = client.post(f"/pengawasan/lapor/{pilbup.pk}/", form_data(pilbup))
    report = TpsReport.objects.get()
    assert response["Location"] == f"/pengawasan/laporan/{report.pk}/"
    assert report.checklist == {"opened_at": "07:00", "witnesses_present": True}
    assert report.channel == "web"
    client.post(f"/pengawasan/lapor/{pilbup.pk}/", form_data(pilbup))
    assert TpsReport.objects.count() == 1


def test_a_tally_that_does_not_add_up_is_accepted_and_the_reason_shown(
    personas: Personas, pilbup: Election, client_for: Any
) -> None:
    client = client_for(personas.ptps)
    response = client.post(f"/pengawasan/lapor/{pilbup.pk}/", form_data(pilbup, cast="400"), follow=True)
    html = response.content.decode()
    assert "Diterima, tetapi ditandai" in html
    assert "Suara paslon ditambah suara tidak sah tidak sama dengan jumlah suara." in html


def test_bad_input_is_explained_and_what_was_typed_is_kept(
    personas: Personas, pilbup: Election, client_for: Any
) -> None:
    response = client_for(personas.ptps).post(f"/pengawasan/lapor/{pilbup.pk}/", form_data(pilbup, dpt="lima ratus"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Masukkan bilangan bulat." in html
    assert 'value="208"' in html  # ballots_unused kept
    assert not TpsReport.objects.exists()


def test_a_ptps_of_another_area_gets_404_for_the_report_page(
    personas: Personas, pilbup: Election, client_for: Any
) -> None:
    client_for(personas.ptps).post(f"/pengawasan/lapor/{pilbup.pk}/", form_data(pilbup))
    report = TpsReport.objects.get()
    assert client_for(personas.panwascam_dukun).get(f"/pengawasan/laporan/{report.pk}/").status_code == 404
    assert client_for(personas.panwascam_kebomas).get(f"/pengawasan/laporan/{report.pk}/").status_code == 200


def test_a_photo_of_the_c_hasil_is_stored_as_evidence_and_a_program_is_refused(
    personas: Personas, pilbup: Election, client_for: Any
) -> None:
    client = client_for(personas.ptps)
    client.post(f"/pengawasan/lapor/{pilbup.pk}/", form_data(pilbup))
    report = TpsReport.objects.get()
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, "JPEG")
    buffer.name = "chasil.jpg"
    buffer.seek(0)
    client.post(f"/pengawasan/laporan/{report.pk}/foto/", {"photo": buffer})
    assert TallyPhoto.objects.filter(report=report).count() == 1
    program = io.BytesIO(b"MZ\x90\x00" + b"\x00" * 100)
    program.name = "chasil.jpg"
    response = client.post(f"/pengawasan/laporan/{report.pk}/foto/", {"photo": program}, follow=True)
    assert TallyPhoto.objects.count() == 1
    assert "ditolak" in response.content.decode().lower()
    photo = TallyPhoto.objects.get()
    assert client.get(f"/pengawasan/foto/{photo.pk}/").status_code == 200


def test_a_photo_sent_with_the_form_is_attached_and_a_refused_one_keeps_the_report(
    personas: Personas, pilbup: Election, client_for: Any
) -> None:
    client = client_for(personas.ptps)
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, "JPEG")
    buffer.name = "chasil.jpg"
    buffer.seek(0)
    client.post(f"/pengawasan/lapor/{pilbup.pk}/", {**form_data(pilbup), "photo": buffer})
    assert TallyPhoto.objects.filter(report=TpsReport.objects.get()).count() == 1
    program = io.BytesIO(b"MZ\x90\x00" + b"\x00" * 100)
    program.name = "chasil.jpg"
    second = form_data(pilbup, submission_id="5d3c8f0e-3b9e-4f7a-8a51-0c2d4e6f8a90")
    response = client.post(f"/pengawasan/lapor/{pilbup.pk}/", {**second, "photo": program}, follow=True)
    assert TpsReport.objects.count() == 2  # the report is kept
    assert TallyPhoto.objects.count() == 1
    assert "foto ditolak" in response.content.decode().lower()


def test_the_service_worker_is_served_under_the_pengawasan_path(personas: Personas, client_for: Any) -> None:
    response = client_for(personas.ptps).get("/pengawasan/sw.js")
    assert response["Content-Type"] == "application/javascript"
    assert b"addEventListener(\"fetch\"" in response.content


def test_a_ptps_with_a_roster_assignment_reports_only_for_that_tps(
    personas: Personas, pilbup: Election, client_for: Any
) -> None:
    from kawal.supervision.models import Assignment

    Assignment.objects.create(user=personas.ptps, role="ptps", region_id=RANDUAGUNG, tps=tps(RANDUAGUNG, 2))
    client = client_for(personas.ptps)
    html = client.get(f"/pengawasan/lapor/{pilbup.pk}/").content.decode()
    assert html.count("Randuagung</option>") == 1
    client.post(f"/pengawasan/lapor/{pilbup.pk}/", form_data(pilbup))  # TPS 1: not theirs
    assert not TpsReport.objects.exists()
