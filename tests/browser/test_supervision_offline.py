"""On a phone, offline: a TPS report waits in the outbox, syncs once when back online."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings

from kawal.elections.models import Election
from kawal.regions.models import Region
from kawal.supervision.lookups import lookups
from kawal.supervision.models import TpsReport
from tests.conftest import PASSWORD, Personas
from tests.supervision.conftest import make_pilbup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pilbup(gresik: dict[str, Region]) -> Election:
    lookups.clear()
    return make_pilbup()


def log_in(page: Any, base: str, username: str) -> None:
    page.goto(f"{base}/akun/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(f"{base}/")


def fill_report(page: Any) -> None:
    page.fill("#id_checklist\\.opened_at", "07:00")
    page.select_option("#id_checklist\\.witnesses_present", "ya")
    for name, value in [
        ("dpt", "500"), ("dptb", "4"), ("dpk", "2"), ("voters_male", "150"), ("voters_female", "160"),
        ("ballots_received", "520"), ("ballots_used", "310"), ("ballots_damaged", "1"), ("ballots_unused", "209"),
        ("votes_1", "190"), ("votes_2", "110"), ("invalid", "10"), ("cast", "310"),
    ]:  # fmt: skip
        page.fill(f"#id_{name}", value)


def test_offline_report_syncs_once_and_resending_the_outbox_adds_nothing(
    live_server: Any, phone: Any, personas: Personas, pilbup: Election
) -> None:
    base = live_server.url
    log_in(phone, base, personas.ptps.username)
    phone.goto(f"{base}/pengawasan/lapor/{pilbup.pk}/")
    phone.wait_for_selector("#ptps-form[data-offline-ready='1']", state="attached")  # the form is cached
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390

    phone.context.set_offline(True)
    fill_report(phone)
    phone.get_by_test_id("submit").click()
    phone.wait_for_selector("#outbox-list li[data-status=pending]")
    assert "Menunggu sinyal" in phone.get_by_test_id("outbox").inner_text()
    assert "Luring" in phone.get_by_test_id("net-status").inner_text()
    assert TpsReport.objects.count() == 0
    phone.screenshot(path=str(settings.VAR_DIR / "screenshot-ptps-offline.png"), full_page=True)

    phone.context.set_offline(False)
    phone.wait_for_selector("#outbox-list li[data-status=sent]", timeout=20000)
    assert TpsReport.objects.count() == 1
    report = TpsReport.objects.get()
    assert (report.votes, report.channel) == ({"1": 190, "2": 110}, "api")
    assert "Terkirim" in phone.get_by_test_id("outbox").inner_text()

    phone.get_by_test_id("resend").click()
    phone.wait_for_function("document.getElementById('outbox-list').innerText.includes('Sudah diterima')")
    assert TpsReport.objects.count() == 1

    # The service worker keeps the form: it opens again without a connection.
    phone.context.set_offline(True)
    phone.reload()
    assert phone.get_by_test_id("submit").is_visible()
    phone.context.set_offline(False)


def test_the_phone_form_shows_the_flag_reason_for_a_tally_that_does_not_add_up(
    live_server: Any, phone: Any, personas: Personas, pilbup: Election
) -> None:
    base = live_server.url
    log_in(phone, base, personas.ptps.username)
    phone.goto(f"{base}/pengawasan/lapor/{pilbup.pk}/")
    fill_report(phone)
    phone.fill("#id_cast", "400")
    phone.get_by_test_id("submit").click()
    phone.wait_for_selector("#outbox-list li[data-status=sent]", timeout=20000)
    text = phone.get_by_test_id("outbox").inner_text()
    assert "angkanya tidak cocok" in text
    assert "tidak sama dengan jumlah suara" in text
    phone.screenshot(path=str(settings.VAR_DIR / "screenshot-ptps-flagged.png"), full_page=True)


def test_a_photo_taken_offline_waits_with_its_report_and_is_uploaded_once(
    live_server: Any, phone: Any, personas: Personas, pilbup: Election
) -> None:
    import io

    from PIL import Image

    from kawal.supervision.models import TallyPhoto

    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "white").save(buffer, "JPEG")
    base = live_server.url
    log_in(phone, base, personas.ptps.username)
    phone.goto(f"{base}/pengawasan/lapor/{pilbup.pk}/")
    phone.wait_for_selector("#ptps-form[data-offline-ready='1']", state="attached")

    phone.context.set_offline(True)
    fill_report(phone)
    phone.set_input_files("#id_photo", files=[{"name": "chasil.jpg", "mimeType": "image/jpeg",
                                               "buffer": buffer.getvalue()}])  # fmt: skip
    phone.get_by_test_id("submit").click()
    phone.wait_for_selector("#outbox-list li[data-photo=pending]")
    assert "foto menunggu dikirim" in phone.get_by_test_id("outbox").inner_text()

    phone.context.set_offline(False)
    phone.wait_for_selector("#outbox-list li[data-photo=sent]", timeout=20000)
    report = TpsReport.objects.get()
    assert TallyPhoto.objects.filter(report=report).count() == 1
    assert "foto terkirim" in phone.get_by_test_id("outbox").inner_text()

    phone.get_by_test_id("resend").click()
    phone.wait_for_function("document.getElementById('outbox-list').innerText.includes('Sudah diterima')")
    assert TpsReport.objects.count() == 1 and TallyPhoto.objects.count() == 1
