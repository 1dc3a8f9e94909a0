"""The parties registry over HTTP: registering and correcting with valid codes, bad codes
refused at the field in Chinese, duplicates refused, staff only."""

import pytest
from stdnum.cn import ric

from zhifa.core.models import AuditEvent
from zhifa.parties.models import Party
from zhifa.testing import (
    assert_api_refused,
    make_agency,
    make_city_and_district,
    make_party,
    make_user,
    valid_ric,
    valid_uscc,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    _city, district = make_city_and_district()
    agency = make_agency(district)
    return {
        "district": district,
        "officer": make_user("officer", agency=agency),
        "head": make_user("head", agency=agency),
        "reviewer": make_user("reviewer", agency=agency),
        "legal_office": make_user("legal_office", government=district),
        "supervisor": make_user("supervisor", government=district),
    }


def org(**kw):
    return {
        "kind": "organisation",
        "name": "重庆某某商贸有限公司",
        "uscc": valid_uscc(),
        "legal_representative": "张三",
        **kw,
    }


def person(**kw):
    return {"kind": "person", "name": "李四", "id_number": valid_ric(), **kw}


@pytest.mark.parametrize("role", ["officer", "head", "reviewer", "legal_office"])
def test_agency_staff_and_the_legal_office_register_parties(api, world, role):
    res = api(world[role]).post("parties/", org(government_id=world["district"].pk))
    assert res.status_code == 201, res.content
    party = Party.objects.get(pk=res.json()["id"])
    assert party.government == world["district"]
    assert AuditEvent.objects.filter(act="party.register", object_id=str(party.pk), actor=world[role]).exists()


def test_a_person_is_registered_with_a_normalised_identity_number(api, world):
    ric = valid_ric()
    lower = ric[:-1] + ric[-1].lower()
    res = api(world["officer"]).post("parties/", person(id_number=f" {lower} "))
    assert res.status_code == 201, res.content
    assert res.json()["id_number"] == ric.upper()


def test_the_supervisor_may_read_but_not_register(api, world):
    make_party(name="某公司")
    assert api(world["supervisor"]).get("parties/").json()["count"] == 1
    assert_api_refused(api(world["supervisor"]).post("parties/", org()), 403, code="forbidden")


def test_anonymous_users_never_see_parties(api, client, world):
    party = make_party()
    assert_api_refused(api().get("parties/"), 401)
    assert_api_refused(api().get(f"parties/{party.pk}"), 401)
    assert_api_refused(api().post("parties/", org()), 401)
    res = client.get("/parties/")
    assert res.status_code == 302 and "/accounts/login" in res.url
    assert client.get(f"/parties/{party.pk}/").status_code == 302


@pytest.mark.parametrize(
    "value, fragment",
    [
        ("91500103MA0000001", "18位"),  # wrong length
        ("91500103MA00000IO1", "无效字符"),  # letters a code never uses
        ("91500103ma0000@@01", "无效字符"),
    ],
)
def test_bad_credit_codes_are_refused_at_the_field(api, world, value, fragment):
    res = api(world["officer"]).post("parties/", org(uscc=value))
    body = assert_api_refused(res, 400, code="invalid")
    assert body["field"] == "uscc" and fragment in body["message"]


def test_a_credit_code_with_a_wrong_check_digit_is_refused(api, world):
    good = valid_uscc()
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    body = assert_api_refused(api(world["officer"]).post("parties/", org(uscc=bad)), 400, code="invalid")
    assert body["field"] == "uscc" and "校验码" in body["message"]


@pytest.mark.parametrize(
    "value, fragment",
    [
        ("50010319980612301", "18位"),
        ("5001031998061230AB", "只能由数字组成"),
        ("50010319981332301" + ric.calc_check_digit("50010319981332301" + "0"), "出生日期"),  # month 13, valid checksum
    ],
)
def test_bad_identity_numbers_are_refused_at_the_field(api, world, value, fragment):
    body = assert_api_refused(api(world["officer"]).post("parties/", person(id_number=value)), 400, code="invalid")
    assert body["field"] == "id_number" and fragment in body["message"]


def test_an_identity_number_with_a_wrong_check_digit_is_refused(api, world):
    good = valid_ric()
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    body = assert_api_refused(api(world["officer"]).post("parties/", person(id_number=bad)), 400, code="invalid")
    assert body["field"] == "id_number" and "校验码" in body["message"]


def test_the_code_must_match_the_kind(api, world):
    body = assert_api_refused(api(world["officer"]).post("parties/", org(uscc="", id_number=valid_ric())), 400)
    assert body["field"] == "id_number"
    body = assert_api_refused(api(world["officer"]).post("parties/", person(uscc=valid_uscc())), 400)
    assert body["field"] == "uscc"
    body = assert_api_refused(api(world["officer"]).post("parties/", person(id_number="")), 400)
    assert body["field"] == "id_number" and "请填写" in body["message"]


def test_duplicates_are_refused_naming_the_existing_party(api, world):
    existing = make_party(name="重庆已登记有限公司")
    res = api(world["officer"]).post("parties/", org(name="别名公司", uscc=existing.uscc.lower()))
    body = assert_api_refused(res, 409, code="conflict")
    assert body["field"] == "uscc" and "重庆已登记有限公司" in body["message"]
    someone = make_party("person", name="王五")
    body = assert_api_refused(api(world["officer"]).post("parties/", person(id_number=someone.id_number)), 409)
    assert body["field"] == "id_number"
    assert Party.objects.count() == 2


def test_a_party_is_corrected_and_the_correction_audited(api, world):
    party = make_party(name="错字公司", registered_by_agency=world["head"].agency)
    res = api(world["head"]).patch(
        f"parties/{party.pk}", {"name": "正字公司", "address": "重庆市渝中区解放碑", "reason": "营业执照名称登记错误"}
    )
    assert res.status_code == 200, res.content
    party.refresh_from_db()
    assert party.name == "正字公司"
    event = AuditEvent.objects.get(act="party.correct", object_id=str(party.pk))
    assert event.changes["name"] == ["错字公司", "正字公司"]
    other = make_party()
    res = api(world["head"]).patch(f"parties/{party.pk}", {"uscc": other.uscc, "reason": "核对"})
    assert_api_refused(res, 409, code="conflict")
    res = api(world["head"]).patch(f"parties/{party.pk}", {"uscc": "123", "reason": "核对"})
    assert assert_api_refused(res, 400)["field"] == "uscc"


def test_search_by_name_and_by_code(api, world):
    a = make_party(name="重庆山城火锅有限公司")
    make_party(name="重庆江北超市有限公司")
    p = make_party("person", name="赵六")
    names = lambda q: [x["name"] for x in api(world["officer"]).get(f"parties/?q={q}").json()["items"]]  # noqa: E731
    assert names("火锅") == ["重庆山城火锅有限公司"]
    assert names(a.uscc[-8:]) == ["重庆山城火锅有限公司"]
    assert names(p.id_number) == ["赵六"]
    assert len(api(world["officer"]).get("parties/?kind=organisation").json()["items"]) == 2


def test_pages_list_search_register_and_show_errors_at_the_field(client, world):
    make_party(name="重庆山城火锅有限公司")
    p = make_party("person", name="赵六")
    client.force_login(world["officer"])
    page = client.get("/parties/?q=火锅").content.decode()
    assert "重庆山城火锅有限公司" in page and "赵六" not in page
    page = client.get("/parties/?q=赵").content.decode()
    assert p.id_number not in page and p.id_number[-4:] in page  # masked in the list
    res = client.post("/parties/new/", {"kind": "organisation", "name": "新公司", "uscc": "91500103MA000000X"})
    assert res.status_code == 400
    html = res.content.decode()
    assert 'id="field-uscc"' in html and "统一社会信用代码应为18位" in html
    res = client.post("/parties/new/", {"kind": "organisation", "name": "新公司", "uscc": valid_uscc()})
    assert res.status_code == 302
    party = Party.objects.get(name="新公司")
    assert client.get(party.get_absolute_url()).status_code == 200
    res = client.post(
        f"/parties/{party.pk}/edit/",
        {"kind": "organisation", "name": "新公司（更正）", "uscc": party.uscc, "reason": "名称漏字"},
    )
    assert res.status_code == 302 and Party.objects.get(pk=party.pk).name == "新公司（更正）"
