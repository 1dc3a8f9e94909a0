"""The audit acts of parties (see zhifa.core.acts)."""

from zhifa.core.acts import declare

declare(
    "parties",
    {
        "party.register": "登记当事人",
        "party.lookup": "查询当事人信息",
        "party.correct": "更正当事人信息",
        "party.correction": "登记当事人信息更正",
    },
)
