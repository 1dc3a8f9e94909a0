"""Production settings: `DJANGO_SETTINGS_MODULE=zhifa.settings.production`.

Requires ZHIFA_SECRET_KEY, ZHIFA_AUDIT_SIGNING_KEY, ZHIFA_ALLOWED_HOSTS and
DATABASE_URL in the environment; serve behind a TLS-terminating proxy (nginx) that
sets X-Forwarded-Proto.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

for _name in ("ZHIFA_SECRET_KEY", "ZHIFA_AUDIT_SIGNING_KEY", "ZHIFA_ALLOWED_HOSTS", "DATABASE_URL"):
    if not os.environ.get(_name):
        raise ImproperlyConfigured(f"生产环境必须设置环境变量 {_name}")

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS]  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
LOGGING["root"]["level"] = os.environ.get("ZHIFA_LOG_LEVEL", "INFO")  # noqa: F405
