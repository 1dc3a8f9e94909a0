"""The audit acts of law (see zhifa.core.acts)."""

from zhifa.core.acts import declare

declare(
    "law",
    {
        "legal_basis.create": "登记执法依据",
        "legal_basis.update": "修改执法依据",
        "legal_basis.repeal": "废止执法依据",
        "article.create": "登记条文",
        "article.update": "修改条文",
        "violation_item.create": "登记违法行为事项",
        "violation_item.update": "修改违法行为事项",
        "cleanup.open": "启动执法依据清理",
        "cleanup.entry": "登记清理意见",
        "cleanup.complete": "完成执法依据清理",
        "cleanup.publish": "公布清理结果",
    },
)
