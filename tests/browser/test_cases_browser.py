"""Scenario 1 of issue 3, in Chromium as a new user would do it.

A citizen files a report with a photo, gets a tracking code and a PDF receipt; a Bawaslu
member registers it, records "other law: ASN neutrality" and refers it to BKN; the public
tracking page shows each step, and no public page shows the reporter's NIK, phone or e-mail.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from PIL import Image

from kawal.cases.models import Case
from tests.conftest import PASSWORD, RANDUAGUNG, Personas

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NIK, PHONE, EMAIL = "3525017003900002", "081333444555", "warga.pelapor@example.test"


def no_personal_data(html: str) -> None:
    for secret in (NIK, PHONE, EMAIL):
        assert secret not in html


def take(page: Any, action_label: str, reason: str = "") -> None:
    form = page.locator("form.action-form", has=page.locator(f"summary:text-is('{action_label}')"))
    form.locator("summary").click()
    if reason:
        form.locator("textarea[name=reason]").fill(reason)
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "Selesai: kasus sekarang berstatus" in page.locator("main").inner_text()


def test_citizen_reports_member_refers_to_bkn_and_the_public_follows(
    live_server: Any, browser: Any, personas: Personas, tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    photo = tmp_path / "foto-kejadian.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "navy").save(buffer, "JPEG")
    photo.write_bytes(buffer.getvalue())
    photo_sha = hashlib.sha256(buffer.getvalue()).hexdigest()
    today = timezone.localdate()
    public_pages: list[str] = []

    citizen = browser.new_context(locale="id-ID", viewport={"width": 390, "height": 844}, is_mobile=True)
    page = citizen.new_page()
    page.goto(f"{live_server.url}/kasus/lapor/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.select_option("select[name=reporter_status]", "pemilih")
    page.fill("input[name=reporter_name]", "Warga Pelapor")
    page.fill("input[name=reporter_nik]", NIK)
    page.fill("textarea[name=reporter_address]", "Jl. Mawar 3, Randuagung")
    page.fill("input[name=reporter_phone]", PHONE)
    page.fill("input[name=reporter_email]", EMAIL)
    page.fill("input[name=reported_name]", "Pak Guru Fiktif")
    page.select_option("select[name=reported_type]", "asn")
    page.fill("input[name=title]", "Guru ASN berkampanye di sekolah")
    page.select_option("select[name=region]", RANDUAGUNG)
    page.fill("input[name=happened_on]", (today - dt.timedelta(days=2)).isoformat())
    page.fill("input[name=known_on]", (today - dt.timedelta(days=1)).isoformat())
    page.fill("textarea[name=narrative]", "Guru ASN mengajak murid dan wali murid memilih paslon tertentu.")
    page.set_input_files("input[name=evidence]", str(photo))
    page.check("input[name=agree]")
    page.get_by_role("button", name="Kirim laporan").click()
    page.wait_for_url("**/kasus/tanda-terima/**")
    code = page.get_by_test_id("tracking-code").inner_text()
    assert code.startswith("KWL-") and page.get_by_test_id("evidence-sha256").inner_text() == photo_sha
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    public_pages.append(page.content())
    pdf = page.request.get(live_server.url + page.get_by_test_id("receipt-pdf").get_attribute("href"))
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    page.screenshot(path=str(settings.VAR_DIR / "screenshot-cases-receipt.png"), full_page=True)

    case = Case.objects.get(tracking_code=code)
    staff = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900}).new_page()
    staff.goto(f"{live_server.url}/akun/masuk/")
    staff.fill("input[name=username]", personas.member.username)
    staff.fill("input[name=password]", PASSWORD)
    staff.get_by_role("button", name="Masuk").click()
    staff.wait_for_url(f"{live_server.url}/")
    staff.goto(f"{live_server.url}/kasus/")
    staff.get_by_role("link", name=code).click()
    assert NIK in staff.get_by_test_id("identity").inner_text()  # a handler sees the identity
    take(staff, "Mulai kajian awal")
    take(staff, "Registrasi")
    take(staff, "Mulai kajian")
    take(staff, "Putusan: pelanggaran hukum lainnya (mis. netralitas ASN, kepala desa, TNI/POLRI)",
         "Netralitas ASN: terbukti berkampanye di lingkungan sekolah.")
    take(staff, "Teruskan ke BKN")
    assert staff.get_by_test_id("case-state").inner_text() == "Diteruskan"
    staff.screenshot(path=str(settings.VAR_DIR / "screenshot-cases-detail.png"), full_page=True)
    case.refresh_from_db()
    assert (case.state, case.referred_to) == ("referred", "BKN")

    page.goto(f"{live_server.url}/kasus/lacak/")
    page.fill("input[name=code]", code.lower())
    page.get_by_role("button", name="Tampilkan status").click()
    page.wait_for_url(f"**/kasus/lacak/{code}/")
    assert page.get_by_test_id("public-status").inner_text() == "diteruskan"
    history = page.get_by_test_id("public-history").inner_text()
    steps = [
        "diterima", "diterima, dalam kajian awal", "diregistrasi", "diregistrasi, masih dalam proses",
        "pelanggaran", "diteruskan kepada BKN",
    ]
    assert [line.split("— ", 1)[1] for line in history.splitlines()] == steps
    public_pages.append(page.content())
    page.goto(f"{live_server.url}/kasus/pengumuman/")
    assert case.registration_number in page.content()
    public_pages.append(page.content())
    for html in public_pages:
        no_personal_data(html)
    citizen.close()


def test_case_list_and_page_fit_a_phone(live_server: Any, phone: Any, personas: Personas) -> None:
    from kawal.cases import services
    from tests.cases.conftest import event_fields, reporter_fields

    case = services.file_report({**reporter_fields(), **event_fields()})
    phone.goto(f"{live_server.url}/akun/masuk/")
    phone.fill("input[name=username]", personas.panwascam_kebomas.username)
    phone.fill("input[name=password]", PASSWORD)
    phone.get_by_role("button", name="Masuk").click()
    phone.wait_for_url(f"{live_server.url}/")
    for url in ("/kasus/", f"/kasus/{case.pk}/", f"/kasus/lacak/{case.tracking_code}/", "/kasus/pengumuman/"):
        phone.goto(live_server.url + url)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390, url
