"""Builders for tests: a small world of governments, agencies, officers, parties and
users, made with valid identifiers. Tests across apps share them.

Builders write directly (no audit) because they set up the world the test acts in;
the acts under test go through services.
"""

from __future__ import annotations

import itertools
import json
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from stdnum.cn import ric, uscc

from zhifa.accounts.models import User
from zhifa.core import clock
from zhifa.org.models import Agency, Government, LegalAffairsOffice
from zhifa.parties.models import Party
from zhifa.people.models import Certificate, CertificateVerification, Officer, Qualification

_seq = itertools.count(1)

BEIJING = ZoneInfo("Asia/Shanghai")

#: The moment every test starts at (``conftest._frozen_clock``): a fixed day, so that what
#: the builders make "valid today" (a certificate issued 2023-01-01 for six years) stays so.
SUITE_NOW = datetime(2026, 12, 1, 10, 0, tzinfo=BEIJING)


def frozen(when: date | datetime, *, tick: bool = False):
    """Freeze the one clock (:mod:`zhifa.core.clock`) at ``when``, Beijing time.

    A date freezes at 10:00 that day in Beijing; a naive datetime is read as Beijing
    time. Use as a decorator or a context manager::

        with frozen(date(2026, 3, 2)):
            ...
    """
    if not isinstance(when, datetime):
        when = datetime(when.year, when.month, when.day, 10, 0)
    if when.tzinfo is None:
        when = when.replace(tzinfo=BEIJING)
    return time_machine.travel(when, tick=tick)


def valid_ric(birth: date = date(1998, 6, 12), area: str = "500103", serial: int | None = None) -> str:
    """A valid 居民身份证号码 (checksum computed). The area code must have existed at the
    birth date (Chongqing's 50xxxx codes date from 1997), which python-stdnum checks."""
    serial = next(_seq) % 1000 if serial is None else serial
    body = f"{area}{birth:%Y%m%d}{serial:03d}"
    return body + ric.calc_check_digit(body + "0")  # stdnum expects a placeholder check digit


def valid_uscc(n: int | None = None) -> str:
    """A valid 统一社会信用代码 (checksum computed)."""
    n = next(_seq) if n is None else n
    body = f"91500103MA{n:07d}"[:17]
    return body + uscc.calc_check_digit(body)


def make_government(name="重庆市", level="city", parent=None, code=None):
    return Government.objects.create(name=name, level=level, parent=parent, division_code=code or f"5{next(_seq):05d}")


def make_city_and_district():
    city = make_government("重庆市", "city", code="500000")
    district = make_government("渝中区", "district", city, code="500103")
    LegalAffairsOffice.objects.create(government=city, name="重庆市司法局")
    LegalAffairsOffice.objects.create(government=district, name="重庆市渝中区司法局")
    return city, district


def make_agency(government, name=None, field="market", standing="confirmed", **kw):
    n = next(_seq)
    return Agency.objects.create(
        name=name or f"测试执法机关{n}",
        code=f"ag-{n}",
        case_prefix=kw.pop("case_prefix", f"测{n}"),
        field=field,
        government=government,
        standing=standing,
        standing_confirmed_on=date(2024, 1, 1) if standing == "confirmed" else None,
        **kw,
    )


def make_officer(
    agency,
    name=None,
    *,
    fields=("penalty",),
    certificate=True,
    expires_on=None,
    verified_years=None,
    issued_on=date(2023, 1, 1),
    user=None,
):
    """An officer with qualifications in ``fields`` and, by default, a valid certificate
    that passed every annual verification from its year of issue to last year."""
    if verified_years is None:
        verified_years = range(issued_on.year, clock.today().year)

    n = next(_seq)
    officer = Officer.objects.create(
        name=name or f"执法员{n}", id_number=valid_ric(serial=n % 1000), agency=agency, user=user
    )
    for f in fields:
        Qualification.objects.create(officer=officer, field=f, obtained_on=issued_on)
    if certificate:
        office = (
            LegalAffairsOffice.objects.filter(government=agency.government).first()
            or LegalAffairsOffice.objects.first()
        )
        cert = Certificate.objects.create(
            officer=officer,
            number=f"50{n:08d}",
            issuer=office,
            issued_on=issued_on,
            expires_on=expires_on or issued_on + timedelta(days=365 * 6),
        )
        for year in verified_years:
            CertificateVerification.objects.create(
                certificate=cert, year=year, verified_on=date(year, 3, 1), result="passed"
            )
    return officer


def make_user(role="officer", agency=None, government=None, username=None, password="zhifa-test-pw", **kw):
    user = User(
        username=username or f"{role}{next(_seq)}",
        role=role,
        agency=agency,
        government=government,
        display_name=kw.pop("display_name", ""),
        **kw,
    )
    user.set_password(password)
    user.save()
    return user


def make_party(kind="organisation", name=None, **kw):
    n = next(_seq)
    if kind == "organisation":
        return Party.objects.create(kind=kind, name=name or f"测试商贸有限公司{n}", uscc=valid_uscc(n), **kw)
    return Party.objects.create(kind=kind, name=name or f"当事人{n}", id_number=valid_ric(serial=n % 1000), **kw)


def assert_refused(error, clause: str | None = None, code: str | None = None, field: str | None = None):
    """Assert a DomainError (or pytest's ExceptionInfo of one) names ``clause`` and ``code``."""
    error = getattr(error, "value", error)
    if clause is not None:
        assert clause in error.all_clauses, f"expected clause {clause}, got {error.all_clauses}: {error}"
        assert clause in error.message or any(clause in v.full_message for v in error.violations), str(error)
    if code is not None:
        assert code in [v.code for v in error.violations], (
            f"expected code {code}, got {[v.code for v in error.violations]}"
        )
    if field is not None:
        assert field in [v.field for v in error.violations], f"expected field {field}"
    return error


def assert_api_refused(response, status: int, clause: str | None = None, code: str | None = None):
    """Assert an API response is a refusal in the error contract, naming ``clause``."""
    assert response.status_code == status, f"{response.status_code}: {response.content.decode()[:500]}"
    body = response.json()
    assert {"code", "clauses", "message", "field"} <= body.keys(), body
    if clause is not None:
        assert clause in body["clauses"], body
        assert clause in body["message"], body
    if code is not None:
        assert body["code"] == code or code in [e["code"] for e in body.get("errors", [])], body
    return body


class Api:
    """A JSON client for /api/v1 as a given user (session) or anonymously."""

    def __init__(self, client, user=None):
        # api(user) logs in as user; api() is anonymous, even after an earlier api(user).
        self.client = client
        if user is not None:
            client.force_login(user)
        else:
            client.logout()

    def _call(self, method, path, data=None, **kw):
        url = path if path.startswith("/") else f"/api/v1/{path}"
        if data is not None:
            kw.update(data=json.dumps(data, default=str), content_type="application/json")
        return getattr(self.client, method)(url, **kw)

    def get(self, path, **kw):
        return self._call("get", path, **kw)

    def post(self, path, data=None, **kw):
        return self._call("post", path, data if data is not None else {}, **kw)

    def put(self, path, data=None, **kw):
        return self._call("put", path, data, **kw)

    def patch(self, path, data=None, **kw):
        return self._call("patch", path, data, **kw)

    def delete(self, path, **kw):
        return self._call("delete", path, **kw)
