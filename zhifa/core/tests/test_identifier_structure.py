"""Identifiers that pass their checksum but cannot exist are refused (issue 7, money and identifiers).

``000000000000000000`` has a correct 统一社会信用代码 check digit; so does any code whose
registration authority or organisation category GB 32100-2015 does not define. A 居民身份证号
may carry a real calendar date that has not happened yet.
"""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from stdnum.cn import ric, uscc

from zhifa.core import identifiers


def with_check(body17: str) -> str:
    return body17 + uscc.calc_check_digit(body17)


def refused(value: str, validator=identifiers.validate_uscc) -> ValidationError:
    with pytest.raises(ValidationError) as excinfo:
        validator(value)
    return excinfo.value


def test_all_zeros_passes_the_checksum_but_is_refused():
    assert uscc.is_valid("000000000000000000")  # what the checksum alone says
    error = refused("000000000000000000")
    assert error.code == "uscc_authority" and "登记管理部门" in error.messages[0]


@pytest.mark.parametrize(
    "body, code",
    [
        ("B1500103MA0000001", "uscc_authority"),  # no authority B
        ("94500103MA0000001", "uscc_category"),  # 工商 has categories 1, 2, 3 only
        ("Y2500103MA0000001", "uscc_category"),  # 其他 has category 1 only
        ("91000000MA0000001", "uscc_division"),
        ("91990000MA0000001", "uscc_division"),  # no province 99
    ],
)
def test_structurally_impossible_codes_are_refused(body, code):
    assert refused(with_check(body)).code == code


@pytest.mark.parametrize(
    "body",
    [
        "91500103MA0000001",  # 工商 · 企业 · 渝中区
        "92500103MA0000001",  # 个体工商户
        "12500000MB0000001",  # 机构编制 · 事业单位 · 重庆市
        "51100000MJ0000001",  # 民政 · 社会团体 · 全国
        "N2500103MF0000001",  # 农业 · 村级集体经济组织: python-stdnum alone refuses it
        "Y1500103MC0000001",
    ],
)
def test_codes_the_standard_allows_pass(body):
    identifiers.validate_uscc(with_check(body))


def test_a_wrong_check_digit_is_still_refused():
    good = with_check("91500103MA0000001")
    assert refused(good[:-1] + ("0" if good[-1] != "0" else "1")).code == "uscc_checksum"


def ric_born(day: date) -> str:
    body = f"500103{day:%Y%m%d}123"
    return body + ric.calc_check_digit(body + "0")


@time_machine.travel(date(2026, 3, 1))
def test_an_identity_number_born_in_the_future_is_refused():
    future = ric_born(date(2027, 1, 1))
    assert ric.is_valid(future)  # a real date with a correct checksum
    error = refused(future, identifiers.validate_ric)
    assert error.code == "ric_birth_future" and "晚于今天" in error.messages[0]
    identifiers.validate_ric(ric_born(date(2026, 3, 1)))  # born today


def test_an_identity_number_with_an_impossible_date_is_refused():
    body = "50010319990230123"  # 30 February
    assert refused(body + ric.calc_check_digit(body + "0"), identifiers.validate_ric).code == "ric_component"


def test_the_party_registry_refuses_the_all_zero_code(api, client):
    from zhifa.testing import make_agency, make_city_and_district, make_user

    _city, district = make_city_and_district()
    officer = make_user("officer", agency=make_agency(district))
    res = api(officer).post("parties/", {"kind": "organisation", "name": "某公司", "uscc": "000000000000000000"})
    assert res.status_code == 400 and res.json()["field"] == "uscc" and "登记管理部门" in res.json()["message"]


test_the_party_registry_refuses_the_all_zero_code = pytest.mark.django_db(
    test_the_party_registry_refuses_the_all_zero_code
)
