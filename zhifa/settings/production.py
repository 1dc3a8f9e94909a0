"""Production settings: `DJANGO_SETTINGS_MODULE=zhifa.settings.production` (the default of
`zhifa.wsgi` and `zhifa.asgi`, so a bare `gunicorn zhifa.wsgi` runs with these).

DEBUG is off. Nothing secret is in the repository and nothing is generated on disk: every
secret and address comes from the environment, and a missing one stops the server at
start with a message saying what to set and how to make it (see REQUIRED). Serve behind a
TLS-terminating proxy (nginx) that sets X-Forwarded-Proto and X-Forwarded-For, and list
its address in ZHIFA_TRUSTED_PROXIES (docs/SECURITY.md).
"""

import os

from django.core.exceptions import ImproperlyConfigured

#: What production needs from the environment, and how to make each value.
REQUIRED = {
    "ZHIFA_SECRET_KEY": 'Django 的密钥，例如 python3 -c "import secrets; print(secrets.token_urlsafe(50))"',
    "ZHIFA_AUDIT_SIGNING_KEY": (
        "签署审计检查点的 Ed25519 种子（32 字节的 base64），例如 "
        'python3 -c "import base64,secrets; print(base64.b64encode(secrets.token_bytes(32)).decode())"'
    ),
    "ZHIFA_ALLOWED_HOSTS": "对外服务的域名，逗号分隔，例如 zhifa.example.gov.cn",
    "DATABASE_URL": "PostgreSQL 连接串，例如 postgres://zhifa:密码@127.0.0.1:5432/zhifa",
}

_missing = [name for name in REQUIRED if not os.environ.get(name)]
if _missing:
    # Checked before the shared settings load, which would otherwise generate development
    # secrets under var/.
    raise ImproperlyConfigured(
        "生产环境缺少环境变量：\n" + "\n".join(f"  {name}：{REQUIRED[name]}" for name in _missing)
    )

from .base import *  # noqa: E402, F403

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
# Reuse each worker's database connection across requests (issue 13: opening one per
# request cost ~20 ms of a 70 ms case read); health checks drop a connection the server
# closed. ZHIFA_CONN_MAX_AGE=0 turns it off (e.g. behind PgBouncer in transaction mode).
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("ZHIFA_CONN_MAX_AGE", "600"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
