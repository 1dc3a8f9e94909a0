"""The audit acts of complaints (see zhifa.core.acts)."""

from zhifa.core.acts import declare

declare(
    "complaints",
    {
        "complaint.submit": "受理投诉举报",
        "complaint.route": "分送投诉举报",
        "complaint.reroute": "改送投诉举报",
        "complaint.return": "退回投诉举报",
        "complaint.take_up": "投诉举报转为案件线索",
        "complaint.answer": "答复投诉举报",
        "media.register": "登记媒体曝光事项",
        "media.conclude": "办结媒体曝光事项",
        "open311_client.issue": "发放Open311接入密钥",
        "open311_client.revoke": "吊销Open311接入密钥",
    },
)
