from zhifa.accounts.models import Role
from zhifa.core.navigation import Item, Section

ITEMS = [
    Item("执法依据", "law:basis_list", section=Section.LAW, order=10),
    Item("违法行为事项", "law:item_list", section=Section.LAW, order=20),
    Item("规范性文件清理", "law:cleanup_list", section=Section.LAW, order=30,
         roles=(Role.HEAD, Role.LEGAL_OFFICE, Role.SUPERVISOR)),
    Item("全面清理提醒", "law:cleanup_reminders", section=Section.SUPERVISION, order=60,
         roles=(Role.LEGAL_OFFICE, Role.SUPERVISOR)),
    Item("现行执法依据", "law:public_basis_list", public=True, order=20),
    Item("废止公告", "law:public_repeal_list", public=True, order=21),
    Item("清理结果", "law:public_cleanup_list", public=True, order=22),
]
