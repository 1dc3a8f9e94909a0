from zhifa.accounts.models import Role
from zhifa.core.navigation import Item, Section

STAFF = (Role.OFFICER, Role.HEAD, Role.REVIEWER, Role.LEGAL_OFFICE, Role.SUPERVISOR)

ITEMS = [
    Item("案件移送", "cooperation:transfer_list", section=Section.WORK, order=20, roles=STAFF),
    Item("逾期未函告", "cooperation:transfer_overdue", section=Section.SUPERVISION, order=20, roles=STAFF),
    Item("管辖建议", "cooperation:competence", section=Section.WORK, order=21, roles=STAFF),
    Item("涉嫌犯罪移送", "cooperation:crime_transfer_list", section=Section.WORK, order=22, roles=STAFF),
    Item("协助请求", "cooperation:assistance_list", section=Section.WORK, order=23, roles=STAFF),
    Item("信息查询请求", "cooperation:information_list", section=Section.WORK, order=24, roles=STAFF),
    Item("执法争议", "cooperation:dispute_list", section=Section.SUPERVISION, order=21, roles=STAFF),
    Item("联络员", "cooperation:liaison_list", section=Section.REGISTRY, order=40, roles=STAFF),
    Item("合作协议", "cooperation:agreement_list", section=Section.REGISTRY, order=41, roles=STAFF),
]
