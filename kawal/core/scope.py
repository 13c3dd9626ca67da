"""Region scope: the permission model.

A user's scope is the set of region codes of their active memberships; an object is
visible when its region code equals one of them or lies below it (``35.25`` covers
``35.25.01`` and ``35.25.01.2001``). Administrators and superusers see everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from django.db import models
from django.db.models import Q

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from kawal.accounts.models import User

_M = TypeVar("_M", bound=models.Model)

ALL_REGIONS = None  # what scope_codes returns for an unrestricted user


def code_covers(scope_code: str, code: str) -> bool:
    """True when ``code`` is ``scope_code`` itself or a region below it."""
    return code == scope_code or code.startswith(scope_code + ".")


def scope_codes(user: User | AnonymousUser | Any, roles: Iterable[str] | None = None) -> list[str] | None:
    """Region codes the user may see (``None`` = all regions, ``[]`` = none)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    if user.is_superuser:
        return ALL_REGIONS
    codes: list[str] | None = cast("User", user).region_codes(roles)
    return codes


def region_q(path: str, codes: Iterable[str]) -> Q:
    """A filter matching rows whose region (at ``path``, a FK to Region) lies in ``codes``."""
    q = Q(pk__in=[])
    for code in codes:
        q |= Q(**{f"{path}__code": code}) | Q(**{f"{path}__code__startswith": code + "."})
    return q


class RegionScopedQuerySet(models.QuerySet[_M], Generic[_M]):
    """Base queryset for region-scoped models; set ``region_path`` on the subclass."""

    region_path = "region"
    # Roles whose memberships grant sight of this model (None = any role).
    visible_roles: tuple[str, ...] | None = None

    def visible_to(self, user: Any) -> RegionScopedQuerySet[_M]:
        codes = scope_codes(user, self.visible_roles)
        if codes is ALL_REGIONS:
            return self
        if not codes:
            return self.none()
        return self.filter(region_q(self.region_path, codes))
