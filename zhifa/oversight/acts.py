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

declare(
    "oversight",
    {
        "reconsideration.record": "登记行政复议申请",
        "reconsideration.accept": "决定是否受理行政复议",
        "reconsideration.decide": "作出行政复议决定",
        "reconsideration.correct": "纠正被复议撤销、变更或确认违法的行为",
        "lawsuit.record": "登记行政诉讼",
        "lawsuit.judge": "登记行政诉讼裁判结果",
        "lawsuit.correct": "纠正被判决撤销、变更或确认违法的行为",
        "case.corrected": "案件的执法行为被纠正",
        "appearance.record": "登记负责人出庭应诉",
        "evaluation.record": "考核评议",
    },
)
