import pytest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from kawal.core.models import AuditEvent
from tests.conftest import PASSWORD, Personas

pytestmark = pytest.mark.django_db


def log_in(client: Client, username: str, password: str, otp: str = "") -> object:
    return client.post("/akun/masuk/", {"username": username, "password": password, "otp_token": otp})


def test_login_page_is_in_indonesian(client: Client) -> None:
    response = client.get("/akun/masuk/")
    assert response.status_code == 200
    assert "Masuk" in response.content.decode()


def test_correct_password_logs_in_and_reaches_home(client: Client, personas: Personas) -> None:
    response = log_in(client, "staf", PASSWORD)
    assert response.status_code == 302  # type: ignore[attr-defined]
    home = client.get("/")
    assert home.status_code == 200
    assert "Selamat datang" in home.content.decode()


def test_wrong_password_is_refused_with_a_message(client: Client, personas: Personas) -> None:
    response = log_in(client, "staf", "salah")
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert "benar" in response.content.decode()  # "...nama pengguna dan kata sandi yang benar"


def test_repeated_failures_lock_the_account(client: Client, personas: Personas) -> None:
    for _ in range(5):
        log_in(client, "staf", "salah")
    response = log_in(client, "staf", PASSWORD)
    assert response.status_code == 429  # type: ignore[attr-defined]
    assert "Terlalu banyak" in response.content.decode()  # type: ignore[attr-defined]


def test_two_factor_user_needs_the_code(client: Client, personas: Personas) -> None:
    device = TOTPDevice.objects.create(user=personas.member, name="hp", confirmed=True)
    response = log_in(client, "anggota", PASSWORD)
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert "kode" in response.content.decode().lower()  # type: ignore[attr-defined]
    token = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    assert log_in(client, "anggota", PASSWORD, f"{token:06d}").status_code == 302  # type: ignore[attr-defined]


def test_turning_on_two_factor_is_audited(client_for, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    client = client_for(personas.member)
    assert client.get("/akun/profil/2fa/").status_code == 200
    device = TOTPDevice.objects.get(user=personas.member, confirmed=False)
    token = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()
    response = client.post("/akun/profil/2fa/", {"token": f"{token:06d}"})
    assert response.status_code == 302
    assert TOTPDevice.objects.filter(user=personas.member, confirmed=True).exists()
    assert AuditEvent.objects.filter(action="accounts.two_factor_enabled").exists()


def test_logout_needs_post_and_ends_the_session(client_for, personas: Personas) -> None:  # type: ignore[no-untyped-def]
    client = client_for(personas.staff)
    assert client.get("/akun/keluar/").status_code == 405
    assert client.get("/wilayah/").status_code == 302  # still logged in
    client.post("/akun/keluar/")
    assert client.get("/wilayah/")["Location"].startswith("/akun/masuk/")
    assert "Selamat datang" not in client.get("/").content.decode()
