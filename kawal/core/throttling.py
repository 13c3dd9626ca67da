"""Per-address limits for pages without an account, on the same counters as the API's.

The web forms and the API endpoints that do the same thing share a throttle scope, so a
sender cannot double the budget by switching channel. DRF's throttles key on the client
address (``REMOTE_ADDR``, or ``X-Forwarded-For`` with ``NUM_PROXIES`` set) and store the
counts in the default cache (Redis in production, shared by every server process).
Signed-in users are not limited: they are accountable by name.
"""

from __future__ import annotations

import math

from django.http import HttpRequest
from rest_framework.throttling import AnonRateThrottle


class PublicIntakeThrottle(AnonRateThrottle):
    """Reports, anonymous information and completions sent without an account (spam, disk filling)."""

    scope = "cases_intake"
    rate = "60/hour"  # generous for a shared office or campus connection


class PublicTrackingThrottle(AnonRateThrottle):
    """Looking up tracking codes: slows down guessing (≈2**59 codes) further."""

    scope = "cases_tracking"
    rate = "300/hour"


class CheckInThrottle(AnonRateThrottle):
    """Meeting check-ins: a whole room may share the venue's Wi-Fi, so the rate is high."""

    scope = "coordination_checkin"
    rate = "300/hour"


def wait_minutes(throttle: AnonRateThrottle, request: HttpRequest) -> int | None:
    """None when the request may go ahead (and is counted); else whole minutes to wait."""
    if throttle.allow_request(request, None):  # type: ignore[arg-type]  # reads only META and user
        return None
    return max(1, math.ceil((throttle.wait() or 60) / 60))
