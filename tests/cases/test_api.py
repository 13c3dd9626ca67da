"""The REST API: public intake and tracking without personal data; staff list/detail within scope."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from unittest.mock import patch

import pytest
from django.test import Client

from kawal.cases.models import Case
from kawal.cases.workflow import State
from tests.cases.conftest import EMAIL, NIK, PHONE
from tests.cases.test_public_intake import form_data, photo, program_named_jpg
from tests.conftest import DUKUN, Personas

pytestmark = pytest.mark.django_db


def api_form(**overrides: Any) -> dict[str, Any]:
    data = form_data(**overrides)
    data["agree"] = "true"
    return data


def test_public_intake_returns_a_code_and_no_personal_data(client: Client, gresik: Any) -> None:
    response = client.post("/api/v1/kasus/lapor/", json.dumps(api_form()), content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.content.decode()
    case = Case.objects.get()
    assert response.json()["tracking_code"] == case.tracking_code and case.channel == "api"
    for secret in (NIK, PHONE, EMAIL):
        assert secret not in body


def test_public_intake_with_a_photo_by_multipart(client: Client, gresik: Any) -> None:
    response = client.post("/api/v1/kasus/lapor/", {**api_form(), "evidence": [photo()]})
    assert response.status_code == 201, response.content
    assert len(response.json()["evidence"]) == 1


def test_public_intake_refuses_a_disguised_program_with_a_message(client: Client, gresik: Any) -> None:
    response = client.post("/api/v1/kasus/lapor/", {**api_form(), "evidence": [program_named_jpg()]})
    assert response.status_code == 400 and "program" in json.dumps(response.json())
    assert not Case.objects.exists()


def test_public_intake_field_errors_are_indonesian(client: Client, gresik: Any) -> None:
    response = client.post("/api/v1/kasus/lapor/", json.dumps(api_form(reporter_nik="12")),
                           content_type="application/json")
    assert response.status_code == 400 and "16 digit" in response.json()["reporter_nik"][0]


def test_public_tracking(client: Client, make_case: Callable[..., Case]) -> None:
    case = make_case()
    response = client.get(f"/api/v1/kasus/lacak/{case.tracking_code}/")
    assert response.status_code == 200 and response.json()["status"] == "diterima"
    assert NIK not in response.content.decode()
    assert client.get("/api/v1/kasus/lacak/KWL-AAAA-BBBB-CCCC/").status_code == 404


def test_case_list_is_scoped_and_needs_login(
    client: Client, client_for: Any, personas: Personas, make_case: Callable[..., Case]
) -> None:
    kebomas, dukun = make_case(), make_case(region=DUKUN)
    assert client.get("/api/v1/kasus/").status_code in (401, 403)
    rows = client_for(personas.panwascam_kebomas).get("/api/v1/kasus/").json()["results"]
    codes = {row["tracking_code"] for row in rows}
    assert codes == {kebomas.tracking_code}
    assert client_for(personas.panwascam_kebomas).get(f"/api/v1/kasus/{dukun.pk}/").status_code == 404
    assert NIK not in client_for(personas.member).get("/api/v1/kasus/").content.decode()


def test_case_detail_masks_identity_for_non_handlers_and_lists_allowed_actions(
    client_for: Any, personas: Personas, make_case: Callable[..., Case]
) -> None:
    case = make_case(state=State.INITIAL_REVIEW)
    member = client_for(personas.member).get(f"/api/v1/kasus/{case.pk}/").json()
    assert member["reporter"]["reporter_nik"] == NIK and "register" in member["actions"]
    pkd = client_for(personas.pkd).get(f"/api/v1/kasus/{case.pk}/").json()
    assert pkd["reporter"]["reporter_nik"] != NIK and pkd["actions"] == []


def test_action_through_the_api_obeys_the_table(
    client_for: Any, personas: Personas, make_case: Callable[..., Case]
) -> None:
    case = make_case(state=State.INITIAL_REVIEW)
    refused = client_for(personas.staff).post(f"/api/v1/kasus/{case.pk}/aksi/", {"action": "register"})
    assert refused.status_code == 409 and "Peran Anda" in refused.json()["detail"]
    done = client_for(personas.member).post(f"/api/v1/kasus/{case.pk}/aksi/", {"action": "register"})
    assert done.status_code == 200 and done.json()["state"] == "registered"


def test_endpoints_are_in_the_openapi_schema(client_for: Any, personas: Personas) -> None:
    schema = client_for(personas.member).get("/api/schema/").content.decode()
    for path in ("/api/v1/kasus/lapor/", "/api/v1/kasus/lacak/{code}/", "/api/v1/kasus/{id}/", "/api/v1/kasus/"):
        assert path in schema


def test_public_intake_is_throttled_per_address(client: Client, gresik: Any) -> None:
    from kawal.core.throttling import PublicIntakeThrottle

    with patch.object(PublicIntakeThrottle, "rate", "2/hour"):
        codes = [client.post("/api/v1/kasus/lapor/", json.dumps(api_form(reporter_nik="12")),
                             content_type="application/json").status_code for _ in range(3)]
    assert codes == [400, 400, 429]


def test_case_list_query_count_is_flat(client_for: Any, personas: Personas, make_case: Callable[..., Case]) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(personas.member)
    make_case()
    client.get("/api/v1/kasus/")
    with CaptureQueriesContext(connection) as few:
        client.get("/api/v1/kasus/")
    for _ in range(5):
        make_case(region=DUKUN)
    with CaptureQueriesContext(connection) as many:
        assert len(client.get("/api/v1/kasus/").json()["results"]) == 6
    assert len(many) == len(few)
