from zhifa.accounts.models import Role
from zhifa.core.navigation import Item, Section

SUPERVISORS = (Role.LEGAL_OFFICE, Role.SUPERVISOR, Role.HEAD)

ITEMS = [
    Item("执法监督看板", "oversight:dashboard", section=Section.SUPERVISION, order=19, roles=SUPERVISORS),
    Item("监督预警", "oversight:alerts", section=Section.SUPERVISION, order=20, roles=SUPERVISORS),
    Item("裁量一致性", "oversight:consistency", section=Section.SUPERVISION, order=21, roles=SUPERVISORS),
    Item("督办", "oversight:notice_list", section=Section.SUPERVISION, order=22, roles=SUPERVISORS),
    Item("当事人评价", "oversight:rating_list", section=Section.SUPERVISION, order=23, roles=SUPERVISORS),
]

ITEMS += [
    Item("案卷评查", "oversight:round_list", section=Section.SUPERVISION, order=24, roles=SUPERVISORS),
    Item("过错责任追究", "oversight:matter_list", section=Section.SUPERVISION, order=25, roles=SUPERVISORS),
    Item(
        "执法过错责任追究结果",
        "oversight:public_matter_list",
        public=True,
        order=60,
        description="执法过错责任追究的处理结果（《决定》六（三））",
    ),
]

ITEMS += [
    Item("行政复议", "oversight:reconsideration_list", section=Section.SUPERVISION, order=26, roles=SUPERVISORS),
    Item("行政诉讼与出庭应诉", "oversight:lawsuit_list", section=Section.SUPERVISION, order=27, roles=SUPERVISORS),
]

ITEMS += [Item("考核评议", "oversight:evaluation_list", section=Section.SUPERVISION, order=28, roles=SUPERVISORS)]

ITEMS += [
    Item("新法实施情况报告", "oversight:report_list", section=Section.SUPERVISION, order=29, roles=SUPERVISORS),
    Item("五项清理", "oversight:cleanup_list", section=Section.SUPERVISION, order=30, roles=SUPERVISORS),
    Item("实施办法备案", "oversight:measure_list", section=Section.SUPERVISION, order=31, roles=SUPERVISORS),
    Item("年度专项执法检查", "oversight:inspection_list", section=Section.SUPERVISION, order=32, roles=SUPERVISORS),
    Item(
        "“五项清理”结果公示",
        "oversight:public_cleanup_list",
        public=True,
        order=61,
        description="市级执法机关执法主体、依据、权责、文书、人员清理的结果（《决定》七）",
    ),
]
