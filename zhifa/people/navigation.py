from zhifa.core.navigation import Item, Section

ITEMS = [
    Item("执法人员", "people:officer_list", section=Section.REGISTRY, order=20),
    Item("执法证件", "people:certificate_list", section=Section.REGISTRY, order=21),
    Item("执法资格", "people:qualification_list", section=Section.REGISTRY, order=22),
    Item("资格培训", "people:training_list", section=Section.REGISTRY, order=23),
    Item("利害关系申报", "people:conflict_list", section=Section.REGISTRY, order=24),
    Item(
        "执法人员查询",
        "people:public_certificate_list",
        public=True,
        order=11,
        description="按证件编号或姓名查询执法人员及其执法证件是否有效（D3.1c）",
    ),
]
