"""Licensing hearings announced and heard (D5.3b; 行政许可法第四十六条至第四十八条)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from zhifa.core import clock
from zhifa.core.errors import DomainError
from zhifa.portal import services
from zhifa.testing import assert_refused, frozen, make_agency, make_city_and_district, make_user

pytestmark = pytest.mark.django_db

HEARING = {
    "matter": "渝中区某化工仓库危险化学品经营许可",
    "applicant": "重庆某化工有限公司",
    "grounds": "public_interest",
    "place": "渝中区市场监管局听证室",
    "announcement": "涉及周边居民安全，依法公告并举行听证，利害关系人可报名参加。",
}


@pytest.fixture
def people(db):
    _city, district = make_city_and_district()
    agency = make_agency(district, name="重庆市渝中区市场监督管理局")
    return make_user("officer", agency=agency), make_user("officer", agency=make_agency(district, name="另一机关"))


@pytest.mark.clause("D5.3b")
def test_a_licensing_hearing_is_announced_seven_days_ahead_then_held_and_decided_on_the_record(client, people):
    officer, other = people
    today = clock.today()
    with pytest.raises(DomainError) as e:
        services.licensing_hearing_announce(actor=officer, scheduled_on=today + timedelta(days=6), **HEARING)
    assert_refused(e, "D5.3b", code="licensing_hearing_announced_in_advance", field="scheduled_on")
    hearing = services.licensing_hearing_announce(actor=officer, scheduled_on=today + timedelta(days=7), **HEARING)
    assert "渝中区某化工仓库" in client.get("/licensing-hearings/").content.decode()
    assert "报名参加" in client.get(f"/licensing-hearings/{hearing.pk}/").content.decode()
    later = today + timedelta(days=8)
    with frozen(date(later.year, later.month, later.day)):
        with pytest.raises(DomainError) as e:
            services.licensing_hearing_record(actor=officer, hearing=hearing, record="居民代表发言", outcome="")
        assert_refused(e, "D5.3b", code="licensing_decided_on_the_record", field="outcome")
        with pytest.raises(DomainError) as e:
            services.licensing_hearing_record(actor=other, hearing=hearing, record="x", outcome="y")
        assert e.value.status == 404
        hearing = services.licensing_hearing_record(
            actor=officer,
            hearing=hearing,
            record="居民代表发言，申请人答辩。",
            outcome="根据听证笔录，准予许可并附加安全条件。",
        )
    assert hearing.held_on == later
    assert "附加安全条件" in client.get(f"/licensing-hearings/{hearing.pk}/").content.decode()


def test_licensing_hearings_over_the_api(api, people):
    officer, _other = people
    day = clock.today() + timedelta(days=10)
    r = api(officer).post("portal/licensing-hearings", {**HEARING, "scheduled_on": str(day)})
    assert r.status_code == 201, r.content
    r = api(officer).post("portal/licensing-hearings", {**HEARING, "scheduled_on": str(clock.today())})
    assert r.status_code == 422 and r.json()["code"] == "licensing_hearing_announced_in_advance"
    assert api().get("portal/public/licensing-hearings").json()["count"] == 1
    assert api().post("portal/licensing-hearings", {**HEARING, "scheduled_on": str(day)}).status_code == 401
