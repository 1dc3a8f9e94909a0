from zhifa.accounts.models import Role
from zhifa.core.navigation import Item, Section

ITEMS = [
    Item("我的工作台", "cases:workbench", section=Section.WORK, order=1),
    Item("待我审批", "cases:approvals", section=Section.WORK, order=2, roles=(Role.HEAD,)),
    Item("法制审核", "cases:reviews", section=Section.WORK, order=3, roles=(Role.REVIEWER,)),
    Item(
        "案件",
        "cases:case_list",
        section=Section.WORK,
        order=4,
        roles=(Role.OFFICER, Role.HEAD, Role.REVIEWER, Role.LEGAL_OFFICE, Role.SUPERVISOR),
    ),
    Item("登记线索", "cases:clue_create", section=Section.WORK, order=5, roles=(Role.OFFICER, Role.HEAD)),
    Item("当场处罚", "cases:simple_create", section=Section.WORK, order=6, roles=(Role.OFFICER,)),
    Item(
        "补录事项",
        "cases:backdated_list",
        section=Section.WORK,
        order=7,
        roles=(Role.LEGAL_OFFICE, Role.SUPERVISOR, Role.HEAD),
    ),
]
