"""The audit acts of cooperation (see zhifa.core.acts)."""

from zhifa.core.acts import declare

declare(
    "cooperation",
    {
        "transfer.receive": "接收移送案件",
        "transfer.pass_on": "再次移送有管辖权的机关",
        "crime_transfer.send": "移送涉嫌犯罪案件",
        "crime_transfer.answer": "记录公安机关回复",
        "assistance.request": "请求执法协助",
        "assistance.answer": "答复执法协助",
        "information.request": "请求信息共享",
        "information.answer": "答复信息共享",
        "party.history_lookup": "查询当事人执法记录",
        "liaison.appoint": "指定联络员",
        "agreement.record": "登记合作协议",
        "dispute.raise": "提出执法争议",
        "dispute.negotiation": "执法争议协商",
        "dispute.coordination": "法制机构协调执法争议",
        "dispute.decision": "共同上级机关裁决执法争议",
    },
)
