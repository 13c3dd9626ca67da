"""The intake API: token auth, single and batch, idempotency, scope, schema."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from kawal.elections.models import Election
from kawal.supervision.models import IntakeToken, TpsReport
from kawal.supervision.tokens import issue_token, revoke_token
from tests.conftest import KEBOMAS, RANDUAGUNG, SAWO, Personas
from tests.supervision.conftest import payload, tps

pytestmark = pytest.mark.django_db

SINGLE = "/api/v1/pengawasan/laporan-tps/"
BATCH = "/api/v1/pengawasan/laporan-tps/batch/"


def post(client: Client, url: str, body: object, key: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    response = client.post(url, json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=f"Token {key}")
    return response.status_code, response.json()


def test_a_ptps_token_submits_once_and_a_retry_is_a_duplicate(personas: Personas, pilbup: Election) -> None:
    key = issue_token(personas.ptps, label="hp")
    data = payload(pilbup, tps())
    assert post(Client(), SINGLE, data, key)[0] == 201
    status, body = post(Client(), SINGLE, data, key)
    assert (status, body["status"], body["version"]) == (200, "duplicate", 1)
    assert TpsReport.objects.count() == 1
    assert TpsReport.objects.get().submitted_by == personas.ptps


def test_an_inconsistent_tally_is_accepted_and_the_reason_returned(personas: Personas, pilbup: Election) -> None:
    key = issue_token(personas.ptps)
    status, body = post(Client(), SINGLE, payload(pilbup, tps(), cast=999), key)
    assert status == 201
    assert "votes_mismatch" in body["flags"]
    assert any("tidak sama" in reason for reason in body["reasons"])


def test_a_tps_out_of_scope_is_not_found_and_bad_input_is_400(personas: Personas, pilbup: Election) -> None:
    key = issue_token(personas.ptps)
    assert post(Client(), SINGLE, payload(pilbup, tps(SAWO, 1)), key)[0] == 404
    status, body = post(Client(), SINGLE, payload(pilbup, tps(), dpt=-3), key)
    assert status == 400 and "dpt" in body["errors"]
    assert post(Client(), SINGLE, "not an object", key)[0] == 400
    assert not TpsReport.objects.exists()


def test_no_token_or_a_revoked_token_is_refused(personas: Personas, pilbup: Election) -> None:
    data = payload(pilbup, tps())
    assert Client().post(SINGLE, json.dumps(data), content_type="application/json").status_code in (401, 403)
    key = issue_token(personas.ptps)
    revoke_token(IntakeToken.objects.get(), by=personas.admin)
    assert post(Client(), SINGLE, data, key)[0] == 401
    assert post(Client(), SINGLE, data, "made-up")[0] == 401
    assert not TpsReport.objects.exists()


def test_a_batch_gets_a_verdict_per_item_and_resending_it_creates_nothing(personas: Personas, pilbup: Election) -> None:
    key = issue_token(personas.pkd)
    reports = [payload(pilbup, tps(RANDUAGUNG, n)) for n in (1, 2, 3)] + [payload(pilbup, tps(), dpt="x")]
    status, body = post(Client(), BATCH, {"reports": reports}, key)
    assert status == 200
    assert [r["status"] for r in body["results"]] == ["created", "created", "created", "invalid"]
    status, body = post(Client(), BATCH, {"reports": reports[:3]}, key)
    assert (body["created"], body["duplicates"]) == (0, 3)
    assert TpsReport.objects.count() == 3
    assert post(Client(), BATCH, [1, 2], key)[0] == 400


def test_the_session_of_the_form_may_use_the_batch_endpoint_with_csrf(
    personas: Personas, pilbup: Election, client_for  # type: ignore[no-untyped-def]
) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.ptps)
    body = json.dumps({"reports": [payload(pilbup, tps())]})
    assert client.post(BATCH, body, content_type="application/json").status_code == 403  # no CSRF token
    client.get("/pengawasan/lapor/", follow=True)
    token = client.cookies["csrftoken"].value
    response = client.post(BATCH, body, content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert response.json()["created"] == 1


def test_area_totals_answer_in_scope_and_404_outside(
    personas: Personas, pilbup: Election, client_for  # type: ignore[no-untyped-def]
) -> None:
    post(Client(), SINGLE, payload(pilbup, tps(), votes={"1": 250, "2": 50}), issue_token(personas.ptps))
    body = client_for(personas.panwascam_kebomas).get(f"/api/v1/pengawasan/total/{pilbup.pk}/{KEBOMAS}/").json()
    assert body["votes"] == {"1": 250, "2": 50}
    assert (body["reported"], body["expected"]) == (1, 5)
    url = f"/api/v1/pengawasan/total/{pilbup.pk}/{KEBOMAS}/"
    assert client_for(personas.panwascam_dukun).get(url).status_code == 404


def test_the_openapi_schema_documents_single_and_batch_intake(personas: Personas, client_for) -> None:  # type: ignore[no-untyped-def]
    schema = client_for(personas.admin).get("/api/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert "/api/v1/pengawasan/laporan-tps/" in schema
    assert "/api/v1/pengawasan/laporan-tps/batch/" in schema
    assert "submission_id" in schema


def test_single_reports_and_corrections_keep_totals_equal_to_a_direct_count(
    personas: Personas, pilbup: Election
) -> None:
    from kawal.supervision.tabulation import area_total, direct_count
    from tests.conftest import GRESIK

    key = issue_token(personas.admin)
    for round_, (first, second) in enumerate([(200, 100), (180, 120), (180, 120)]):
        for number in (1, 2, 3):
            data = payload(pilbup, tps(RANDUAGUNG, number), votes={"1": first + number, "2": second})
            status, body = post(Client(), SINGLE, data, key)
            assert status == 201 and body["version"] == round_ + 1
            assert ("tally_changed" in body["flags"]) == (round_ == 1)
    for code in (GRESIK, KEBOMAS, RANDUAGUNG, f"{RANDUAGUNG}.002"):
        assert area_total(pilbup, code).key() == direct_count(pilbup, code).key()
    assert area_total(pilbup, GRESIK).votes == {1: 181 + 182 + 183, 2: 360}
