"""The audit acts of org (see zhifa.core.acts)."""

from zhifa.core.acts import declare

declare(
    "org",
    {
        "government.create": "登记人民政府",
        "government.update": "修改人民政府信息",
        "legal_affairs_office.create": "登记政府法制机构",
        "legal_affairs_office.update": "修改政府法制机构信息",
        "supervisory_organ.create": "登记监察机关",
        "supervisory_organ.update": "修改监察机关信息",
        "government_term.create": "登记政府届次",
        "government_term.update": "修改政府届次",
        "agency.create": "登记行政执法机关",
        "agency.update": "修改行政执法机关信息",
        "standing_decision.create": "登记执法主体资格确认文件",
        "agency.standing": "确认执法主体资格",
        "power.create": "登记行政执法职权",
        "power.update": "修改行政执法职权",
        "delegation.create": "登记行政执法委托",
        "delegation.update": "修改行政执法委托",
        "delegation.revoke": "撤销行政执法委托",
        "post.create": "设置执法岗位",
        "post.update": "修改执法岗位",
    },
)
