"""Personal data encrypted at rest (reporter identity, contact details).

Values are encrypted with Fernet (AES-128-CBC + HMAC) under the keys in
``settings.FIELD_ENCRYPTION_KEYS``; the first key encrypts, every key decrypts, so keys
can be rotated by putting a new key first.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

PREFIX = "enc1:"


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in keys])


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(value: str) -> str:
    return PREFIX + fernet().encrypt(value.encode()).decode()


def decrypt(stored: str) -> str:
    if not stored.startswith(PREFIX):
        return stored  # written before encryption was turned on
    try:
        return fernet().decrypt(stored[len(PREFIX) :].encode()).decode()
    except InvalidToken as error:
        raise ValueError("Encrypted value cannot be read with the configured FIELD_ENCRYPTION_KEYS.") from error


class EncryptedTextField(models.TextField):
    """A text column stored encrypted; reads and writes plain ``str`` in Python.

    It cannot be filtered or ordered on (the ciphertext is randomised).
    """

    description = _("Encrypted text")

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        return None if value is None else decrypt(value)

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str) and value.startswith(PREFIX):
            return decrypt(value)
        return value

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return encrypt(str(value))


def mask(value: str | None, keep: int = 2) -> str:
    """Show only the last ``keep`` characters: ``081234567890`` → ``••••••••••90``."""
    if not value:
        return ""
    if "@" in value:
        name, _at, domain = value.partition("@")
        return f"{name[:1]}•••@{domain}"
    visible = value[-keep:] if keep else ""
    return "•" * max(len(value) - keep, 3) + visible
