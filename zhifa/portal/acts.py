"""The audit acts of portal (see zhifa.core.acts)."""

from zhifa.core.acts import declare

declare(
    "portal",
    {
        "publication.prepare": "拟定公开信息",
        "publication.publish": "公开行政执法决定",
        "publication.change": "变更公开信息",
        "publication.withdraw": "撤回公开信息",
        "publication.take_down": "公开期满撤下",
        "publication.republish": "重新公开变更后的决定",
        "party_access.issue": "发放当事人查询码",
        "party_access.regenerate": "重新生成当事人访问码",
        "party_access.login": "当事人登录",
        "party.submit": "当事人在线提交",
        "party.service_consent": "当事人同意电子送达",
        "party.service_consent_withdraw": "当事人撤回电子送达同意",
        "party_submission.receive": "接收当事人提交",
        "party_submission.decide": "处理当事人申请",
        "stakeholder_opinion.submit": "利害关系人提出意见",
        "stakeholder_opinion.answer": "答复利害关系人意见",
        "visit.start": "扫码登记检查",
        "visit.link": "扫码记录对应检查记录",
        "visit.rate": "当事人评价检查",
        "service_card.create": "制定执法服务卡",
        "service_card.update": "更新执法服务卡",
        "service_guide.create": "制定办事指南",
        "service_guide.update": "修改办事指南",
        "service_guide.withdraw": "停止公布办事指南",
        "licensing_hearing.announce": "公告行政许可听证",
        "licensing_hearing.record": "记录行政许可听证",
    },
)
