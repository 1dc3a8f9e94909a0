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

declare(
    "oversight",
    {
        "implementation.report": "报告新法实施情况",
        "cleanup_report.submit": "报送五项清理结果",
        "cleanup_report.review": "审核五项清理结果",
        "cleanup_report.publish": "公示五项清理结果",
        "measure.file": "报送实施办法备案",
        "measure.review": "审查实施办法备案",
        "special_inspection.open": "组织年度专项执法检查",
        "special_inspection.find": "登记专项检查发现",
        "special_inspection.refer": "专项检查发现移送责任追究",
    },
)
