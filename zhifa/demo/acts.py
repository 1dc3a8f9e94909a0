"""The audit acts only the seeding of a test city writes (see zhifa.core.acts)."""

from zhifa.core.acts import declare

declare("demo", {"party.create": "生成当事人（种子数据）"})
