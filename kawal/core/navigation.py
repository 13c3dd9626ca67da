"""Navigation by role, contributed by each app.

An app's ``AppConfig`` may define ``nav_items``: a list of :class:`NavItem`. The shell
shows the items whose roles the user holds, in ``order``; an item whose URL does not
resolve is left out, so an app can be removed without touching the shell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class NavItem:
    label: Any  # a lazy translation
    url_name: str
    roles: tuple[str, ...] | None = None  # None: every signed-in user
    order: int = 50


def items_for(user: Any) -> list[dict[str, str]]:
    if not getattr(user, "is_authenticated", False):
        return []
    roles = user.roles()
    found: list[tuple[int, str, str]] = []
    for config in apps.get_app_configs():
        for item in getattr(config, "nav_items", ()):
            if item.roles is not None and not (roles & set(item.roles)) and not user.is_superuser:
                continue
            try:
                url = reverse(item.url_name)
            except NoReverseMatch:
                continue
            found.append((item.order, str(item.label), url))
    return [{"label": label, "url": url} for _order, label, url in sorted(found, key=lambda t: t[0])]
