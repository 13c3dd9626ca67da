"""Navigation by role, contributed by each app.

An app's ``AppConfig`` may define ``nav_items``: a list of :class:`NavItem`. The shell
shows the items whose roles the user holds, in ``order``; an app that contributes several
items gets one menu named after the app. An item whose URL does not resolve is left out, so
an app can be removed without touching the shell.
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


def _visible(item: NavItem, user: Any, roles: set[str]) -> str | None:
    if item.roles is not None and not (roles & set(item.roles)) and not user.is_superuser:
        return None
    try:
        return reverse(item.url_name)
    except NoReverseMatch:
        return None


def items_for(user: Any) -> list[dict[str, Any]]:
    """Entries for the shell: ``{label, url}`` or ``{label, children: [{label, url}, ...]}``."""
    if not getattr(user, "is_authenticated", False):
        return []
    roles = user.roles()
    entries: list[tuple[int, dict[str, Any]]] = []
    for config in apps.get_app_configs():
        links = [
            (item.order, {"label": str(item.label), "url": url})
            for item in getattr(config, "nav_items", ())
            if (url := _visible(item, user, roles)) is not None
        ]
        if len(links) == 1:
            entries.append(links[0])
        elif links:
            links.sort(key=lambda pair: pair[0])
            entries.append((links[0][0], {"label": str(config.verbose_name), "children": [link for _o, link in links]}))
    return [entry for _order, entry in sorted(entries, key=lambda pair: pair[0])]
