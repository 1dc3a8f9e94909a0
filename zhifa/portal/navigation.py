from zhifa.accounts.models import Role
from zhifa.core.navigation import Item, Section

ITEMS = [
    Item("首页", "portal:home", public=True, order=1),
    Item(
        "行政处罚决定公开",
        "portal:publication_list",
        public=True,
        order=5,
        description="依法公开的行政处罚决定：索引号、文号、当事人、处罚内容和公开摘要（已脱敏），可下载开放数据",
    ),
    Item(
        "法定数额与期限",
        "core:parameters",
        public=True,
        order=80,
        description="听证标准、简易程序限额、各类期限等，按生效日期分版本公开",
    ),
    Item(
        "执法决定公开",
        "portal:publication_manage",
        section=Section.WORK,
        order=70,
        roles=(Role.OFFICER, Role.HEAD, Role.REVIEWER, Role.LEGAL_OFFICE, Role.SUPERVISOR),
    ),
    Item(
        "逾期公开、撤回",
        "portal:publication_late",
        section=Section.SUPERVISION,
        order=65,
        roles=(Role.HEAD, Role.LEGAL_OFFICE, Role.SUPERVISOR),
    ),
]
