from zhifa.core.navigation import Item

ITEMS = [
    Item("首页", "portal:home", public=True, order=1),
    Item(
        "法定数额与期限",
        "core:parameters",
        public=True,
        order=80,
        description="听证标准、简易程序限额、各类期限等，按生效日期分版本公开",
    ),
]
