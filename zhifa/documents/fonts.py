"""The fonts documents are set in. GB/T 9704-2012 asks for 仿宋 (body) and 小标宋 (title),
which are not free fonts; zhifa uses Noto Serif CJK SC for both (Regular for the body,
Bold for titles) and Noto Sans CJK SC Bold for the seal, from Debian's fonts-noto-cjk
(scripts/system-deps). A missing font stops rendering with a clear error, so that a
document is never issued with boxes in place of characters."""

from __future__ import annotations

import subprocess
from functools import cache

FAMILIES = {
    "serif": ("Noto Serif CJK SC", "regular"),
    "serif-bold": ("Noto Serif CJK SC", "bold"),
    "sans-bold": ("Noto Sans CJK SC", "bold"),
}


class FontMissing(RuntimeError):
    """A font documents need is not installed (a deployment problem, not a refusal)."""


@cache
def font_file(role: str) -> str:
    family, weight = FAMILIES[role]
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{family}\n%{file}", f"{family}:{weight}"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        raise FontMissing(f"无法查找字体“{family}”（fontconfig 不可用：{exc}）；请运行 scripts/system-deps。") from exc
    families, _, path = out.partition("\n")
    if family not in families.split(","):
        raise FontMissing(
            f"缺少文书字体“{family}”（找到的是“{families}”）：请安装 fonts-noto-cjk（scripts/system-deps），"
            "否则文书中的汉字无法正确显示。"
        )
    return path


def require_fonts() -> None:
    for role in FAMILIES:
        font_file(role)
