"""Identifiers (python-stdnum) and the law texts as data."""

import pytest
from django.core.exceptions import ValidationError

from zhifa.core import identifiers, lawtext
from zhifa.testing import valid_ric, valid_uscc


def test_valid_identity_number_and_credit_code_pass():
    identifiers.validate_ric(valid_ric())
    identifiers.validate_uscc(valid_uscc())


@pytest.mark.parametrize(
    "value, fragment",
    [("50010319850612301", "18位"), ("500103198506123010", "校验码"), ("500103198513323016", "出生日期")],
)
def test_bad_identity_numbers_get_a_chinese_message(value, fragment):
    with pytest.raises(ValidationError) as exc:
        identifiers.validate_ric(value)
    assert fragment in exc.value.messages[0]


def test_bad_credit_codes_get_a_chinese_message():
    good = valid_uscc()
    bad_check = good[:-1] + ("0" if good[-1] != "0" else "1")
    for value, fragment in [(good[:-1], "18位"), (bad_check, "校验码")]:
        with pytest.raises(ValidationError) as exc:
            identifiers.validate_uscc(value)
        assert fragment in exc.value.messages[0]


def test_masking_and_birth_date():
    ric = valid_ric()
    assert identifiers.mask_ric(ric) == ric[:4] + "*" * 10 + ric[-4:]
    assert identifiers.ric_birth_date(ric).year == 1998


def test_the_laws_parse_into_their_articles():
    laws = lawtext.all_laws()
    counts = {name: len(law.articles) for name, law in laws.items()}
    assert counts == {
        "行政处罚法": 86,
        "行政强制法": 71,
        "行政复议法": 90,
        "行政诉讼法": 103,
        "市场监督管理行政处罚信息公示规定": 19,
    }
    art = laws["行政处罚法"].article(42)
    assert art.label == "第四十二条" and "不得少于两人" in art.text


def test_citations_resolve_and_unknown_ones_fail():
    assert "工作日" in lawtext.resolve("行政处罚法第八十五条").text
    assert "不得少于两人" in lawtext.resolve("《行政处罚法》第四十二条第一款").text
    for bad in ("行政处罚法第八十七条", "民法典第一条", "第四十二条"):
        with pytest.raises(lawtext.UnknownCitation):
            lawtext.resolve(bad)
    assert lawtext.display("行政处罚法第四十二条") == "《行政处罚法》第四十二条"


@pytest.mark.parametrize("n", [1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 105, 110, 111, 213, 1000, 1024])
def test_chinese_numerals_round_trip(n):
    assert lawtext.cn_to_int(lawtext.int_to_cn(n)) == n
