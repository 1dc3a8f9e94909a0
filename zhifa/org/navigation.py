from zhifa.core.navigation import Item, Section

ITEMS = [
    Item("执法主体", "org:agency_list", section=Section.REGISTRY, order=10),
    Item("执法事项目录", "org:power_list", section=Section.REGISTRY, order=11),
    Item("授权与委托", "org:delegation_list", section=Section.REGISTRY, order=12),
    Item("执法岗位", "org:post_list", section=Section.REGISTRY, order=13),
    Item("人民政府", "org:government_list", section=Section.SYSTEM, order=60),
    Item("政府法制机构", "org:office_list", section=Section.SYSTEM, order=61),
    Item("监察机关", "org:organ_list", section=Section.SYSTEM, order=62),
    Item("政府任期", "org:term_list", section=Section.SYSTEM, order=63),
    Item(
        "执法主体公示",
        "org:public_agency_list",
        public=True,
        order=10,
        description="行政执法机关及授权、受委托组织，主体资格和法定职权（D3.1c）",
    ),
]
