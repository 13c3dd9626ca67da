"""Kawal settings: one module, driven by environment variables.

The embedded default (no variables set) is a development install: SQLite under
``var/``, huey on SQLite, local files, console e-mail. ``KAWAL_ENV=production``
turns on the deployment checks and refuses to start without a real secret key.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

django_stubs_ext.monkeypatch()  # lets admin and querysets take type parameters at run time

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("KAWAL_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)

KAWAL_ENV = os.environ.get("KAWAL_ENV", "development")
PRODUCTION = KAWAL_ENV == "production"
TESTING = "pytest" in sys.modules or os.environ.get("KAWAL_TESTING") == "1"


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def local_secret(filename: str) -> str:
    """A secret kept in ``var/`` for a development install, created on first use.

    Production never reaches this: there every secret comes from the environment.
    """
    path = VAR_DIR / filename
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY", "")
    if PRODUCTION:
        if len(key) < 50 or len(set(key)) < 5 or key.startswith("django-insecure"):
            raise ImproperlyConfigured(
                "KAWAL_ENV=production needs SECRET_KEY: a random value of at least 50 characters."
            )
        return key
    return key or local_secret(".secret_key")


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", not PRODUCTION and not TESTING)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

# Key for reporter identity encrypted at rest (Fernet keys, comma-separated: first
# one encrypts, all decrypt, so keys can be rotated).
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS", "")
if not FIELD_ENCRYPTION_KEYS:
    if PRODUCTION:
        raise ImproperlyConfigured("KAWAL_ENV=production needs FIELD_ENCRYPTION_KEYS.")
    from cryptography.fernet import Fernet

    _key_path = VAR_DIR / ".field_key"
    if not _key_path.exists():
        _key_path.write_bytes(Fernet.generate_key())
        _key_path.chmod(0o600)
    FIELD_ENCRYPTION_KEYS = [_key_path.read_text().strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "huey.contrib.djhuey",
    "kawal.core",
    "kawal.regions",
    "kawal.accounts",
    "kawal.elections",
]
# Domain apps that arrive with their own issues register here once they exist.
for _app in ("cases", "coordination", "supervision", "risk", "triage", "portal", "api"):
    if (BASE_DIR / "kawal" / _app / "apps.py").exists():
        INSTALLED_APPS.append(f"kawal.{_app}")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

if PRODUCTION:  # the WSGI server (granian, gunicorn) serves the collected static files through whitenoise
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "kawal.urls"
WSGI_APPLICATION = "kawal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "kawal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kawal.core.context_processors.shell",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'kawal.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web process and the huey worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    # Django turns psycopg's prepared statements off; the intake's server-side cursors ask
    # for them (``prepare=True``), so the hot statements are parsed and planned once per
    # connection. Django's own queries bind on the client and are not affected.
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = 5

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lock-out after repeated failed log-ins (django-axes).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_ENABLED = env_bool("AXES_ENABLED", True)

OTP_TOTP_ISSUER = "Kawal"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "kawal" / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "kawal" / "static_root"
STATICFILES_DIRS = [BASE_DIR / "kawal" / "static"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background jobs: huey on SQLite by default, on Redis when REDIS_URL is set; tests run
# tasks at once so what a job does is tested with the write that schedules it.
HUEY = {
    "name": "kawal",
    "immediate": TESTING or env_bool("HUEY_IMMEDIATE", False),
    "utc": True,
    "consumer": {"workers": 2, "worker_type": "thread"},
}
if REDIS_URL:
    HUEY.update({"huey_class": "huey.RedisHuey", "connection": {"url": REDIS_URL}})
else:
    HUEY.update({"huey_class": "huey.SqliteHuey", "filename": str(VAR_DIR / "huey.sqlite3")})

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Kawal <noreply@kawal.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    # Proxies in front of Kawal that append to X-Forwarded-For: the throttles then take the
    # address the nearest proxy saw. 0 (default): REMOTE_ADDR only, since a client can send
    # any X-Forwarded-For it likes.
    "NUM_PROXIES": int(os.environ.get("KAWAL_TRUSTED_PROXIES", "0")),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kawal API",
    "DESCRIPTION": "Participatory Pilkada supervision: public intake and tracking, staff case data.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Kawal's own knobs.
KAWAL_REGENCY_CODE = os.environ.get("KAWAL_REGENCY_CODE", "35.25")
KAWAL_DEMO_PASSWORD = os.environ.get("KAWAL_DEMO_PASSWORD", "kawal-gresik-2024")
KAWAL_LETTERHEAD = {
    "org": os.environ.get("KAWAL_LETTERHEAD_ORG", "Badan Pengawas Pemilihan Umum"),
    "unit": os.environ.get("KAWAL_LETTERHEAD_UNIT", "Kabupaten Gresik"),
    "address": os.environ.get("KAWAL_LETTERHEAD_ADDRESS", "Kabupaten Gresik, Jawa Timur"),
}
# Evidence uploads: the largest file accepted, per kind (bytes).
KAWAL_EVIDENCE_MAX_BYTES = {
    "image": int(os.environ.get("KAWAL_MAX_IMAGE_MB", "15")) * 1024 * 1024,
    "pdf": int(os.environ.get("KAWAL_MAX_PDF_MB", "20")) * 1024 * 1024,
    "document": int(os.environ.get("KAWAL_MAX_DOCUMENT_MB", "20")) * 1024 * 1024,
    "audio": int(os.environ.get("KAWAL_MAX_AUDIO_MB", "50")) * 1024 * 1024,
    "video": int(os.environ.get("KAWAL_MAX_VIDEO_MB", "200")) * 1024 * 1024,
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Public address used for links in e-mails (e.g. https://kawal.example.go.id); paths only if unset.
KAWAL_PUBLIC_URL = os.environ.get("KAWAL_PUBLIC_URL", "")
# When reports are taken in on working days (Asia/Jakarta); quiet period and voting day run 24 hours.
KAWAL_INTAKE_OFFICE_HOURS = tuple(os.environ.get("KAWAL_INTAKE_OFFICE_HOURS", "08:00-16:00").split("-", 1))
# How many days before a commitment falls due its owner is reminded by e-mail.
KAWAL_COMMITMENT_REMINDER_DAYS = int(os.environ.get("KAWAL_COMMITMENT_REMINDER_DAYS", "3"))
