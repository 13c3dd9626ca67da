from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from kawal.core.navigation import items_for
from kawal.elections.models import Stage


def stage_status(today: Any = None) -> dict[str, Any]:
    """The stages running today, or else the latest finished and the next one."""
    today = today or timezone.localdate()
    current = list(Stage.objects.current(today).order_by("end_date")[:3])
    if current:
        return {"current_stages": current, "last_stage": None, "next_stage": None}
    last = Stage.objects.filter(end_date__lt=today).order_by("-end_date").first()
    upcoming = Stage.objects.filter(start_date__gt=today).order_by("start_date").first()
    return {"current_stages": [], "last_stage": last, "next_stage": upcoming}


def shell(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"nav_items": items_for(user), **stage_status()}
