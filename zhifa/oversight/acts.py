"""The audit acts of oversight (see zhifa.core.acts)."""

from zhifa.core.acts import declare

declare(
    "oversight",
    {
        "supervision.issue": "发出督办通知",
        "supervision.answer": "答复督办",
        "supervision.escalate": "督办逾期升级",
        "review.open": "启动案卷评查",
        "review.complete": "完成案卷评查",
        "rating.submit": "当事人评价",
        "accountability.open": "启动责任追究",
        "accountability.decide": "作出追责决定",
        "accountability.publish": "公开追责结果",
    },
)
