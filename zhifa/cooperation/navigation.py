from zhifa.accounts.models import Role
from zhifa.core.navigation import Item, Section

STAFF = (Role.OFFICER, Role.HEAD, Role.REVIEWER, Role.LEGAL_OFFICE, Role.SUPERVISOR)

ITEMS = [
    Item("案件移送", "cooperation:transfer_list", section=Section.WORK, order=20, roles=STAFF),
    Item("逾期未函告", "cooperation:transfer_overdue", section=Section.SUPERVISION, order=20, roles=STAFF),
    Item("管辖建议", "cooperation:competence", section=Section.WORK, order=21, roles=STAFF),
    Item("涉嫌犯罪移送", "cooperation:crime_transfer_list", section=Section.WORK, order=22, roles=STAFF),
    Item(
        "导入案件材料包", "cooperation:package_import", section=Section.WORK, order=28, roles=(Role.OFFICER, Role.HEAD)
    ),
    Item("协助请求", "cooperation:assistance_list", section=Section.WORK, order=23, roles=STAFF),
    Item("信息查询请求", "cooperation:information_list", section=Section.WORK, order=24, roles=STAFF),
    Item("联席会议", "cooperation:meeting_list", section=Section.WORK, order=25, roles=STAFF),
    Item("联合执法", "cooperation:campaign_list", section=Section.WORK, order=26, roles=STAFF),
    Item("交办任务", "cooperation:task_list", section=Section.WORK, order=27, roles=STAFF),
    Item("联合执法中的推诿", "cooperation:campaign_flags", section=Section.SUPERVISION, order=22, roles=STAFF),
    Item("执法争议", "cooperation:dispute_list", section=Section.SUPERVISION, order=21, roles=STAFF),
    Item("现场检查计划", "cooperation:plan_list", section=Section.WORK, order=29, roles=STAFF),
    Item("综合查一次", "cooperation:joint_list", section=Section.WORK, order=30, roles=STAFF),
    Item("超频次检查的批准", "cooperation:cap_approval_list", section=Section.SUPERVISION, order=23, roles=STAFF),
    Item("超出检查频次上限", "cooperation:beyond_cap", section=Section.SUPERVISION, order=24, roles=STAFF),
    Item("联络员", "cooperation:liaison_list", section=Section.REGISTRY, order=40, roles=STAFF),
    Item("合作协议", "cooperation:agreement_list", section=Section.REGISTRY, order=41, roles=STAFF),
]
