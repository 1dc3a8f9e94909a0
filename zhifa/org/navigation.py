from zhifa.core.navigation import Item, Section

ITEMS = [
    Item("人民政府", "org:government_list", section=Section.REGISTRY, order=5),
]
