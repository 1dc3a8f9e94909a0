from zhifa.accounts.models import Role
from zhifa.core.navigation import Item, Section

ITEMS = [
    Item("待办举报投诉", "complaints:queue", section=Section.WORK, order=40),
    Item("举报投诉", "complaints:complaint_list", section=Section.SUPERVISION, order=40),
    Item("新闻媒体曝光", "complaints:media_list", section=Section.SUPERVISION, order=41),
    Item(
        "Open311 接入系统",
        "complaints:client_list",
        section=Section.SYSTEM,
        order=40,
        roles=(Role.LEGAL_OFFICE,),
    ),
    Item(
        "举报投诉",
        "complaints:public_submit",
        public=True,
        order=40,
        description="投诉执法行为、举报违法行为，凭查询码跟踪办理进展和答复（D6.7a）",
    ),
    Item(
        "查询举报投诉",
        "complaints:public_track",
        public=True,
        order=41,
        description="凭查询码查看举报投诉的办理进展和答复",
    ),
    Item(
        "媒体曝光查处结果",
        "complaints:public_media_list",
        public=True,
        order=42,
        description="新闻媒体曝光的执法违法行为的追查和查处结果（D6.7b）",
    ),
]
