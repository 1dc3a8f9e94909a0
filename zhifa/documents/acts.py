"""The audit acts of documents (see zhifa.core.acts)."""

from zhifa.core.acts import declare

declare(
    "documents",
    {
        "document.issue": "签发文书",
        "document.correct": "更正文书（新版本）",
        "document_profile.set": "设置机关文书信息",
    },
)
