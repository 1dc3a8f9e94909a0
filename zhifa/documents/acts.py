"""The documents app's audit acts (zhifa.core.acts)."""

from zhifa.core.acts import declare

declare(
    "documents",
    {
        "document.issue": "签发执法文书",
        "document.correct": "更正执法文书（新版本）",
        "document_profile.set": "登记机关文书信息",
    },
)
