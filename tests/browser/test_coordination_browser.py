"""Scenario 1 of issue 4, in a real browser as a new user would do it: create a meeting, invite
three stakeholders, check two people in from the QR link on a phone, write minutes with two
commitments, and download the minutes PDF that lists the attendees and the commitments."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.conf import settings
from pypdf import PdfReader

from kawal.coordination.services import create_stakeholder
from tests.conftest import PASSWORD, Personas

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = settings.VAR_DIR


def log_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/akun/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base}/")


def check_in_on_phone(phone: Any, link: str, name: str, organisation: str, position: str) -> None:
    phone.goto(link)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.get_by_label("Nama").fill(name)
    phone.get_by_label("Instansi/organisasi", exact=True).select_option(label=organisation)
    phone.get_by_label("Jabatan").fill(position)
    phone.get_by_role("button", name="Isi daftar hadir").click()
    assert "Terima kasih" in phone.get_by_test_id("checked-in").inner_text()


@pytest.fixture
def stakeholders(personas: Personas) -> None:
    for name, kind in [
        ("Polres Gresik", "police"),
        ("Satpol PP Gresik", "satpol_pp"),
        ("Dinas Kominfo Gresik", "kominfo"),
        ("DLH Gresik", "dlh"),
    ]:
        create_stakeholder(by=personas.staff, name=name, kind=kind, region_code="35.25")


def test_meeting_from_invitation_to_minutes_pdf(
    live_server: Any, page: Any, phone: Any, personas: Personas, stakeholders: None
) -> None:
    base = live_server.url
    log_in(page, base, personas.staff.username)
    page.get_by_text("Koordinasi stakeholder", exact=True).click()
    page.get_by_role("link", name="Rapat koordinasi").first.click()
    page.get_by_role("button", name="Rapat baru").click()
    page.get_by_label("Judul").fill("Rakor Pengawasan Masa Kampanye")
    page.get_by_label("Mulai").fill("2024-09-25T09:00")
    page.get_by_label("Tempat").fill("Hotel Khas Gresik")
    page.get_by_label("Wilayah").select_option(label="KAB. GRESIK")
    page.get_by_label("Acara").fill("Pembukaan\nNetralitas ASN")
    page.get_by_role("button", name="Simpan rapat").click()
    assert "Rapat telah dibuat" in page.content()

    for name in ("Polres Gresik", "Satpol PP Gresik", "Dinas Kominfo Gresik"):
        page.get_by_label(name).check()
    page.get_by_role("button", name="Kirim undangan").click()
    invited = page.get_by_test_id("invited").inner_text()
    assert all(n in invited for n in ("Polres Gresik", "Satpol PP Gresik", "Dinas Kominfo Gresik"))
    assert page.get_by_test_id("qr").locator("svg").count() == 1
    page.screenshot(path=str(SHOTS / "screenshot-coordination-meeting.png"), full_page=True)

    link = page.get_by_test_id("checkin-link").inner_text()
    check_in_on_phone(phone, link, "Andi Wijaya", "Polres Gresik", "Kanit Intelkam")
    phone.screenshot(path=str(SHOTS / "screenshot-coordination-checkin-done.png"), full_page=True)
    check_in_on_phone(phone, link, "Sari Dewi", "Satpol PP Gresik", "Kasi Penertiban")
    phone.goto(link)
    phone.screenshot(path=str(SHOTS / "screenshot-coordination-checkin.png"), full_page=True)

    page.reload()
    attendance = page.get_by_test_id("attendance").inner_text()
    assert "Andi Wijaya" in attendance and "Sari Dewi" in attendance

    page.get_by_role("button", name="Notulen dan komitmen").click()
    page.locator("textarea[name=summary]").fill("Rakor pertama masa kampanye.")
    page.locator("input[name='s-0-speaker']").fill("Ketua Rapat")
    page.locator("textarea[name='s-0-content']").fill("Membuka rapat dan meminta dukungan pengawasan.")
    page.locator("textarea[name=decisions]").fill("Patroli APK bersama")
    page.get_by_role("button", name="Simpan notulen").click()
    assert "Notulen telah disimpan" in page.content()

    for owner, text, due in [
        ("Satpol PP Gresik", "Menertibkan APK di tempat terlarang", "2024-10-15"),
        ("Polres Gresik", "Meneruskan informasi dugaan ketidaknetralan ASN", "2024-11-23"),
    ]:
        page.get_by_label("Stakeholder penanggung jawab").select_option(label=owner)
        page.locator("textarea[name=c-description]").fill(text)
        page.get_by_label("Tenggat").fill(due)
        page.get_by_role("button", name="Tambah komitmen").click()
        assert "Komitmen telah ditambahkan" in page.content()
    page.screenshot(path=str(SHOTS / "screenshot-coordination-minutes.png"), full_page=True)

    href = page.get_by_role("button", name="Notulen (PDF)").get_attribute("href")
    response = page.request.get(f"{base}{href}")
    assert response.ok and response.headers["content-type"] == "application/pdf"
    text = " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(response.body())).pages
    )
    for expected in (
        "Andi Wijaya",
        "Sari Dewi",
        "Menertibkan APK di tempat terlarang",
        "Meneruskan informasi dugaan ketidaknetralan ASN",
        "Satpol PP Gresik",
        "Polres Gresik",
    ):
        assert expected in text, expected
