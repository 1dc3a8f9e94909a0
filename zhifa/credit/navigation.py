from zhifa.core.navigation import Item, Section

ITEMS = [
    Item("双随机抽查", "credit:plan_list", section=Section.WORK, order=45),
    Item("抽查事项清单", "credit:item_list", section=Section.WORK, order=46),
    Item("检查对象名录", "credit:target_list", section=Section.WORK, order=47),
    Item("执法检查人员名录", "credit:inspector_list", section=Section.WORK, order=48),
    Item("信用评价异议", "credit:objection_list", section=Section.SUPERVISION, order=45),
    Item("座谈会、结对帮教", "credit:interview_list", section=Section.WORK, order=49),
    Item(
        "双随机抽查结果",
        "credit:public_plan_list",
        public=True,
        order=45,
        description="随机抽取的检查对象、检查人员和检查结果（双随机、一公开）",
    ),
]
