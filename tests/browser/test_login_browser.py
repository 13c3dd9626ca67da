from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.conftest import Personas

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_demo_member_logs_in_and_sees_the_indonesian_home(live_server: Any, page: Any) -> None:
    call_command("load_demo", "--quiet-logins")
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Masuk untuk pengawas dan pemangku kepentingan").click()
    assert "/akun/masuk/" in page.url
    page.fill("input[name=username]", "anggota")
    page.fill("input[name=password]", settings.KAWAL_DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.locator("h1").inner_text() == "Selamat datang, Anggota Demo"
    assert page.get_by_test_id("count-tps").inner_text() == "1.868"
    assert page.get_by_test_id("count-kecamatan").inner_text() == "18"
    assert "Tahapan terakhir" in page.get_by_test_id("stage-bar").inner_text()
    page.screenshot(path=str(settings.VAR_DIR / "screenshot-home.png"), full_page=True)


def test_phone_sized_login_shows_the_form_without_sideways_scrolling(
    live_server: Any, phone: Any, personas: Personas
) -> None:
    phone.goto(f"{live_server.url}/akun/masuk/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert phone.get_by_role("button", name="Masuk").is_visible()
