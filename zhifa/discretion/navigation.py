from zhifa.core.navigation import Item, Section

ITEMS = [
    Item("裁量基准", "discretion:standard_list", section=Section.LAW, order=30),
    Item("裁量事项", "discretion:item_list", section=Section.LAW, order=31),
    Item("裁量试算", "discretion:evaluate", section=Section.WORK, order=60),
    Item("偏离裁量统计", "discretion:departure_counts", section=Section.SUPERVISION, order=40),
    Item(
        "裁量基准公开",
        "discretion:public_standard_list",
        public=True,
        order=40,
        description="行政处罚裁量基准：违法行为、法定幅度与各档次的适用条件（行政处罚法第三十四条）",
    ),
]
