import pytest
from cryptography.fernet import Fernet

from kawal.core import crypto


def test_round_trip_and_ciphertext_hides_the_value() -> None:
    stored = crypto.encrypt("3525010101900001")
    assert "3525010101900001" not in stored
    assert crypto.decrypt(stored) == "3525010101900001"


def test_rotated_keys_still_read_old_values(settings) -> None:  # type: ignore[no-untyped-def]
    old = settings.FIELD_ENCRYPTION_KEYS[0]
    stored = crypto.encrypt("081234567890")
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), old]
    assert crypto.decrypt(stored) == "081234567890"


def test_a_wrong_key_fails_loudly(settings) -> None:  # type: ignore[no-untyped-def]
    stored = crypto.encrypt("rahasia")
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(ValueError, match="FIELD_ENCRYPTION_KEYS"):
        crypto.decrypt(stored)


@pytest.mark.parametrize(
    ("value", "masked"),
    [("081234567890", "••••••••••90"), ("budi@example.com", "b•••@example.com"), ("", ""), ("12", "•••12")],
)
def test_mask(value: str, masked: str) -> None:
    assert crypto.mask(value) == masked
