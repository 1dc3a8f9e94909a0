"""Chinese identifiers, checked with python-stdnum: 居民身份证号 and 统一社会信用代码."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from stdnum import exceptions as stdnum_errors
from stdnum.cn import ric, uscc


def normalise_ric(value: str) -> str:
    return ric.compact(value or "").upper()


def validate_ric(value: str) -> None:
    """居民身份证号码：18 位，出生日期有效，校验码正确。"""
    try:
        ric.validate(value)
    except stdnum_errors.InvalidLength:
        raise ValidationError("居民身份证号码应为18位。", code="ric_length") from None
    except stdnum_errors.InvalidComponent:
        raise ValidationError("居民身份证号码中的出生日期或地区码无效。", code="ric_component") from None
    except stdnum_errors.InvalidChecksum:
        raise ValidationError("居民身份证号码校验码不正确，请核对最后一位。", code="ric_checksum") from None
    except stdnum_errors.ValidationError:
        raise ValidationError("居民身份证号码格式不正确。", code="ric_format") from None


def ric_birth_date(value: str) -> date:
    return ric.get_birth_date(value)


def ric_is_male(value: str) -> bool:
    return int(normalise_ric(value)[16]) % 2 == 1


def normalise_uscc(value: str) -> str:
    return uscc.compact(value or "").upper()


def validate_uscc(value: str) -> None:
    """统一社会信用代码：18 位，字符集合法，校验码正确（GB 32100-2015）。"""
    try:
        uscc.validate(value)
    except stdnum_errors.InvalidLength:
        raise ValidationError("统一社会信用代码应为18位。", code="uscc_length") from None
    except stdnum_errors.InvalidChecksum:
        raise ValidationError("统一社会信用代码校验码不正确，请核对最后一位。", code="uscc_checksum") from None
    except stdnum_errors.ValidationError:
        raise ValidationError("统一社会信用代码含有无效字符或格式不正确。", code="uscc_format") from None


def mask_ric(value: str) -> str:
    """What the public may see of an identity number: 5001**********123X."""
    value = normalise_ric(value)
    return value[:4] + "*" * 10 + value[-4:] if len(value) == 18 else "*" * len(value)
