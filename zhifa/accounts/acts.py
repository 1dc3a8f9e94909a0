"""The audit acts of accounts (see zhifa.core.acts)."""

from zhifa.core.acts import declare

declare(
    "accounts",
    {
        "user.create": "创建用户账户",
        "user.update": "修改用户账户",
        "token.create": "签发接口令牌",
        "token.revoke": "撤销接口令牌",
    },
)
