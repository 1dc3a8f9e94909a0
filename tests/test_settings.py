"""DEBUG is on only where the developer's own `make run` turns it on (issue 7, debug by default).

`zhifa.wsgi` fell back to the development settings with DEBUG on, so a bare
`gunicorn zhifa.wsgi` showed tracebacks, URL patterns and local variables to anonymous
users. Servers now default to the production settings, which need their secrets from the
environment (and say how to make them), write nothing to disk, and pass `check --deploy`.
"""

from __future__ import annotations

import base64
import os
import secrets
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run(code: str, tmp_path, **env) -> subprocess.CompletedProcess:
    base = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "ZHIFA_VAR_DIR": str(tmp_path / "var")}
    return subprocess.run(
        [sys.executable, "-c", code], env={**base, **env}, cwd=tmp_path, capture_output=True, text=True, timeout=120
    )


def production_env(tmp_path) -> dict:
    return {
        "ZHIFA_SECRET_KEY": secrets.token_urlsafe(50),
        "ZHIFA_AUDIT_SIGNING_KEY": base64.b64encode(secrets.token_bytes(32)).decode(),
        "ZHIFA_ALLOWED_HOSTS": "zhifa.example.gov.cn",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    }


SHOW_DEBUG = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"


def test_the_default_settings_have_debug_off(tmp_path):
    res = run(SHOW_DEBUG, tmp_path, DJANGO_SETTINGS_MODULE="zhifa.settings.development")
    assert res.stdout.strip() == "False", res.stderr
    res = run(SHOW_DEBUG, tmp_path, DJANGO_SETTINGS_MODULE="zhifa.settings.development", ZHIFA_DEBUG="1")
    assert res.stdout.strip() == "True", res.stderr


def test_make_run_is_what_turns_debug_on():
    makefile = (REPO / "Makefile").read_text()
    run_recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "ZHIFA_DEBUG=1" in run_recipe and "runserver" in run_recipe
    assert makefile.count("ZHIFA_DEBUG=1") == 1


def test_a_bare_server_gets_production_settings_and_says_what_is_missing(tmp_path):
    for module in ("zhifa.wsgi", "zhifa.asgi"):
        res = run(f"import {module}", tmp_path)
        assert res.returncode != 0
        assert "生产环境缺少环境变量" in res.stderr and "ZHIFA_SECRET_KEY" in res.stderr and "secrets" in res.stderr
    assert not (tmp_path / "var").exists()  # no development secret was generated on the way


def test_production_settings_run_on_a_fresh_machine_and_pass_the_deploy_check(tmp_path):
    env = production_env(tmp_path)
    res = run(
        "import zhifa.wsgi; from django.conf import settings; print(settings.DEBUG, settings.SETTINGS_MODULE)",
        tmp_path,
        **env,
    )
    assert res.stdout.split() == ["False", "zhifa.settings.production"], res.stderr
    res = run(
        "import sys; from zhifa.manage import main; sys.argv = ['zhifa', 'check', '--deploy', '--fail-level', 'WARNING']; main()",
        tmp_path,
        DJANGO_SETTINGS_MODULE="zhifa.settings.production",
        **env,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    assert "no issues" in res.stdout
    assert not (tmp_path / "var").exists()


def test_production_reuses_database_connections(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "d = settings.DATABASES['default']; print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    )
    env = {**production_env(tmp_path), "DJANGO_SETTINGS_MODULE": "zhifa.settings.production"}
    result = run(code, tmp_path, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["600", "True"]
