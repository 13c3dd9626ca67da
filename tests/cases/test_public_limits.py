"""Public forms are limited per network address, on the same counters as the public API."""

from __future__ import annotations

import json
from typing import Any
from unittest.mock import patch

import pytest
from django.test import Client

from kawal.cases.models import Case
from kawal.core.throttling import PublicIntakeThrottle, PublicTrackingThrottle
from tests.cases.test_api import api_form
from tests.cases.test_public_intake import form_data
from tests.conftest import Personas

pytestmark = pytest.mark.django_db


def test_a_flood_of_reports_is_stopped_with_the_typed_values_kept(client: Client, gresik: Any) -> None:
    with patch.object(PublicIntakeThrottle, "rate", "2/hour"):
        first = client.post("/kasus/lapor/", form_data())
        second = client.post("/kasus/lapor/", form_data(title="Laporan kedua"))
        third = client.post("/kasus/lapor/", form_data(title="Laporan ketiga yang ditahan"))
    assert first.status_code == second.status_code == 302
    assert third.status_code == 429
    html = third.content.decode()
    assert "Terlalu banyak kiriman dari alamat jaringan ini" in html and "60 menit" in html
    assert 'value="Laporan ketiga yang ditahan"' in html  # nothing typed is lost
    assert "Perbaiki isian yang ditandai" not in html  # nothing is wrong with what was typed
    assert Case.objects.count() == 2


def test_the_web_form_and_the_api_share_one_budget(client: Client, gresik: Any) -> None:
    with patch.object(PublicIntakeThrottle, "rate", "2/hour"):
        assert client.post("/kasus/lapor/", form_data()).status_code == 302
        api = client.post("/api/v1/kasus/lapor/", json.dumps(api_form()), content_type="application/json")
        assert api.status_code == 201
        assert client.post("/kasus/informasi/", form_data()).status_code == 429


def test_another_address_is_not_held_back(client: Client, gresik: Any) -> None:
    with patch.object(PublicIntakeThrottle, "rate", "1/hour"):
        assert client.post("/kasus/lapor/", form_data(), REMOTE_ADDR="10.0.0.1").status_code == 302
        assert client.post("/kasus/lapor/", form_data(), REMOTE_ADDR="10.0.0.1").status_code == 429
        assert client.post("/kasus/lapor/", form_data(), REMOTE_ADDR="10.0.0.2").status_code == 302


def test_signed_in_staff_are_not_limited(client_for: Any, personas: Personas, gresik: Any) -> None:
    client = client_for(personas.staff)
    with patch.object(PublicIntakeThrottle, "rate", "1/hour"):
        codes = [client.post("/kasus/lapor/", form_data()).status_code for _ in range(3)]
    assert codes == [302, 302, 302]


def test_guessing_tracking_codes_is_slowed_down(client: Client, gresik: Any) -> None:
    with patch.object(PublicTrackingThrottle, "rate", "2/hour"):
        codes = [client.get("/kasus/lacak/", {"code": f"KWL-AAAA-BBBB-CCC{n}"}).status_code for n in range(2, 5)]
        page = client.get("/kasus/lacak/", {"code": "KWL-AAAA-BBBB-CCC5"}).content.decode()
    assert codes == [200, 200, 429]
    assert "Terlalu banyak pencarian dari alamat jaringan ini" in page


def test_a_made_up_forwarded_address_gives_no_fresh_budget(client: Client, gresik: Any) -> None:
    with patch.object(PublicIntakeThrottle, "rate", "1/hour"):
        assert client.post("/kasus/lapor/", form_data(), HTTP_X_FORWARDED_FOR="1.1.1.1").status_code == 302
        assert client.post("/kasus/lapor/", form_data(), HTTP_X_FORWARDED_FOR="2.2.2.2").status_code == 429


def test_behind_a_trusted_proxy_the_address_it_saw_counts(client: Client, gresik: Any, settings: Any) -> None:
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    with patch.object(PublicIntakeThrottle, "rate", "1/hour"):
        # The proxy appends the address it saw; what the client sent before it is ignored.
        assert client.post("/kasus/lapor/", form_data(), HTTP_X_FORWARDED_FOR="9.9.9.9, 10.0.0.1").status_code == 302
        assert client.post("/kasus/lapor/", form_data(), HTTP_X_FORWARDED_FOR="8.8.8.8, 10.0.0.1").status_code == 429
        assert client.post("/kasus/lapor/", form_data(), HTTP_X_FORWARDED_FOR="10.0.0.2").status_code == 302
