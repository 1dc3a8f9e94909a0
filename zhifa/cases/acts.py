"""The audit acts of cases (see zhifa.core.acts): one per transition of the procedure
(``case.<transition>``, labelled as the transition is), and the two records a transfer
leaves on the other agency's cases."""

from zhifa.cases.transitions import TRANSITIONS
from zhifa.core.acts import declare

declare("cases", {f"case.{t.name}": t.label for t in TRANSITIONS.values()})
declare(
    "cases",
    {
        "case.transfer_in": "接收移送的案件",
        "case.transfer_answered": "收到移送案件的处理结果函告",
    },
)
