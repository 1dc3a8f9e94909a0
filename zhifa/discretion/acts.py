"""The audit acts of discretion (see zhifa.core.acts)."""

from zhifa.core.acts import declare

declare(
    "discretion",
    {
        "discretion.departure": "登记偏离裁量基准",
        "discretion.standard.create": "登记裁量基准",
        "discretion.standard.update": "修改裁量基准",
        "discretion.version.create": "导入裁量基准版本",
        "discretion.version.update": "更新裁量基准版本",
        "discretion.item.link": "关联裁量事项与违法行为事项",
    },
)
