"""The audit acts of people (see zhifa.core.acts)."""

from zhifa.core.acts import declare

declare(
    "people",
    {
        "officer.create": "登记执法人员",
        "officer.update": "修改执法人员信息",
        "officer.leave_post": "执法人员离岗",
        "training.create": "登记培训考试",
        "training.update": "修改培训考试记录",
        "qualification.grant": "授予执法资格",
        "qualification.revoke": "撤销执法资格",
        "certificate.issue": "核发执法证件",
        "certificate.verify": "年度审验执法证件",
        "certificate.suspend": "暂扣执法证件",
        "certificate.lift_suspension": "解除暂扣执法证件",
        "certificate.revoke": "吊销执法证件",
        "conflict.declare": "申报回避事由",
        "conflict.end": "解除回避事由",
    },
)
