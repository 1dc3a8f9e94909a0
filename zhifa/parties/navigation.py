from zhifa.core.navigation import Item, Section

ITEMS = [
    Item("当事人", "parties:party_list", section=Section.WORK, order=40),
]
