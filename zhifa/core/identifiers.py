"""Chinese identifiers: 居民身份证号 (GB 11643-1999) and 统一社会信用代码 (GB 32100-2015).

python-stdnum computes the check digits and knows the 居民身份证号 area codes; on top
of it we refuse what a checksum cannot see: a 统一社会信用代码 whose registration
authority, organisation category or administrative division cannot exist
(``000000000000000000`` has a correct check digit), and a 居民身份证号 born in the future.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from stdnum import exceptions as stdnum_errors
from stdnum.cn import ric, uscc

#: GB 32100-2015 表 1、表 2: registration authority (第 1 位) → its organisation categories (第 2 位).
USCC_CATEGORIES = {
    "1": {"1": "机关", "2": "事业单位", "3": "中央编办直接管理机构编制的群众团体", "9": "其他"},  # 机构编制
    "2": {"1": "外国常驻新闻机构", "9": "其他"},  # 外交
    "3": {
        "1": "律师执业机构",
        "2": "公证处",
        "3": "基层法律服务所",
        "4": "司法鉴定机构",
        "5": "仲裁委员会",
        "9": "其他",
    },
    "4": {"1": "外国在华文化中心", "9": "其他"},  # 文化
    "5": {"1": "社会团体", "2": "民办非企业单位", "3": "基金会", "9": "其他"},  # 民政
    "6": {"1": "外国旅游部门常驻代表机构", "2": "港澳台地区旅游部门常驻内地（大陆）代表机构", "9": "其他"},  # 旅游
    "7": {"1": "宗教活动场所", "2": "宗教院校", "9": "其他"},  # 宗教
    "8": {"1": "基层工会", "9": "其他"},  # 工会
    "9": {"1": "企业", "2": "个体工商户", "3": "农民专业合作社"},  # 工商
    "A": {"1": "军队事业单位", "9": "其他"},  # 中央军委改革和编制办公室
    "N": {"1": "组级集体经济组织", "2": "村级集体经济组织", "3": "乡镇级集体经济组织", "9": "其他"},  # 农业
    "Y": {"1": "其他"},  # 其他
}

#: The first two digits of GB/T 2260 administrative division codes (provinces, HK, Macao,
#: Taiwan), and "10" for 100000, the code of registrations at the national level.
DIVISION_PREFIXES = frozenset(
    [
        "10",
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
    ]
)

_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def normalise_ric(value: str) -> str:
    return ric.compact(value or "").upper()


def validate_ric(value: str) -> None:
    """居民身份证号码：18 位，地区码存在，出生日期真实且不晚于今天，校验码正确。"""
    try:
        ric.validate(value)
        born = ric.get_birth_date(value)
    except stdnum_errors.InvalidLength:
        raise ValidationError("居民身份证号码应为18位。", code="ric_length") from None
    except stdnum_errors.InvalidComponent:
        raise ValidationError("居民身份证号码中的出生日期或地区码无效。", code="ric_component") from None
    except stdnum_errors.InvalidChecksum:
        raise ValidationError("居民身份证号码校验码不正确，请核对最后一位。", code="ric_checksum") from None
    except stdnum_errors.ValidationError:
        raise ValidationError("居民身份证号码格式不正确。", code="ric_format") from None
    from zhifa.core import clock

    if born > clock.today():
        raise ValidationError(
            f"居民身份证号码中的出生日期（{born.year}年{born.month}月{born.day}日）晚于今天，请核对第7至14位。",
            code="ric_birth_future",
        )


def ric_birth_date(value: str) -> date:
    return ric.get_birth_date(value)


def ric_is_male(value: str) -> bool:
    return int(normalise_ric(value)[16]) % 2 == 1


def normalise_uscc(value: str) -> str:
    return uscc.compact(value or "").upper()


def validate_uscc(value: str) -> None:
    """统一社会信用代码：18 位，字符集合法，登记管理部门、机构类别和行政区划码可能存在，校验码正确（GB 32100-2015）。"""
    value = normalise_uscc(value)
    if len(value) != 18:
        raise ValidationError("统一社会信用代码应为18位。", code="uscc_length")
    if any(c not in _USCC_ALPHABET for c in value):
        raise ValidationError("统一社会信用代码含有无效字符或格式不正确。", code="uscc_format")
    categories = USCC_CATEGORIES.get(value[0])
    if categories is None:
        raise ValidationError(
            f"统一社会信用代码第1位（登记管理部门代码）“{value[0]}”不存在：应为1–9、A、N或Y。", code="uscc_authority"
        )
    if value[1] not in categories:
        allowed = "、".join(categories)
        raise ValidationError(
            f"统一社会信用代码第2位（机构类别代码）“{value[1]}”与登记管理部门不符：应为{allowed}。",
            code="uscc_category",
        )
    division = value[2:8]
    if not division.isdigit() or division[:2] not in DIVISION_PREFIXES or division == "000000":
        raise ValidationError(
            f"统一社会信用代码第3至8位（登记管理机关行政区划码）“{division}”不是有效的行政区划代码。",
            code="uscc_division",
        )
    # python-stdnum's validate() also insists the first 8 characters are digits, which
    # refuses real codes from the A, N and Y authorities; its check digit is what we use.
    if value[-1] != uscc.calc_check_digit(value[:17]):
        raise ValidationError("统一社会信用代码校验码不正确，请核对最后一位。", code="uscc_checksum")


def mask_ric(value: str) -> str:
    """What the public may see of an identity number: 5001**********123X."""
    value = normalise_ric(value)
    return value[:4] + "*" * 10 + value[-4:] if len(value) == 18 else "*" * len(value)
