"""Tables to Excel (openpyxl): each sheet a title, its headers and its rows."""

from __future__ import annotations

import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(sheets: list[tuple[str, list[str], list[list]]]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    for title, headers, rows in sheets:
        ws = wb.create_sheet(title[:31])
        ws.append(headers)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append([str(v) if v is not None and not isinstance(v, int | float) else v for v in row])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def response(filename: str, sheets: list[tuple[str, list[str], list[list]]]) -> HttpResponse:
    r = HttpResponse(workbook(sheets), content_type=XLSX)
    r["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return r
