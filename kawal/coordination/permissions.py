"""Who may run coordination work where: staff roles within their region scope."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from kawal.accounts.models import STAFF_ROLES
from kawal.core.scope import ALL_REGIONS, code_covers, scope_codes


def can_work_in(user: Any, region_code: str) -> bool:
    """True when the user holds a staff role whose region covers ``region_code``."""
    codes = scope_codes(user, STAFF_ROLES)
    if codes is ALL_REGIONS:
        return True
    return any(code_covers(code, region_code) for code in codes or [])


def require_staff_in(user: Any, region_code: str) -> None:
    if not can_work_in(user, region_code):
        raise PermissionDenied(_("You may only run coordination work within your own area."))
