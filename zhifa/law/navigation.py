from zhifa.accounts.models import Role
from zhifa.core.navigation import Item, Section

ITEMS = [
    Item("执法依据", "law:basis_list", section=Section.LAW, order=10),
    Item("违法行为事项", "law:item_list", section=Section.LAW, order=20),
    Item(
        "规范性文件清理",
        "law:cleanup_list",
        section=Section.LAW,
        order=30,
        roles=(Role.HEAD, Role.LEGAL_OFFICE, Role.SUPERVISOR),
    ),
    Item(
        "全面清理提醒",
        "law:cleanup_reminders",
        section=Section.SUPERVISION,
        order=60,
        roles=(Role.LEGAL_OFFICE, Role.SUPERVISOR),
    ),
    Item(
        "现行执法依据",
        "law:public_basis_list",
        public=True,
        order=20,
        description="执法所依据的法律、法规、规章及其条文，可查某日有效的版本（D3.2a）",
    ),
    Item(
        "废止公告",
        "law:public_repeal_list",
        public=True,
        order=21,
        description="已废止、停止执行的规范性文件和其他依据（D3.2b）",
    ),
    Item(
        "清理结果",
        "law:public_cleanup_list",
        public=True,
        order=22,
        description="规章和规范性文件清理的结论：继续有效、修改或者废止（D3.2b、D3.2c）",
    ),
]
