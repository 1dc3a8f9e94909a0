from zhifa.core.navigation import Item

ITEMS = [
    Item("首页", "portal:home", public=True, order=1),
    Item("法定数额与期限", "core:parameters", public=True, order=80),
]
