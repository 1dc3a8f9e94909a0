"""The audit acts of credit and random inspections (see zhifa.core.acts)."""

from zhifa.core.acts import declare

declare(
    "credit",
    {
        "inspection_item.create": "登记随机抽查事项",
        "inspection_target.add": "将市场主体列入检查对象名录库",
        "inspector.add": "将执法人员列入检查人员名录库",
        "inspection_plan.create": "制定随机抽查计划",
        "inspection_plan.draw": "随机抽取检查对象和检查人员",
        "inspection_result.enter": "录入抽查结果",
        "inspection_result.review": "审核抽查结果",
        "inspection_plan.publish": "公示抽查结果",
        "credit_objection.file": "对信用记录提出异议",
        "credit_objection.answer": "答复信用记录异议",
        "credit_interview.record": "记录对信用差的当事人的座谈会、结对帮教",
    },
)
