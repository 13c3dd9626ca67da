"""The WSGI fast path for report intake answers as the DRF views do, and passes the rest to Django."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from typing import Any

import pytest
from django.core import signals
from django.db import close_old_connections
from django.test import Client

from kawal.elections.models import Election
from kawal.supervision.fastpath import BATCH, SINGLE, IntakeFastPath
from kawal.supervision.models import IntakeToken, TpsReport
from kawal.supervision.tokens import issue_token, revoke_token
from kawal.wsgi import application
from tests.conftest import RANDUAGUNG, SAWO, Personas
from tests.supervision.conftest import payload, tps

pytestmark = pytest.mark.django_db


def environ(path: str, body: bytes = b"", *, method: str = "POST", key: str | None = None,
            content_type: str = "application/json", **extra: str) -> dict[str, Any]:  # fmt: skip
    env: dict[str, Any] = {
        "REQUEST_METHOD": method, "PATH_INFO": path, "SCRIPT_NAME": "", "QUERY_STRING": "",
        "SERVER_NAME": "testserver", "SERVER_PORT": "80", "HTTP_HOST": "testserver", "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(body), "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False, "wsgi.multiprocess": True, "wsgi.run_once": False, "wsgi.version": (1, 0),
        "CONTENT_TYPE": content_type, "CONTENT_LENGTH": str(len(body)),
    }  # fmt: skip
    if key is not None:
        env["HTTP_AUTHORIZATION"] = f"Token {key}"
    env.update(extra)
    return env


def call(app: Any, env: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
    seen: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        seen["status"], seen["headers"] = int(status.split()[0]), dict(headers)

    # As Django's test client: the request signals must not close the test's transaction.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        chunks: Iterable[bytes] = app(env, start_response)
        try:
            body = b"".join(chunks)
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)
    return seen["status"], seen["headers"], body


def fast(path: str, body: object, key: str, **extra: str) -> tuple[int, Any]:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    status, headers, data = call(application, environ(path, raw, key=key, **extra))
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cache-Control"] == "no-store"
    assert headers["Content-Type"] == "application/json"
    return status, json.loads(data)


def drf(path: str, body: object, key: str) -> tuple[int, Any]:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    response = Client().post(path, raw, content_type="application/json", HTTP_AUTHORIZATION=f"Token {key}")
    return response.status_code, response.json()


def without_ids(body: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in body.items() if k not in {"submission_id", "report_id"}}


def test_a_report_gets_the_same_answer_as_through_drf(personas: Personas, pilbup: Election) -> None:
    key = issue_token(personas.pkd)
    flagged = {"cast": 999}
    status_fast, body_fast = fast(SINGLE, payload(pilbup, tps(RANDUAGUNG, 1), **flagged), key)
    status_drf, body_drf = drf(SINGLE, payload(pilbup, tps(RANDUAGUNG, 2), **flagged), key)
    assert status_fast == status_drf == 201
    assert without_ids(body_fast) == without_ids(body_drf)
    assert "votes_mismatch" in body_fast["flags"] and body_fast["reasons"]
    stored = TpsReport.objects.get(pk=body_fast["report_id"])
    assert (stored.submitted_by, stored.channel, stored.version) == (personas.pkd, "api", 1)


def test_a_retry_with_the_same_uuid_is_a_duplicate_on_either_path(personas: Personas, pilbup: Election) -> None:
    key = issue_token(personas.ptps)
    data = payload(pilbup, tps())
    status, first = fast(SINGLE, data, key)
    assert status == 201
    for again in (fast(SINGLE, data, key), drf(SINGLE, data, key)):
        assert again == (200, {**first, "status": "duplicate"})
    assert TpsReport.objects.count() == 1


def test_invalid_and_out_of_scope_reports_get_the_drf_answer(personas: Personas, pilbup: Election) -> None:
    key = issue_token(personas.ptps)
    out_of_scope = payload(pilbup, tps(SAWO, 1))
    bad_number = payload(pilbup, tps(), dpt=-3)
    assert fast(SINGLE, out_of_scope, key) == drf(SINGLE, out_of_scope, key)
    assert fast(SINGLE, out_of_scope, key)[0] == 404
    status, body = fast(SINGLE, bad_number, key)
    assert (status, body) == drf(SINGLE, bad_number, key)
    assert status == 400 and "dpt" in body["errors"]
    assert not TpsReport.objects.exists()


def test_bad_json_is_400_in_indonesian(personas: Personas, pilbup: Election) -> None:
    key = issue_token(personas.ptps)
    for raw in (b"{not json", b"[1, 2]", b'{"dpt": NaN}', "\ufffe".encode("utf-16")):
        status, body = fast(SINGLE, raw, key)
        assert status == 400, raw
        assert body["status"] == "invalid"
    status, body = fast(SINGLE, b"{not json", key)
    assert (status, body) == drf(SINGLE, b"{not json", key)
    english = fast(SINGLE, b"{not json", key, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")[1]
    assert english["errors"]["__all__"] == "Each report must be a JSON object."
    assert body["errors"]["__all__"] == "Setiap laporan harus berupa objek JSON."
    assert fast(BATCH, b"{not json", key)[0] == 400
    assert not TpsReport.objects.exists()


def test_unknown_or_revoked_tokens_are_refused(personas: Personas, pilbup: Election) -> None:
    data = payload(pilbup, tps())
    key = issue_token(personas.ptps)
    revoke_token(IntakeToken.objects.get(), by=personas.admin)
    for bad in (key, "made-up"):
        raw = json.dumps(data).encode()
        status, headers, body = call(application, environ(SINGLE, raw, key=bad))
        assert status == 401 and headers["WWW-Authenticate"] == "Token"
        assert json.loads(body) == {"detail": "Token tidak sah atau sudah dicabut."}
        assert drf(SINGLE, data, bad) == (401, json.loads(body))
    assert not TpsReport.objects.exists()


def test_cookies_are_not_read_on_the_fast_path(personas: Personas, pilbup: Election, client_for) -> None:  # type: ignore[no-untyped-def]
    session = client_for(personas.admin).cookies["sessionid"].value
    raw = json.dumps(payload(pilbup, tps())).encode()
    status, _headers, _body = call(application, environ(SINGLE, raw, key="made-up", HTTP_COOKIE=f"sessionid={session}"))
    assert status == 401
    assert not TpsReport.objects.exists()


def test_only_json_and_a_capped_body(personas: Personas, pilbup: Election) -> None:
    key = issue_token(personas.ptps)
    raw = json.dumps(payload(pilbup, tps())).encode()
    status, _h, _b = call(application, environ(SINGLE, raw, key=key, content_type="text/plain"))
    assert status == 415
    huge = b'{"note": "' + b"x" * 70_000 + b'"}'
    status, _h, _b = call(application, environ(SINGLE, huge, key=key))
    assert status == 413
    chunked = environ(SINGLE, huge, key=key)
    del chunked["CONTENT_LENGTH"]
    assert call(application, chunked)[0] == 413
    assert not TpsReport.objects.exists()


def test_a_batch_gets_the_same_verdicts_as_through_drf(personas: Personas, pilbup: Election) -> None:
    key = issue_token(personas.pkd)
    reports = [payload(pilbup, tps(RANDUAGUNG, n)) for n in (1, 2, 3)] + [payload(pilbup, tps(), dpt="x")]
    status, body = fast(BATCH, {"reports": reports}, key)
    assert status == 200
    assert [r["status"] for r in body["results"]] == ["created", "created", "created", "invalid"]
    again = drf(BATCH, {"reports": reports}, key)
    assert again[0] == 200 and (again[1]["created"], again[1]["duplicates"]) == (0, 3)
    assert fast(BATCH, {"reports": reports}, key) == again
    assert fast(BATCH, [1, 2], key) == drf(BATCH, [1, 2], key)
    assert TpsReport.objects.count() == 3


def test_everything_else_passes_through_to_django(personas: Personas, pilbup: Election) -> None:
    reached: list[str] = []

    def django(env: dict[str, Any], start_response: Any) -> list[bytes]:
        reached.append(f"{env['REQUEST_METHOD']} {env['PATH_INFO']}")
        start_response("204 No Content", [])
        return []

    app = IntakeFastPath(django)
    key = issue_token(personas.ptps)
    raw = json.dumps(payload(pilbup, tps())).encode()
    cases = [
        environ(SINGLE, method="GET", key=key),  # other methods
        environ("/api/v1/pengawasan/laporan-tps", raw, key=key),  # not exactly the path
        environ("/api/v1/pengawasan/total/1/35/", method="GET", key=key),
        environ(SINGLE, raw),  # no token: the session path with CSRF
        environ(SINGLE, raw, HTTP_AUTHORIZATION=f"Bearer {key}"),
        environ(SINGLE, raw, key=key, HTTP_HOST="evil.example"),  # a host Django refuses
    ]
    for env in cases:
        assert call(app, env)[0] == 204
    assert len(reached) == len(cases)
    assert not TpsReport.objects.exists()
    # Through the real Django behind it: a GET on the intake path is DRF's 405, the schema is served.
    assert call(application, environ(SINGLE, method="GET", key=key))[0] == 405
    assert call(application, environ("/api/schema/", method="GET", key=key))[0] in (200, 401, 403)
