"""Scenarios 2 and 3 of issue 4 on the demo data, as a Bawaslu member sees them in the browser."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command

from kawal.coordination.demo import SEED_TITLE
from kawal.coordination.models import Meeting, Stakeholder

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = settings.VAR_DIR


def log_in_demo(page: Any, base: str) -> None:
    page.goto(f"{base}/akun/masuk/")
    page.fill("input[name=username]", "anggota")
    page.fill("input[name=password]", settings.KAWAL_DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base}/")


def test_demo_seed_meeting_follow_up_and_summary(live_server: Any, page: Any, phone: Any) -> None:
    call_command("load_demo", "--quiet-logins")
    base = live_server.url
    log_in_demo(page, base)

    page.get_by_text("Koordinasi stakeholder", exact=True).click()
    page.get_by_role("link", name="Rapat koordinasi").first.click()
    page.get_by_role("link", name=SEED_TITLE).click()
    assert "Hotel Khas Gresik" in page.content()
    attendance = page.get_by_test_id("attendance").inner_text()
    assert "Satpol PP Kabupaten Gresik" in attendance and "Awak media Gresik" in attendance
    page.screenshot(path=str(SHOTS / "screenshot-coordination-demo-meeting.png"), full_page=True)

    page.get_by_role("button", name="Notulen dan komitmen").click()
    assert page.locator("input[value=Rozikin]").count() == 1
    assert page.locator("input[value='Robbah Khunaifih']").count() == 1

    page.goto(f"{base}/koordinasi/tindak-lanjut/")
    first = page.get_by_test_id("group").first.inner_text()
    assert "Lewat tenggat" in first
    page.screenshot(path=str(SHOTS / "screenshot-coordination-follow-up.png"), full_page=True)

    kominfo = Stakeholder.objects.get(kind="kominfo")
    page.goto(f"{base}/koordinasi/stakeholder/{kominfo.pk}/")
    assert "Lewat tenggat" in page.get_by_test_id("commitments").inner_text()
    page.screenshot(path=str(SHOTS / "screenshot-coordination-stakeholder.png"), full_page=True)

    page.goto(f"{base}/koordinasi/rekap/?start=2024-09-01&end=2024-11-30")
    assert page.get_by_test_id("n-meetings").inner_text() == "2"
    assert page.locator("svg.chart").count() == 2
    page.screenshot(path=str(SHOTS / "screenshot-coordination-summary.png"), full_page=True)

    meeting = Meeting.objects.get(title=SEED_TITLE)
    phone.goto(f"{base}/koordinasi/hadir/{meeting.checkin_token}/")
    assert "Daftar hadir rapat ini sudah ditutup." in phone.content()
    phone.screenshot(path=str(SHOTS / "screenshot-coordination-checkin-closed.png"), full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
