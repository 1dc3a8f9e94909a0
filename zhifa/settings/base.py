"""Settings shared by every deployment of zhifa.

Everything that differs between machines comes from the environment:
``DATABASE_URL`` (default: SQLite under ``var/``), ``ZHIFA_SECRET_KEY``,
``ZHIFA_AUDIT_SIGNING_KEY`` (base64 of a 32-byte Ed25519 seed), ``ZHIFA_ALLOWED_HOSTS``.
Without keys in the environment, a development machine generates them once under
``var/`` (never committed).
"""

from __future__ import annotations

import base64
import os
import secrets
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent
VAR_DIR = Path(os.environ.get("ZHIFA_VAR_DIR", BASE_DIR / "var"))


def _local_secret(name: str, make) -> str:
    """Read a development secret from var/, generating it on first use."""
    path = VAR_DIR / name
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(make())
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = os.environ.get("ZHIFA_SECRET_KEY") or _local_secret("secret.key", lambda: secrets.token_urlsafe(50))
# The Ed25519 seed that signs audit checkpoints (see zhifa.core.audit).
AUDIT_SIGNING_KEY = os.environ.get("ZHIFA_AUDIT_SIGNING_KEY") or _local_secret(
    "audit-signing.key", lambda: base64.b64encode(secrets.token_bytes(32)).decode()
)

# Public keys (base64) of signing keys replaced earlier: their checkpoints stay valid.
AUDIT_PREVIOUS_PUBLIC_KEYS = [k for k in os.environ.get("ZHIFA_AUDIT_PREVIOUS_PUBLIC_KEYS", "").split(",") if k]

# How an act's audit event gets its place in the tree (zhifa.core.audit.record):
# "inline" locks the log's head in the act's own transaction (every act in the city waits
# for the one before it to commit); "deferred" queues the event and sequences it into the
# tree right after the act commits, one signed checkpoint per batch. "inline" is the default
# everywhere: measured on two loaded cores, deferred was slower (76 against 94 events/s from
# 8 processes: the acts were bound by CPU, not by the lock; docs/PERFORMANCE.md), and the
# suite reads events right after an act inside a rolled-back transaction. Deferred is the
# mode to turn on where the head's lock is what acts wait for (many web hosts).
AUDIT_SEQUENCING = os.environ.get("ZHIFA_AUDIT_SEQUENCING", "inline")
if AUDIT_SEQUENCING not in ("inline", "deferred"):
    raise ValueError('ZHIFA_AUDIT_SEQUENCING must be "inline" or "deferred"')

# The witnesses whose cosignatures the platform accepts (zhifa witness), as
# "name=base64 public key" separated by ";": ZHIFA_AUDIT_WITNESSES="审计局见证节点=MCow…".
AUDIT_WITNESSES = dict(
    item.split("=", 1) for item in os.environ.get("ZHIFA_AUDIT_WITNESSES", "").split(";") if "=" in item
)

# Off unless the developer's own `make run` turns it on (ZHIFA_DEBUG=1): a debug page shows
# tracebacks, settings and local variables to whoever causes an error.
DEBUG = os.environ.get("ZHIFA_DEBUG") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("ZHIFA_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_filters",
    "ninja",  # the API docs page from ninja's static files, not a CDN
    "csp",
    "axes",
    "zhifa.core",
    "zhifa.accounts",
    "zhifa.org",
    "zhifa.people",
    "zhifa.law",
    "zhifa.parties",
    "zhifa.discretion",
    "zhifa.cases",
    "zhifa.documents",
    "zhifa.complaints",
    "zhifa.cooperation",
    "zhifa.oversight",
    "zhifa.credit",
    "zhifa.portal",
    "zhifa.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "zhifa.core.replica.ReplicaMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "zhifa.core.middleware.InputGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "zhifa.core.middleware.DomainErrorMiddleware",
    # Axes last: it throttles repeated failed logins (see AXES_* below).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "zhifa.urls"
WSGI_APPLICATION = "zhifa.wsgi.application"
ASGI_APPLICATION = "zhifa.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "zhifa.core.navigation.context",
            ],
            "builtins": ["zhifa.core.templatetags.zhifa"],
        },
    }
]
FORM_RENDERER = "zhifa.core.forms.FormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'zhifa.sqlite3'}",
        conn_max_age=int(os.environ.get("ZHIFA_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Our backend creates databases (including the test database) with a UTF-8
    # locale, which trigram search on Chinese text needs.
    DATABASES["default"]["ENGINE"] = "zhifa.core.db.postgresql"
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})

# A read replica for the portal, the public registries and the dashboards (zhifa.core.replica):
# DATABASE_REPLICA_URL names a streaming replica of DATABASE_URL. In tests it mirrors default.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"], conn_max_age=DATABASES["default"]["CONN_MAX_AGE"]
    )
    DATABASES["replica"]["ENGINE"] = DATABASES["default"]["ENGINE"]
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["zhifa.core.replica.ReplicaRouter"]
#: The GET requests whose reads the replica may serve (regular expressions on the path).
ZHIFA_REPLICA_PATHS = [
    r"^/$",
    r"^/publications/(?!manage/)",
    r"^/(org|people|law|discretion|credit|oversight)/public/",
    r"^/complaints/public/media/",
    r"^/oversight/dashboard/",
    r"^/api/v1/[a-z]+/public/",
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Refusals in Chinese in the base layout: a form posted without its CSRF token, and
# the 400/403/404/500 pages (zhifa.core.error_pages, templates 4xx.html/500.html).
CSRF_FAILURE_VIEW = "zhifa.core.error_pages.csrf_failure"
# API lists return at most this many items a page (limit); larger limits are refused.
NINJA_PAGINATION_MAX_LIMIT = 500

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "portal:home"

# Repeated failed logins: after 5 failures for one username from one client address,
# that (username, address) pair is locked for 15 minutes. The pair, not the username:
# someone who knows an officer's username cannot lock the officer out from elsewhere.
# The client address is the connection's, or, when the connection comes from a proxy
# listed in ZHIFA_TRUSTED_PROXIES (nginx's address or network, comma-separated; default
# none), the address that proxy saw (zhifa.accounts.addresses).
ZHIFA_TRUSTED_PROXIES = [p.strip() for p in os.environ.get("ZHIFA_TRUSTED_PROXIES", "").split(",") if p.strip()]
AXES_CLIENT_IP_CALLABLE = "zhifa.accounts.addresses.client_address"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked.html"
AXES_VERBOSE = False

# Content-Security-Policy (django-csp; Django 6's built-in SECURE_CSP replaces it when we move to
# Django 6: the same directives go into SECURE_CSP and the "csp" app and middleware go).
# Scripts only from our own static files: no inline script, no inline event handler, no eval,
# so markup that slips into a page cannot run. Styles still allow 'unsafe-inline' because
# templates carry style attributes and a few <style> blocks; moving them into zhifa.css
# would let style-src drop it (docs/SECURITY.md).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("ZHIFA_STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_ROOT = Path(os.environ.get("ZHIFA_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
# Evidence files, addressed by their SHA-256 (see zhifa.cases).
EVIDENCE_ROOT = Path(os.environ.get("ZHIFA_EVIDENCE_ROOT", VAR_DIR / "evidence"))
# The platform's CA and each agency's signing key and certificate (zhifa.org.keys), created
# on first use. Outside the database, like the audit signing key: back it up, never commit it.
KEY_DIR = Path(os.environ.get("ZHIFA_KEY_DIR", VAR_DIR / "keys"))
# Issued documents (signed PDFs, DOCX drafts), addressed by their SHA-256 (zhifa.documents).
DOCUMENT_ROOT = Path(os.environ.get("ZHIFA_DOCUMENT_ROOT", VAR_DIR / "documents"))
# Render and sign the PDF when a document is issued. Tests that do not look at the PDF
# turn it off: the document is then issued as its HTML (hashed, numbered and audited the same).
ZHIFA_DOCUMENTS_RENDER = os.environ.get("ZHIFA_DOCUMENTS_RENDER", "1") == "1"
# The address the QR code on a document leads to (the public verification page).
ZHIFA_PUBLIC_URL = os.environ.get("ZHIFA_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("ZHIFA_LOG_LEVEL", "WARNING")},
}

# How long a party look-up (with its recorded purpose) shows that party's personal
# information to the user who made it (zhifa.parties.selectors).
ZHIFA_PARTY_LOOKUP_HOURS = 8

# Where the Decision and the law texts this deployment loads come from.
ZHIFA_DATA_DIR = PACKAGE_DIR / "data"
