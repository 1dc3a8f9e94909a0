"""What every text and number input must satisfy, whatever form or operation it comes through.

Pages (``zhifa.core.forms``), the API (``zhifa.api``) and the request middleware
(``zhifa.core.middleware``) call these, so that one rule holds everywhere:

- **No NUL character** (U+0000) in any text: PostgreSQL cannot store it and refuses the
  whole statement, so it is refused at input with a Chinese message naming the field.
- **Numbers in half-width digits.** ``Decimal("１００")`` and Django's number fields read
  full-width digits (what a Chinese input method types) as 100 without a word. We refuse
  them rather than guess, and the message shows the half-width form to type instead:
  an amount of money is entered on purpose, and "１，０００．５" read silently is how a
  fine goes wrong.
- **Integers a database column can hold** (signed 64 bits): a larger id, limit or offset
  is refused at input instead of failing in the database.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from zhifa.core.error_codes import ErrorCode
from zhifa.core.errors import DomainError

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

NUL_MESSAGE = "不能包含空字符（U+0000），请删除后重新提交。"
OUT_OF_RANGE_MESSAGE = "数值超出允许的范围。"


def has_nul(value: Any) -> bool:
    return isinstance(value, str) and "\x00" in value


def nul_paths(data: Any, path: tuple = ()) -> Iterator[tuple]:
    """The key paths in a parsed JSON body (or any nest of dicts and lists) whose text holds a NUL."""
    if isinstance(data, str):
        if "\x00" in data:
            yield path
    elif isinstance(data, dict):
        for key, value in data.items():
            if has_nul(key):
                yield (*path, key)
            yield from nul_paths(value, (*path, key))
    elif isinstance(data, list | tuple):
        for i, value in enumerate(data):
            yield from nul_paths(value, (*path, i))


def nul_refusal(field: str | None) -> DomainError:
    where = f"“{field}”" if field else "输入"
    return DomainError.of(ErrorCode.NUL_CHARACTER, where + NUL_MESSAGE, field=field, status=400)


def ascii_number(value: str) -> str:
    """``value`` unchanged when its digits are half-width; a Chinese refusal otherwise.

    Only the characters of numbers are checked: digits, sign, point, exponent, spaces.
    """
    if value.isascii():
        return value
    suggestion = unicodedata.normalize("NFKC", value)
    if suggestion.isascii() and suggestion.strip():
        raise ValueError(f"请用半角数字填写，例如“{suggestion.strip()}”，不要使用全角数字“{value.strip()}”。")
    raise ValueError("请用半角数字（0–9）填写。")


def is_out_of_range(exc: BaseException) -> bool:
    """Whether a database error says a number did not fit its column (PostgreSQL's 22003)."""
    cause = exc.__cause__ or exc
    return getattr(cause, "sqlstate", None) == "22003" or isinstance(exc, OverflowError)
