"""API tokens for report intake, checked without touching the ORM on the hot path.

A token is looked up once per process and ``TOKEN_TTL`` seconds (one query joining the
user and their memberships); after that a request costs a SHA-256 and a dict lookup.
A revoked token stops working in this process at once and in others within the TTL.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from kawal.core import audit
from kawal.supervision.intake import Reporter, reporter_for
from kawal.supervision.models import IntakeToken

TOKEN_TTL = 60.0
_cache: dict[str, tuple[Reporter, float]] = {}
_lock = threading.Lock()


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue_token(user: Any, *, by: Any = None, label: str = "") -> str:
    """Create a token for ``user`` and return its key (shown once; only the hash is kept)."""
    key = secrets.token_urlsafe(32)
    with transaction.atomic():
        token = IntakeToken.objects.create(user=user, key_hash=_hash(key), label=label[:100])
        audit.record("supervision.token_issued", actor=by, target=token, data={"user": user.get_username()})
    return key


def revoke_token(token: IntakeToken, *, by: Any = None) -> None:
    with transaction.atomic():
        IntakeToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
        audit.record("supervision.token_revoked", actor=by, target=token)
    clear_cache()


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def reporter_for_key(key: str) -> Reporter | None:
    digest = _hash(key)
    now = time.monotonic()
    hit = _cache.get(digest)
    if hit is not None and hit[1] > now:
        return hit[0]
    token = (
        IntakeToken.objects.filter(key_hash=digest, revoked_at__isnull=True, user__is_active=True)
        .select_related("user")
        .first()
    )
    if token is None:
        with _lock:
            _cache.pop(digest, None)
        return None
    reporter = reporter_for(token.user)
    with _lock:
        _cache[digest] = (reporter, now + TOKEN_TTL)
    return reporter


class TokenReporter:
    """What ``request.user`` is for a token request: enough for DRF, no ORM object."""

    is_authenticated = True
    is_active = True
    is_anonymous = False

    def __init__(self, reporter: Reporter) -> None:
        self.reporter = reporter
        self.pk = reporter.user_id

    def get_username(self) -> str:
        return self.reporter.label


class IntakeTokenAuthentication(BaseAuthentication):
    keyword = b"token"

    def authenticate(self, request: Request) -> tuple[TokenReporter, None] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword:
            return None
        if len(parts) != 2:
            raise AuthenticationFailed(_("Invalid token header."))
        reporter = reporter_for_key(parts[1].decode("latin-1"))
        if reporter is None:
            raise AuthenticationFailed(_("Invalid or revoked token."))
        return TokenReporter(reporter), None

    def authenticate_header(self, request: Request) -> str:
        return "Token"


class IntakeTokenScheme(OpenApiAuthenticationExtension):
    """Documents the token in the OpenAPI schema."""

    target_class = "kawal.supervision.tokens.IntakeTokenAuthentication"
    name = "intakeToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token <key>`: an intake token issued to a PTPS, PKD or staff user.",
        }
