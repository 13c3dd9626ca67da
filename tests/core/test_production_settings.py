"""Production mode refuses unsafe configuration and passes Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 20 + "Zq8#x!vP2$mW9^rT4&yU7*iO1(pL3)aS6_dF0+gH5" + "j" * 10


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    base.update({"KAWAL_ENV": "production", "ALLOWED_HOSTS": "kawal.example.id", "KAWAL_TESTING": "0"})
    base.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key() -> None:
    result = run_manage("check", FIELD_ENCRYPTION_KEYS="a2F3YWwta2V5LWZvci10ZXN0cy0wMDAwMDAwMDAwMDA=")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_a_short_secret_key() -> None:
    result = run_manage("check", SECRET_KEY="too-short", FIELD_ENCRYPTION_KEYS="x")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_check_deploy_is_clean_in_production_mode(tmp_path: Path) -> None:
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=GOOD_KEY,
        FIELD_ENCRYPTION_KEYS="a2F3YWwta2V5LWZvci10ZXN0cy0wMDAwMDAwMDAwMDA=",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout
