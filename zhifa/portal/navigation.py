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
        "执法服务卡",
        "portal:service_card_list",
        public=True,
        order=7,
        description="各机关的服务范围、方式、时间、电话和一个窗口，及每个事项的办事指南（D5.8）",
    ),
    Item(
        "行政许可听证",
        "portal:licensing_hearing_list",
        public=True,
        order=8,
        description="应当听证的行政许可事项的听证公告、举行情况和根据笔录作出的决定（D5.3b）",
    ),
    Item(
        "当事人登录",
        "portal:party_login",
        public=True,
        order=6,
        description="凭告知书上的访问码查看本人案件和文书，在线陈述申辩、要求听证、申请暂缓或分期缴纳罚款",
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
        "当事人在线提交",
        "portal:submission_list",
        section=Section.WORK,
        order=71,
        roles=(Role.OFFICER, Role.HEAD, Role.LEGAL_OFFICE, Role.SUPERVISOR),
    ),
    Item(
        "利害关系人意见",
        "portal:opinion_list",
        section=Section.WORK,
        order=72,
        roles=(Role.OFFICER, Role.HEAD, Role.LEGAL_OFFICE, Role.SUPERVISOR),
    ),
    Item(
        "扫码检查记录",
        "portal:visit_list",
        section=Section.WORK,
        order=73,
        roles=(Role.OFFICER, Role.HEAD, Role.LEGAL_OFFICE, Role.SUPERVISOR),
    ),
    Item(
        "逾期公开、撤回",
        "portal:publication_late",
        section=Section.SUPERVISION,
        order=65,
        roles=(Role.HEAD, Role.LEGAL_OFFICE, Role.SUPERVISOR),
    ),
]
