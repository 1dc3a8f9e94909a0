"""The acts of cooperation between agencies, as the audit log names them."""

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
        "meeting.record": "登记联席会议",
        "campaign.launch": "组织联合执法",
        "task.assign.resolution": "交办联席会议议定事项",
        "task.assign.campaign": "分配联合执法任务",
        "task.assign.linkage": "交办上下联动任务",
        "task.respond": "答复联合执法分工",
        "task.report": "报送落实情况",
        "package.seal": "制作并签名案件材料包",
        "package.countersign": "会签案件材料包",
        "package.import": "导入案件材料包",
    },
)
