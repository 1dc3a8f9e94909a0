"""Markup stored in a record never runs in someone else's session (issue 7, script injection).

An agency name set by the legal affairs office to ``<img src=x onerror=…>`` reached agency
heads through the transfer form's help text, which ``forms/field.html`` rendered with
``|safe``. Now every help text is escaped, no template or module marks text safe without a
written reason, and every page carries a Content-Security-Policy that forbids inline script.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django import forms

from zhifa.core.forms import ZhifaForm

pytestmark = pytest.mark.django_db

MARKUP = '<img src=x onerror="alert(1)">'
REPO = Path(__file__).resolve().parent.parent


def test_no_form_can_inject_markup_through_its_help_text():
    class F(ZhifaForm):
        name = forms.CharField(label="名称", help_text=f"有管辖权的机关：{MARKUP}")

    html = str(F())
    assert MARKUP not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html


def test_an_agency_name_with_markup_is_escaped_on_the_transfer_form(api, client):
    from zhifa.cases.tests.builders import clue, make_world

    w = make_world()
    res = api(w.legal_office).patch(f"org/agencies/{w.other_agency.pk}", {"name": f"生态环境局{MARKUP}"})
    assert res.status_code == 200, res.content
    case = clue(w, item=False)
    type(case).objects.filter(pk=case.pk).update(violation_item=w.other_item)  # another agency's competence
    client.force_login(w.head)
    page = client.get(f"/cases/{case.pk}/acts/transfer_out/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "有管辖权的机关" in html  # the help text that carried the name
    assert MARKUP not in html
    assert "生态环境局&lt;img" in html


def test_pages_send_a_content_security_policy_without_inline_script(client):
    from zhifa.testing import make_user

    for path in ("/", "/accounts/login/", "/api/v1/docs"):
        res = client.get(path)
        assert res.status_code == 200, path
        policy = _directives(res["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"], path
        assert "'unsafe-inline'" not in policy.get("script-src", []) and "'unsafe-eval'" not in policy["script-src"]
        assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
        assert not _inline_scripts(res.content.decode()), path
    client.force_login(make_user("admin"))
    res = client.get("/workbench/", follow=True)
    assert "Content-Security-Policy" in res and not _inline_scripts(res.content.decode())


def _directives(header: str) -> dict[str, list[str]]:
    out = {}
    for part in header.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


def _inline_scripts(html: str) -> list[str]:
    """<script> elements that run inline code (JSON data blocks do not run), and inline handlers."""
    found = [
        m.group(0)
        for m in re.finditer(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
        if "src=" not in m.group(1) and "application/json" not in m.group(1) and m.group(2).strip()
    ]
    found += re.findall(r"<[^>]+\son[a-z]+\s*=", html)
    found += re.findall(r"href=[\"']?javascript:", html)
    return found


# Every place that turns text into markup without escaping, with the reason it is safe.
# A new |safe, mark_safe, safeseq or {% autoescape off %} fails this test until it is
# justified here (prefer format_html, which escapes its arguments).
JUSTIFIED_SAFE = {
    # format_html escapes ``colour`` and ``text``; only the literal template is markup.
    ("zhifa/core/templatetags/zhifa.py", "format_html"),
}

_UNSAFE = re.compile(r"\|\s*safe\b|\bmark_safe\b|\|\s*safeseq\b|autoescape\s+off|\bSafeString\b|\bSafeData\b")


def test_every_unescaped_output_is_justified():
    found = set()
    for path in sorted((REPO / "zhifa").rglob("*")):
        if path.suffix not in (".py", ".html", ".txt") or "/tests/" in str(path) or "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        rel = str(path.relative_to(REPO))
        for match in _UNSAFE.finditer(text):
            found.add((rel, match.group(0).replace(" ", "")))
        if "format_html" in text and path.suffix == ".py":
            found.add((rel, "format_html"))
    assert found <= JUSTIFIED_SAFE, f"unjustified unescaped output: {sorted(found - JUSTIFIED_SAFE)}"
