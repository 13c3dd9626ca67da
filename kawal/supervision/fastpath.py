"""A lean WSGI path for voting-day report intake, in front of Django.

``POST /api/v1/pengawasan/laporan-tps/`` (and ``.../batch/``) with an ``Authorization:
Token`` header is answered here without Django's request stack (sessions, locale, CSRF,
auth, OTP, messages, axes, htmx middleware, URL resolution, DRF): read the body
(size-capped), parse the JSON, authenticate the token with ``tokens.reporter_for_key``
(cached), and call the same ``services.receive()`` as the DRF views in ``api.py``, so
validation, scope, idempotency, quality flags, totals and the audit trail are the same.
The answers have the same JSON and status codes as the DRF views.

Everything else goes to Django untouched, including these paths without a token (the
form's session + CSRF), other methods, hosts Django would refuse, and plain HTTP where
Django would redirect to HTTPS. Cookies are never read here. Nothing from the request
(token, body) is logged.
"""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core import signals
from django.http.request import split_domain_port, validate_host
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import get_supported_language_variant, parse_accept_lang_header
from rest_framework.exceptions import UnsupportedMediaType

from kawal.supervision.models import Channel
from kawal.supervision.tokens import reporter_for_key

logger = logging.getLogger(__name__)

SINGLE = "/api/v1/pengawasan/laporan-tps/"
BATCH = "/api/v1/pengawasan/laporan-tps/batch/"
MAX_BODY = {SINGLE: 64 * 1024, BATCH: 2 * 1024 * 1024}  # a report is ~1-3 KB; a batch is at most 100
STATUS_TEXT = {200: "200 OK", 201: "201 Created", 400: "400 Bad Request", 401: "401 Unauthorized",
               404: "404 Not Found", 413: "413 Content Too Large", 415: "415 Unsupported Media Type",
               500: "500 Internal Server Error"}  # fmt: skip
SINGLE_STATUS = {"created": 201, "duplicate": 200, "invalid": 400, "not_found": 404}

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


class Answer(Exception):
    """Stop handling and send this status and body."""

    def __init__(self, status: int, body: Any, headers: list[tuple[str, str]] | None = None) -> None:
        super().__init__(status)
        self.status, self.body, self.headers = status, body, headers or []


class IntakeFastPath:
    """WSGI middleware: answers token-authenticated intake POSTs itself, passes everything else on."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path not in MAX_BODY or environ.get("REQUEST_METHOD") != "POST" or not self._ours(environ):
            return self.app(environ, start_response)
        return self.handle(environ, start_response, path)

    def _ours(self, environ: dict[str, Any]) -> bool:
        """A token request Django would itself answer (host allowed, no HTTPS redirect due)."""
        auth = environ.get("HTTP_AUTHORIZATION", "")
        if auth[:6].lower() != "token ":
            return False  # no token: the session (and CSRF) path, through Django
        if settings.SECURE_SSL_REDIRECT and not _is_secure(environ):
            return False
        host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
        domain, _port = split_domain_port(host)
        return bool(domain) and validate_host(domain, self.allowed_hosts())

    @staticmethod
    def allowed_hosts() -> list[str]:
        hosts = list(settings.ALLOWED_HOSTS)
        if settings.DEBUG and not hosts:
            hosts = [".localhost", "127.0.0.1", "[::1]"]  # as Django's HttpRequest.get_host()
        return hosts

    def handle(self, environ: dict[str, Any], start_response: StartResponse, path: str) -> Iterable[bytes]:
        language = _language(environ.get("HTTP_ACCEPT_LANGUAGE", ""))
        # As Django's handler: request_started/finished close stale or broken database connections.
        signals.request_started.send(sender=self.__class__, environ=environ)
        try:
            with translation.override(language):
                try:
                    status, body = self.answer(environ, path)
                    extra: list[tuple[str, str]] = []
                except Answer as answer:
                    status, body, extra = answer.status, answer.body, answer.headers
                except Exception as error:  # answered as a 500, logged without the request
                    # The type and where, never the message or the request: they may carry payload values.
                    stack = "".join(traceback.format_tb(error.__traceback__))
                    logger.error("Intake fast path failed: %s\n%s", type(error).__name__, stack)
                    status, body, extra = 500, {"detail": _("Server error.")}, []
        finally:
            signals.request_finished.send(sender=self.__class__)
        data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
        headers = [
            ("Content-Type", "application/json"),
            ("Content-Length", str(len(data))),
            ("Content-Language", language),
            ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
            ("Vary", "Accept-Language, Authorization"),
            *extra,
        ]
        if settings.SECURE_HSTS_SECONDS and _is_secure(environ):
            hsts = f"max-age={settings.SECURE_HSTS_SECONDS}"
            if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
                hsts += "; includeSubDomains"
            if settings.SECURE_HSTS_PRELOAD:
                hsts += "; preload"
            headers.append(("Strict-Transport-Security", hsts))
        start_response(STATUS_TEXT.get(status, f"{status} Error"), headers)
        return [data]

    def answer(self, environ: dict[str, Any], path: str) -> tuple[int, Any]:
        from kawal.supervision.services import receive

        parts = environ.get("HTTP_AUTHORIZATION", "").split()
        if len(parts) != 2:
            raise Answer(401, {"detail": _("Invalid token header.")}, [("WWW-Authenticate", "Token")])
        reporter = reporter_for_key(parts[1])
        if reporter is None:
            raise Answer(401, {"detail": _("Invalid or revoked token.")}, [("WWW-Authenticate", "Token")])
        content_type = environ.get("CONTENT_TYPE", "")
        media = content_type.split(";", 1)[0].strip().lower()
        if media != "application/json":
            raise Answer(415, {"detail": str(UnsupportedMediaType(content_type).detail)})
        data = _json(_read(environ, MAX_BODY[path]))
        if path == SINGLE:
            result = receive([data], reporter=reporter, channel=Channel.API, audit_batch=False)
            [item] = result.as_list()
            return SINGLE_STATUS[item["status"]], item
        if not isinstance(data, dict) or not isinstance(data.get("reports"), list):
            return 400, {"detail": _('Expected {"reports": [...]}.')}
        result = receive(data["reports"], reporter=reporter, channel=Channel.API)
        return 200, {"created": result.created, "duplicates": result.duplicates, "results": result.as_list()}


def _read(environ: dict[str, Any], limit: int) -> bytes:
    too_large = Answer(413, {"detail": _("The request is too large.")})
    raw_length = environ.get("CONTENT_LENGTH") or ""
    stream = environ["wsgi.input"]
    if raw_length:
        try:
            length = int(raw_length)
        except ValueError:
            raise Answer(400, {"detail": _("Invalid Content-Length.")}) from None
        if length < 0:
            raise Answer(400, {"detail": _("Invalid Content-Length.")})
        if length > limit:
            raise too_large
        return bytes(stream.read(length)) if length else b""
    body = bytes(stream.read(limit + 1))  # chunked: the server ends the stream
    if len(body) > limit:
        raise too_large
    return body


def _json(body: bytes) -> Any:
    """The parsed body, or None when it is not JSON (the views then answer "not a JSON object")."""
    if not body:
        return {}  # as DRF: an empty body is empty data
    try:
        return json.loads(body.decode("utf-8"), parse_constant=_no_constant)
    except (UnicodeDecodeError, ValueError):
        return None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")  # as DRF's strict JSON: no NaN or Infinity


def _language(header: str) -> str:
    """The language LocaleMiddleware would pick from Accept-Language (cookies are not read here)."""
    if header:
        try:
            accepted = parse_accept_lang_header(header[:500])
        except ValueError:
            accepted = ()
        for code, _q in accepted:
            if code == "*":
                break
            try:
                return get_supported_language_variant(code)
            except LookupError:
                continue
    return str(settings.LANGUAGE_CODE)


def _is_secure(environ: dict[str, Any]) -> bool:
    proxy = settings.SECURE_PROXY_SSL_HEADER
    if proxy:
        header, secure_value = proxy
        value = environ.get(header)
        if value is not None:
            return str(value).split(",")[0].strip() == secure_value
    return environ.get("wsgi.url_scheme") == "https"
