"""The public report form: no account, evidence checked by content, receipt with code and hashes."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from typing import Any

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image

from kawal.cases.models import Case, CaseEvidence
from kawal.cases.workflow import Kind, State
from tests.cases.conftest import EMAIL, NIK, PHONE
from tests.conftest import RANDUAGUNG

pytestmark = pytest.mark.django_db


def photo(name: str = "foto.jpg", colour: str = "red") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def program_named_jpg() -> SimpleUploadedFile:
    return SimpleUploadedFile("foto.jpg", b"MZ\x90\x00" + b"\x00" * 200 + b"This program cannot be run in DOS mode",
                              content_type="image/jpeg")


def form_data(**overrides: Any) -> dict[str, Any]:
    today = timezone.localdate()
    data = {
        "reporter_status": "pemilih", "reporter_name": "Siti Pelapor", "reporter_nik": NIK,
        "reporter_birth_place": "Gresik", "reporter_birth_date": "1990-05-01", "reporter_sex": "P",
        "reporter_occupation": "Guru", "reporter_citizenship": "WNI", "reporter_address": "Jl. Rahasia 7",
        "reporter_phone": PHONE, "reporter_email": EMAIL,
        "reported_name": "Budi Fiktif", "reported_type": "asn", "reported_position": "Kepala dinas (fiktif)",
        "title": "ASN mengajak memilih paslon", "region": RANDUAGUNG, "tps_number": "2", "place_detail": "Balai desa",
        "happened_on": (today - dt.timedelta(days=2)).isoformat(),
        "known_on": (today - dt.timedelta(days=1)).isoformat(),
        "narrative": "Terlapor mengajak ASN memilih paslon tertentu.", "witnesses": "", "agree": "on",
    }
    data.update(overrides)
    return data


def test_the_form_is_in_indonesian_and_needs_no_account(client: Client, gresik: Any) -> None:
    page = client.get("/kasus/lapor/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'lang="id"' in html and "Laporkan" in html and "csrfmiddlewaretoken" in html


def test_a_report_with_a_photo_lands_on_its_receipt_with_the_files_hash(
    client: Client, gresik: Any, django_capture_on_commit_callbacks: Any
) -> None:
    upload = photo()
    expected_sha = hashlib.sha256(upload.read()).hexdigest()
    upload.seek(0)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/kasus/lapor/", {**form_data(), "evidence": [upload]})
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/kasus/tanda-terima/{case.tracking_code}/"
    assert (case.kind, case.state, case.tps.number if case.tps else None) == (Kind.REPORT, State.RECEIVED, 2)
    stored = CaseEvidence.objects.get(case=case).evidence
    assert stored.sha256 == expected_sha
    with default_storage.open(stored.file.name, "rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == expected_sha
    receipt = client.get(response["Location"]).content.decode()
    assert case.tracking_code in receipt and expected_sha in receipt
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [EMAIL]
    assert mail.outbox[0].attachments[0][0].endswith(".pdf")


def test_receipt_pdf_carries_the_code_and_hash(client: Client, gresik: Any) -> None:
    client.post("/kasus/lapor/", {**form_data(), "evidence": [photo()]})
    case = Case.objects.get()
    response = client.get(f"/kasus/tanda-terima/{case.tracking_code}/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_a_program_renamed_jpg_is_refused_and_the_typed_data_is_kept(client: Client, gresik: Any) -> None:
    response = client.post("/kasus/lapor/", {**form_data(), "evidence": [program_named_jpg()]})
    assert response.status_code == 200
    html = response.content.decode()
    assert "program" in html and "ditolak" in html
    assert "Budi Fiktif" in html and "Terlapor mengajak ASN" in html
    assert not Case.objects.exists()


def test_missing_and_wrong_fields_get_indonesian_messages_not_a_500(client: Client, gresik: Any) -> None:
    response = client.post("/kasus/lapor/", form_data(reporter_nik="123", known_on="2999-01-01", region=""))
    assert response.status_code == 200
    html = response.content.decode()
    assert "16 digit" in html and "masa depan" in html and "wajib" in html.lower()
    assert not Case.objects.exists()


def test_known_before_happened_is_refused(client: Client, gresik: Any) -> None:
    today = timezone.localdate()
    response = client.post("/kasus/lapor/", form_data(happened_on=today.isoformat(),
                                                       known_on=(today - dt.timedelta(days=3)).isoformat()))
    assert response.status_code == 200 and not Case.objects.exists()


def test_unknown_tps_number_is_refused(client: Client, gresik: Any) -> None:
    response = client.post("/kasus/lapor/", form_data(tps_number="99"))
    assert "TPS 99" in response.content.decode() and not Case.objects.exists()


def test_a_late_report_is_recorded_and_the_receipt_says_why(client: Client, gresik: Any) -> None:
    today = timezone.localdate()
    late = form_data(happened_on=(today - dt.timedelta(days=20)).isoformat(),
                     known_on=(today - dt.timedelta(days=10)).isoformat())
    response = client.post("/kasus/lapor/", late, follow=True)
    case = Case.objects.get()
    assert case.filed_late
    assert "melewati batas waktu" in response.content.decode()


def test_anonymous_information_needs_no_identity(client: Client, gresik: Any) -> None:
    data = {k: v for k, v in form_data().items() if not k.startswith("reporter_") and k != "agree"}
    response = client.post("/kasus/informasi/", data)
    case = Case.objects.get()
    assert response.status_code == 302
    assert case.kind == Kind.INFORMATION and case.reporter_nik == "" and case.formal_issues == ""


def test_the_identity_is_encrypted_at_rest(client: Client, gresik: Any) -> None:
    from django.db import connection

    client.post("/kasus/lapor/", form_data())
    with connection.cursor() as cursor:
        cursor.execute("SELECT reporter_nik, reporter_phone, reporter_email FROM cases_case")
        row = cursor.fetchone()
    assert all(value.startswith("enc1:") for value in row)
    assert NIK not in "".join(row)
    assert Case.objects.get().reporter_nik == NIK


def test_places_are_grouped_by_kecamatan(client: Client, gresik: Any) -> None:
    html = client.get("/kasus/lapor/").content.decode()
    assert '<optgroup label="Kec. Kebomas">' in html and "Kec. Kebomas (desa tidak diketahui)" in html
    kebomas = html.split('<optgroup label="Kec. Kebomas">')[1].split("</optgroup>")[0]
    assert "Randuagung" in kebomas and "Sawo" not in kebomas


def test_a_ptps_sees_only_its_desa_under_its_kecamatan(client_for: Any, personas: Any) -> None:
    html = client_for(personas.ptps).get("/kasus/baru/temuan/").content.decode()
    assert '<optgroup label="Kec. Kebomas">' in html
    assert "Randuagung" in html and "Sidomoro" not in html and "Sawo" not in html


def test_a_nonsense_birth_date_is_refused(client: Client, gresik: Any) -> None:
    response = client.post("/kasus/lapor/", form_data(reporter_birth_date="kemarin"))
    assert response.status_code == 200 and not Case.objects.exists()
    assert "tanggal yang valid" in response.content.decode().lower()
