"""The demo city: a Chongqing-like set of governments, offices, agencies, officers and
parties. Everything here is fictional: the people are invented, organisations carry
"（演示）" in their names, addresses and telephone numbers are placeholders.

The loader (:mod:`zhifa.demo.loader`) turns these rows into records through the services.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

DEMO_PASSWORD = "zhifa-demo"

# name, level, parent, division code, (office, organ) names
GOVERNMENTS = [
    ("重庆市", "city", None, "500000", "重庆市司法局", "重庆市监察委员会"),
    ("渝中区", "district", "重庆市", "500103", "重庆市渝中区司法局", "重庆市渝中区监察委员会"),
    ("江北区", "district", "重庆市", "500105", "重庆市江北区司法局", "重庆市江北区监察委员会"),
    ("沙坪坝区", "district", "重庆市", "500106", "重庆市沙坪坝区司法局", "重庆市沙坪坝区监察委员会"),
    ("渝北区", "district", "重庆市", "500112", "重庆市渝北区司法局", "重庆市渝北区监察委员会"),
]

# Area codes of identity numbers by district: before 1997 Chongqing's districts were
# numbered under Sichuan (5102xx); python-stdnum checks the code was in use at birth.
RIC_AREAS = {
    "重庆市": ("510202", "500103"),
    "渝中区": ("510202", "500103"),
    "江北区": ("510211", "500105"),
    "沙坪坝区": ("510212", "500106"),
    "渝北区": ("510218", "500112"),
}

# government: (number, starts_on, ends_on) of its terms
TERMS = {
    "重庆市": [(5, date(2018, 1, 1), date(2022, 12, 31)), (6, date(2023, 1, 1), date(2027, 12, 31))],
    "渝中区": [(18, date(2016, 12, 1), date(2021, 11, 30)), (19, date(2021, 12, 1), date(2026, 11, 30))],
    "江北区": [(18, date(2016, 12, 1), date(2021, 11, 30)), (19, date(2021, 12, 1), date(2026, 11, 30))],
    "沙坪坝区": [(18, date(2016, 12, 1), date(2021, 11, 30)), (19, date(2021, 12, 1), date(2026, 11, 30))],
    "渝北区": [(18, date(2016, 12, 1), date(2021, 11, 30)), (19, date(2021, 12, 1), date(2026, 11, 30))],
}


@dataclass(frozen=True)
class AgencySpec:
    code: str
    name: str
    short_name: str
    case_prefix: str
    field: str
    government: str
    kind: str = "agency"
    own_powers: bool = True  # powers over the catalogue's items of its field
    officers: int = 3  # besides the head and the legal reviewer
    suspended: str = ""  # the reason, when the legal affairs office suspended it


AGENCIES = [
    AgencySpec("cq-scj", "重庆市市场监督管理局", "市市场监管局", "渝市监", "market", "重庆市", officers=2),
    AgencySpec("cq-sthj", "重庆市生态环境局", "市生态环境局", "渝环", "ecology", "重庆市", officers=1),
    AgencySpec("cq-cgj", "重庆市城市管理局", "市城市管理局", "渝城管", "city", "重庆市", officers=1),
    AgencySpec("cq-jtw", "重庆市交通运输委员会", "市交通运输委", "渝交", "transport", "重庆市", officers=0),
    AgencySpec(
        "cq-jtzd",
        "重庆市交通运输综合行政执法总队",
        "市交通执法总队",
        "渝交执法",
        "transport",
        "重庆市",
        kind="authorised",
        own_powers=False,
        officers=3,
    ),
    AgencySpec("yz-scj", "重庆市渝中区市场监督管理局", "渝中区市场监管局", "渝中市监", "market", "渝中区", officers=4),
    AgencySpec("yz-cgj", "重庆市渝中区城市管理局", "渝中区城市管理局", "渝中城管", "city", "渝中区", officers=3),
    AgencySpec("jb-scj", "重庆市江北区市场监督管理局", "江北区市场监管局", "江北市监", "market", "江北区", officers=2),
    AgencySpec(
        "jb-sthj",
        "重庆市江北区生态环境局",
        "江北区生态环境局",
        "江北环",
        "ecology",
        "江北区",
        own_powers=False,
        officers=2,
    ),
    AgencySpec("jb-cgj", "重庆市江北区城市管理局", "江北区城市管理局", "江北城管", "city", "江北区", officers=1),
    AgencySpec(
        "spb-scj", "重庆市沙坪坝区市场监督管理局", "沙坪坝区市场监管局", "沙市监", "market", "沙坪坝区", officers=1
    ),
    AgencySpec(
        "spb-cgj",
        "重庆市沙坪坝区城市管理局",
        "沙坪坝区城市管理局",
        "沙城管",
        "city",
        "沙坪坝区",
        officers=1,
        suspended="执法主体资格清理中发现执法人员持证上岗制度落实不到位、一名执法人员证件被吊销后仍参与执法检查，"
        "暂停执法，限期整改（演示）",
    ),
]

POSTS = [
    (
        "执法办案岗",
        "负责本机关执法事项的日常巡查、现场检查和案件调查取证，制作调查终结报告及相关执法文书。",
        "不履行或者不正确履行调查取证职责，导致事实认定错误、证据不足或者超过办案期限的，依法承担相应责任。",
        True,
    ),
    (
        "法制审核岗",
        "负责重大执法决定的法制审核，审查执法主体、管辖、程序、事实、证据、法律适用和裁量基准的运用。",
        "应当审核而未审核，或者审核意见错误导致执法决定违法的，依法承担相应责任。",
        False,
    ),
    (
        "审批决定岗",
        "负责审批立案、听取案件汇报、作出或者组织集体讨论作出行政执法决定。",
        "违法审批或者不履行审批职责，造成严重后果的，依法承担领导责任。",
        False,
    ),
]

# Fictional names: surname + given name, combined without repeating.
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢傅钟"
GIVEN = [
    "建华",
    "晓燕",
    "志刚",
    "丽娟",
    "海涛",
    "雪梅",
    "俊杰",
    "玉兰",
    "明辉",
    "静怡",
    "国栋",
    "春燕",
    "文博",
    "红梅",
    "宏伟",
    "秀英",
    "鹏飞",
    "婷婷",
    "振宇",
    "慧敏",
    "家豪",
    "欣然",
    "立新",
    "佳琪",
    "晨曦",
    "子涵",
    "浩然",
    "思远",
    "梦瑶",
    "天佑",
    "雅琴",
    "永强",
    "凤霞",
    "昊天",
    "若溪",
    "卫东",
    "美玲",
    "嘉怡",
    "光明",
    "淑芬",
    "锦程",
    "一鸣",
    "语嫣",
    "博文",
    "诗琪",
    "德明",
    "晓峰",
    "丽华",
]


def officer_name(i: int) -> str:
    return SURNAMES[(i * 7) % len(SURNAMES)] + GIVEN[(i * 5) % len(GIVEN)]


# What happens to particular officers' certificates (key: "<agency code>-<role><n>").
# expired_last_month: the certificate ran out at the end of last month (SCENARIOS §4).
CERTIFICATE_FATES = {
    "yz-scj-officer4": ("expired_last_month", ""),
    "yz-cgj-officer3": ("renewed", ""),
    "cq-cgj-officer1": ("expired_last_month", ""),
    "jb-scj-officer2": ("revoked", "在执法检查中收受当事人财物，经调查属实，不适合继续从事执法工作（演示）"),
    "spb-cgj-officer1": ("revoked", "酒后参与执法检查并与当事人发生冲突，造成恶劣影响（演示）"),
    "cq-jtzd-officer3": ("suspended", "涉嫌违规处置暂扣车辆，正在调查核实（演示）"),
    "jb-cgj-officer1": ("unverified", ""),
    "spb-scj-officer1": ("failed_verification", "上一年度执法考核不合格，未通过证件审验（演示）"),
}

# Who logs in: officer keys (linked to their Officer record) and government users.
AGENCY_LOGINS = [
    "yz-scj-head",
    "yz-scj-reviewer",
    "yz-scj-officer1",
    "yz-scj-officer2",
    "yz-cgj-head",
    "yz-cgj-reviewer",
    "yz-cgj-officer1",
    "yz-cgj-officer2",
    "jb-sthj-head",
    "jb-sthj-officer1",
    "cq-jtzd-head",
    "cq-jtzd-officer1",
]
GOVERNMENT_LOGINS = [
    # username, role, government, display name
    ("cq-sfj", "legal_office", "重庆市", "重庆市司法局执法监督处"),
    ("yz-sfj", "legal_office", "渝中区", "渝中区司法局执法监督科"),
    ("cq-jw", "supervisor", "重庆市", "重庆市监察委员会"),
]


@dataclass(frozen=True)
class PartySpec:
    key: str
    kind: str  # organisation | person
    name: str
    government: str
    legal_representative: str = ""
    address: str = ""
    type_code: str = "91"  # 91 company, 92 individual business (个体工商户)
    birth: date | None = None


PARTIES = [
    PartySpec(
        "hefeng-market",
        "organisation",
        "重庆市渝中区禾丰便民超市（演示）",
        "渝中区",
        "刘桂芳",
        "渝中区示例路18号",
        "92",
    ),
    PartySpec(
        "haoweilai-restaurant",
        "organisation",
        "重庆市渝中区好味来餐馆（演示）",
        "渝中区",
        "何志明",
        "渝中区示例路26号",
        "92",
    ),
    PartySpec(
        "shancheng-trading", "organisation", "重庆山城印象商贸有限公司（演示）", "渝中区", "曹丽", "渝中区示例大道8号"
    ),
    PartySpec("laojie-hotpot", "organisation", "重庆渝中老街火锅有限公司（演示）", "渝中区", "邓强", "渝中区示例街3号"),
    PartySpec("hongtu-ads", "organisation", "重庆鸿图广告传媒有限公司（演示）", "渝中区", "许晨", "渝中区示例路99号"),
    PartySpec(
        "jiahe-chemical", "organisation", "重庆江北嘉禾化工有限公司（演示）", "江北区", "彭建军", "江北区示例工业园1号"
    ),
    PartySpec("beibin-materials", "organisation", "重庆北滨建材有限公司（演示）", "江北区", "蒋涛", "江北区示例路5号"),
    PartySpec(
        "youxuan-fresh",
        "organisation",
        "重庆市江北区观音桥优选生鲜店（演示）",
        "江北区",
        "田芳",
        "江北区示例街12号",
        "92",
    ),
    PartySpec(
        "xinda-municipal", "organisation", "重庆江北鑫达市政工程有限公司（演示）", "江北区", "袁立", "江北区示例路66号"
    ),
    PartySpec(
        "shuntong-freight", "organisation", "重庆江北顺通货运有限公司（演示）", "江北区", "潘勇", "江北区示例物流园2号"
    ),
    PartySpec(
        "daxuecheng-store",
        "organisation",
        "重庆沙坪坝大学城百货有限公司（演示）",
        "沙坪坝区",
        "叶敏",
        "沙坪坝区示例大道7号",
    ),
    PartySpec(
        "ciqikou-snacks",
        "organisation",
        "重庆市沙坪坝区磁器口小吃店（演示）",
        "沙坪坝区",
        "苏红",
        "沙坪坝区示例老街4号",
        "92",
    ),
    PartySpec(
        "xiyong-electronics",
        "organisation",
        "重庆西永电子科技有限公司（演示）",
        "沙坪坝区",
        "魏东",
        "沙坪坝区示例园区9号",
    ),
    PartySpec(
        "hengyun-logistics",
        "organisation",
        "重庆沙区恒运物流有限公司（演示）",
        "沙坪坝区",
        "吕刚",
        "沙坪坝区示例路31号",
    ),
    PartySpec(
        "konggang-food", "organisation", "重庆渝北空港食品有限公司（演示）", "渝北区", "丁红", "渝北区示例路20号"
    ),
    PartySpec(
        "longta-construction",
        "organisation",
        "重庆渝北龙塔建筑工程有限公司（演示）",
        "渝北区",
        "任伟",
        "渝北区示例大道101号",
    ),
    PartySpec("ma-degui", "person", "马德贵", "渝中区", address="渝中区示例巷5号（暂住）", birth=date(1979, 4, 16)),
    PartySpec("huang-li", "person", "黄丽", "渝中区", address="渝中区示例路40号", birth=date(1986, 11, 3)),
    PartySpec("zhou-jianguo", "person", "周建国", "沙坪坝区", address="沙坪坝区示例村2组", birth=date(1975, 8, 21)),
    PartySpec("wu-xiaoyan", "person", "吴小燕", "江北区", address="江北区示例路17号", birth=date(1992, 2, 9)),
    PartySpec("zheng-hai", "person", "郑海", "渝北区", address="渝北区示例路8号", birth=date(1998, 6, 30)),
    PartySpec("luo-wenjing", "person", "罗文静", "江北区", address="江北区示例街21号", birth=date(1990, 12, 12)),
]


@dataclass(frozen=True)
class ConflictSpec:
    officer: str
    relation: str
    description: str
    declared_on: date
    party: str = ""  # a PARTIES key, or empty for an unregistered party named below
    party_name: str = ""
    party_identifier: str = ""  # computed when "uscc" is given
    ended_on: date | None = None
    end_note: str = ""
    extra: dict = field(default_factory=dict)


CONFLICTS = [
    ConflictSpec(
        "yz-scj-officer3", "kin", "本人配偶的姐姐系该店经营者（演示）", date(2025, 3, 10), party="hefeng-market"
    ),
    ConflictSpec(
        "jb-sthj-officer2",
        "former_employer",
        "2018年至2021年曾在该公司任安全环保专员（演示）",
        date(2024, 5, 6),
        party="jiahe-chemical",
    ),
    ConflictSpec(
        "cq-jtzd-officer2",
        "financial",
        "本人亲属持有该合作社股份（演示）",
        date(2025, 9, 1),
        party_name="重庆某某货运专业合作社（演示）",
        party_identifier="uscc",
    ),
    ConflictSpec(
        "yz-cgj-officer2",
        "other",
        "曾与当事人为邻居并有借贷往来（演示）",
        date(2024, 2, 1),
        party="huang-li",
        ended_on=date(2026, 2, 1),
        end_note="借款已结清，双方已无往来（演示）",
    ),
]
