"""Writes to users and memberships."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from kawal.accounts.models import Membership, User
from kawal.core import audit


def ensure_user(
    username: str,
    *,
    by: Any = None,
    password: str | None = None,
    full_name: str = "",
    email: str = "",
    is_superuser: bool = False,
) -> tuple[User, bool]:
    """Create the user if missing (idempotent); returns the user and whether it was created."""
    with transaction.atomic():
        user = User.objects.filter(username=username).first()
        if user is not None:
            return user, False
        user = User(
            username=username, full_name=full_name, email=email, is_superuser=is_superuser, is_staff=is_superuser
        )
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        audit.record("accounts.user_created", actor=by, target=user, data={"username": username})
    return user, True


def grant_membership(
    user: User,
    *,
    role: str,
    region_code: str,
    by: Any = None,
    division: str = "",
    position: str = "",
) -> Membership:
    """Give ``user`` a role in a region (idempotent: an existing one is updated)."""
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            user=user, role=role, region_id=region_code, defaults={"division": division, "position": position}
        )
        changed = created or (membership.division, membership.position, membership.active) != (division, position, True)
        if changed:
            membership.division, membership.position, membership.active = division, position, True
            membership.save()
            audit.record(
                "accounts.membership_granted",
                actor=by,
                target=membership,
                region_code=region_code,
                data={"user": user.username, "role": role, "division": division},
            )
    if hasattr(user, "_memberships_cache"):
        del user._memberships_cache
    return membership


def pending_totp_device(user: User) -> Any:
    """The user's unconfirmed authenticator, created on first request."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _created = TOTPDevice.objects.get_or_create(user=user, confirmed=False, defaults={"name": "Authenticator"})
    return device


def confirm_totp_device(device: Any, token: str, *, by: User) -> bool:
    """Turn on two-factor log-in if ``token`` matches the new authenticator."""
    with transaction.atomic():
        if not device.verify_token(token.strip()):
            return False
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit.record("accounts.two_factor_enabled", actor=by, target=by)
    return True
