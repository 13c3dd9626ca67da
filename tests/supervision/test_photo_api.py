"""Photos of the C.Hasil over the API: the outbox's upload after its report is stored."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.test import Client
from PIL import Image

from kawal.elections.models import Election
from kawal.supervision.intake import reporter_for
from kawal.supervision.models import TallyPhoto, TpsReport
from kawal.supervision.services import receive
from kawal.supervision.tokens import issue_token
from tests.conftest import Personas
from tests.supervision.conftest import payload, tps

pytestmark = pytest.mark.django_db


def jpeg(colour: str = "white") -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(buffer, "JPEG")
    buffer.name = "chasil.jpg"
    buffer.seek(0)
    return buffer


@pytest.fixture
def report(personas: Personas, pilbup: Election) -> TpsReport:
    receive([payload(pilbup, tps())], reporter=reporter_for(personas.ptps), channel="offline")
    return TpsReport.objects.get()


def url(report: TpsReport) -> str:
    return f"/api/v1/pengawasan/laporan-tps/{report.pk}/foto/"


def test_the_same_picture_sent_twice_is_stored_once(personas: Personas, report: TpsReport, client_for: Any) -> None:
    client = client_for(personas.ptps)
    first = client.post(url(report), {"photo": jpeg()})
    again = client.post(url(report), {"photo": jpeg()})
    assert first.status_code == again.status_code == 200
    assert first.json()["photo"] == again.json()["photo"]
    assert TallyPhoto.objects.filter(report=report).count() == 1
    client.post(url(report), {"photo": jpeg("black")})
    assert TallyPhoto.objects.filter(report=report).count() == 2


def test_a_program_or_no_file_is_refused_in_indonesian_and_nothing_stored(
    personas: Personas, report: TpsReport, client_for: Any
) -> None:
    client = client_for(personas.ptps)
    program = io.BytesIO(b"MZ\x90\x00" + b"\x00" * 100)
    program.name = "chasil.jpg"
    refused = client.post(url(report), {"photo": program})
    assert refused.status_code == 400 and refused.json()["detail"]
    missing = client.post(url(report), {})
    assert missing.status_code == 400 and "C.Hasil" in missing.json()["detail"]
    assert not TallyPhoto.objects.exists()


def test_outside_the_callers_area_the_report_does_not_exist(
    personas: Personas, report: TpsReport, client_for: Any
) -> None:
    assert client_for(personas.panwascam_dukun).post(url(report), {"photo": jpeg()}).status_code == 404
    assert not TallyPhoto.objects.exists()


def test_a_token_of_the_ptps_may_attach_a_photo_and_the_session_needs_csrf(
    personas: Personas, report: TpsReport
) -> None:
    key = issue_token(personas.ptps, label="hp")
    response = Client().post(url(report), {"photo": jpeg()}, HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(personas.ptps)
    assert strict.post(url(report), {"photo": jpeg("black")}).status_code == 403
    assert TallyPhoto.objects.count() == 1
