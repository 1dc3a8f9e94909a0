"""The open-data export of published decisions (CSV and JSON): its fields, documented once
here and on the open-data page, and the rows (only the redacted, published copy)."""

from __future__ import annotations

import csv
import io

from zhifa.portal.models import Publication

#: (field, 中文名, 说明): the export's columns, in order.
FIELDS: list[tuple[str, str, str]] = [
    ("index_number", "索引号", "公开机关代码/年份-序号，每条公开信息唯一"),
    ("document_number", "发文字号", "决定书文号"),
    ("title", "标题", "机关名称、决定书名称和文号"),
    ("category", "主题分类", "作出决定的机关的执法领域"),
    ("kind", "信息类别", "行政处罚决定，或其他行政执法决定"),
    ("grounds", "公开依据", "普通程序行政处罚决定（令第45号第二条），或具有一定社会影响（行政处罚法第四十八条）"),
    ("written_on", "成文日期", "决定作出日期（YYYY-MM-DD）"),
    ("published_on", "发布日期", "向社会公开的日期（YYYY-MM-DD）"),
    ("takedown_on", "停止公开日期", "公示期届满之日（三个月或三年，令第45号第十三条）"),
    ("party_name", "当事人", "当事人姓名或名称"),
    ("party_code", "统一社会信用代码", "组织的统一社会信用代码；自然人不公开身份证号码，为空"),
    ("legal_representative", "法定代表人或负责人", "组织的法定代表人或负责人；自然人为空"),
    ("violation", "违法行为类型", "违法行为名称"),
    ("summary", "公开摘要", "作出决定时填写的公开摘要（已脱敏）"),
    ("facts", "主要违法事实", "决定书认定的违法事实（已脱敏）"),
    ("basis", "处罚依据", "决定依据的法律条文"),
    ("penalty", "处罚内容", "处罚种类和数额"),
    ("agency_name", "作出决定的机关", "以其名义作出决定的行政机关"),
    ("amendment", "变更情况", "决定依法变更或更正后重新公开的，说明变更情况（已脱敏）；其他为空"),
    ("previous_index_number", "原公开信息索引号", "重新公开的，变更前已撤下的公开信息的索引号；其他为空"),
]


def row(pub: Publication) -> dict[str, str]:
    values = {}
    for name, _label, _doc in FIELDS:
        if name in ("kind", "grounds"):
            values[name] = getattr(pub, f"get_{name}_display")()
        elif name == "previous_index_number":
            values[name] = pub.previous.index_number if pub.previous_id else ""
        else:
            v = getattr(pub, name)
            values[name] = v.isoformat() if hasattr(v, "isoformat") else (v or "")
    return values


def as_csv(publications) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([label for _n, label, _d in FIELDS])
    for pub in publications:
        r = row(pub)
        writer.writerow([_cell(r[n]) for n, _l, _d in FIELDS])
    return "\ufeff" + out.getvalue()


def _cell(value: str) -> str:
    """A cell a spreadsheet will not run as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def as_json(publications) -> dict:
    items = [row(p) for p in publications]
    return {
        "fields": [{"name": n, "label": label, "description": d} for n, label, d in FIELDS],
        "count": len(items),
        "items": items,
    }
