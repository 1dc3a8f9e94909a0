"""Open311 GeoReport v2 at /open311/v2/: the complaints API that 12345 hotlines and civic
apps speak (http://wiki.open311.org/GeoReport_v2/).

- ``GET services.json``: the service types: one for complaints about enforcement, one for
  reports of violations in each field of enforcement.
- ``GET services/{code}.json``: a type's attributes (the district, the violation item,
  the agency complained about), which route the request.
- ``POST requests.json``: a client posts with its ``api_key`` (issued by the legal affairs
  office); the answer carries the ``service_request_id``, which is the tracking number.
  The public posts without a key only through the portal's page.
- ``GET requests.json`` (by ``service_request_id``, ``service_code``, ``status``,
  ``start_date``/``end_date``) and ``GET requests/{id}.json``: status, ``status_notes``
  (the latest note of the history: the answer once answered), ``agency_responsible``.
  Anyone may read status and notes; the description and address only the client that
  posted the request, with its key.

Errors are Open311's: ``[{"code": 400, "description": "…"}]`` with the same HTTP status.
JSON only (the XML format is optional in GeoReport v2).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from zhifa.complaints import selectors, services
from zhifa.complaints.models import Channel, Complaint, Kind, Status
from zhifa.core import clock, inputs
from zhifa.core.errors import DomainError
from zhifa.law.models import ViolationItem
from zhifa.org.models import Agency, Field, Government

#: GeoReport v2 caps a search at 90 days and 1000 requests.
MAX_SPAN = timedelta(days=90)
MAX_RESULTS = 1000


@dataclass(frozen=True)
class Service:
    code: str
    name: str
    description: str
    kind: str
    field: str = ""
    group: str = ""
    keywords: str = ""


def catalogue() -> list[Service]:
    out = [
        Service(
            "enforcement",
            "投诉执法行为",
            "对行政执法机关及其执法人员执法行为的投诉，由政府法制机构调查答复（《决定》六（七））。",
            Kind.ENFORCEMENT,
            group="投诉",
            keywords="执法,投诉,态度,证件,程序",
        )
    ]
    for value, label in Field.choices:
        out.append(
            Service(
                f"violation-{value}",
                f"举报违法行为（{label}）",
                f"{label}领域的违法行为举报，按权责清单转交有管辖权的执法机关核查。",
                Kind.VIOLATION,
                field=value,
                group="举报",
                keywords=f"举报,{label}",
            )
        )
    return out


def _service(code: str) -> Service | None:
    return next((s for s in catalogue() if s.code == code), None)


def _error(status: int, description: str) -> JsonResponse:
    return JsonResponse([{"code": status, "description": description}], status=status, safe=False)


def _json(data, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


def _time(value: datetime | None) -> str | None:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def _service_json(s: Service) -> dict:
    return {
        "service_code": s.code,
        "service_name": s.name,
        "description": s.description,
        "metadata": True,
        "type": "realtime",
        "keywords": s.keywords,
        "group": s.group,
    }


@require_GET
def services_list(request):
    return _json([_service_json(s) for s in catalogue()])


def _attribute(code: str, description: str, values: list[tuple[str, str]] | None, order: int) -> dict:
    return {
        "variable": True,
        "code": code,
        "datatype": "singlevaluelist" if values is not None else "string",
        "required": False,
        "datatype_description": None,
        "order": order,
        "description": description,
        **({"values": [{"key": k, "name": n} for k, n in values]} if values is not None else {}),
    }


@require_GET
def service_definition(request, code: str):
    service = _service(code)
    if service is None:
        return _error(404, f"没有服务类型 {code}。")
    districts = [
        (g.division_code, g.name)
        for g in Government.objects.exclude(level=Government.Level.CITY).order_by("division_code")
    ]
    attributes = [_attribute("district", "发生地（区县），按行政区划代码", districts, 1)]
    if service.kind == Kind.ENFORCEMENT:
        agencies = [(a.code, a.name) for a in Agency.objects.order_by("government__division_code", "name")]
        attributes.append(_attribute("agency", "被投诉的执法机关（机关代码）", agencies, 2))
    else:
        attributes.append(_attribute("violation_item", "违法行为事项编码（可空）", None, 2))
    return _json({"service_code": service.code, "attributes": attributes})


def _client(request):
    return selectors.client_by_key(request.POST.get("api_key") or request.GET.get("api_key"))


def request_json(complaint: Complaint, *, full: bool) -> dict:
    """One request as GeoReport v2 shows it; ``full`` adds what only its client may read."""
    notes = [h.note for h in complaint.history.all()]
    agency = complaint.agency.name if complaint.agency_id else None
    if agency is None:
        office = getattr(complaint.government, "legal_affairs_office", None)
        agency = office.name if office else f"{complaint.government.name}政府法制机构"
    code = "enforcement" if complaint.kind == Kind.ENFORCEMENT else f"violation-{complaint.field or 'other'}"
    service = _service(code)
    closed = complaint.status == Status.ANSWERED
    return {
        "service_request_id": complaint.tracking_number,
        "status": "closed" if closed else "open",
        "status_notes": notes[-1] if notes else None,
        "service_name": service.name if service else complaint.get_kind_display(),
        "service_code": code,
        "description": complaint.description if full else None,
        "agency_responsible": agency,
        "service_notice": f"将于{complaint.due_on:%Y年%m月%d日}前答复。",
        "requested_datetime": _time(complaint.received_at),
        "updated_datetime": _time(complaint.updated_at),
        "expected_datetime": _time(timezone.make_aware(datetime.combine(complaint.due_on, time(17, 0)))),
        "address": (complaint.address or None) if full else None,
        "address_id": None,
        "zipcode": None,
        "lat": float(complaint.lat) if full and complaint.lat is not None else None,
        "long": float(complaint.long) if full and complaint.long is not None else None,
        "media_url": None,
    }


def _rows():
    return selectors.open311_rows()


def _shown(request, complaints) -> JsonResponse:
    client = _client(request)
    return _json([request_json(c, full=client is not None and c.client_id == client.pk) for c in complaints])


def _parse_time(value: str, name: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{name} 应为 ISO 8601 时间（如 2026-12-01T00:00:00+08:00）。") from None
    return parsed if parsed.tzinfo else timezone.make_aware(parsed)


def _search(request):
    params = request.GET
    for key in params:
        if inputs.has_nul(key) or any(inputs.has_nul(v) for v in params.getlist(key)):
            return _error(400, inputs.NUL_MESSAGE)
    qs = _rows()
    ids = [i.strip().upper() for i in (params.get("service_request_id") or "").split(",") if i.strip()]
    if ids:  # "This overrides all other arguments."
        return _shown(request, qs.filter(tracking_number__in=ids[:MAX_RESULTS]))
    code = params.get("service_code")
    if code:
        service = _service(code)
        if service is None:
            return _error(400, f"没有服务类型 {code}。")
        qs = qs.filter(kind=service.kind)
        if service.field == Field.OTHER:  # a report of no known field shows as "other"
            qs = qs.filter(field__in=(Field.OTHER, ""))
        elif service.field:
            qs = qs.filter(field=service.field)
    statuses = {s.strip() for s in (params.get("status") or "").split(",") if s.strip()}
    if statuses - {"open", "closed"}:
        return _error(400, "status 只能是 open 或 closed（可用逗号分隔）。")
    if statuses == {"open"}:
        qs = qs.exclude(status=Status.ANSWERED)
    elif statuses == {"closed"}:
        qs = qs.filter(status=Status.ANSWERED)
    try:
        end = _parse_time(params["end_date"], "end_date") if params.get("end_date") else clock.now()
        start = _parse_time(params["start_date"], "start_date") if params.get("start_date") else end - MAX_SPAN
    except ValueError as exc:
        return _error(400, str(exc))
    if end < start:
        return _error(400, "end_date 不得早于 start_date。")
    if end - start > MAX_SPAN:
        return _error(400, "查询的时间跨度不得超过 90 日。")
    qs = qs.filter(received_at__gte=start, received_at__lte=end)
    return _shown(request, qs[:MAX_RESULTS])


def _value(data, name: str) -> str:
    return (data.get(name) or "").strip()


def _post(request):
    data = request.POST
    for key in data:
        if inputs.has_nul(key) or any(inputs.has_nul(v) for v in data.getlist(key)):
            return _error(400, inputs.NUL_MESSAGE)
    if not _value(data, "api_key"):
        return _error(401, "提交请求须提供 api_key（由政府法制机构发放）；公众请通过公开平台的举报投诉页面提交。")
    client = _client(request)
    if client is None:
        return _error(403, "api_key 无效或已停用。")
    service = _service(_value(data, "service_code"))
    if service is None:
        return _error(400, "service_code 缺失或不是本平台的服务类型（见 services.json）。")
    place = subject = item = None
    district = _value(data, "attribute[district]")
    if district:
        place = Government.objects.filter(division_code=district).first()
        if place is None:
            return _error(400, f"attribute[district] 不是本市的区县代码：{district}。")
    if service.kind == Kind.ENFORCEMENT and _value(data, "attribute[agency]"):
        subject = Agency.objects.filter(code=_value(data, "attribute[agency]")).first()
        if subject is None:
            return _error(400, "attribute[agency] 不是已登记的执法机关代码。")
    if service.kind == Kind.VIOLATION and _value(data, "attribute[violation_item]"):
        item = ViolationItem.objects.filter(code=_value(data, "attribute[violation_item]")).first()
        if item is None:
            return _error(400, "attribute[violation_item] 不是已登记的违法行为事项编码。")
    name = (_value(data, "last_name") + _value(data, "first_name")) or _value(data, "name")
    try:
        complaint = services.complaint_submit(
            channel=Channel.CLIENT,
            client=client,
            client_reference=_value(data, "attribute[client_reference]") or _value(data, "account_id"),
            kind=service.kind,
            field=service.field,
            description=_value(data, "description"),
            violation_item=item,
            subject_agency=subject,
            place=place,
            address=_value(data, "address_string"),
            lat=_value(data, "lat") or None,
            long=_value(data, "long") or None,
            complainant_name=name,
            complainant_contact=_value(data, "phone") or _value(data, "email"),
        )
    except DomainError as error:
        field = error.first.field
        return _error(error.status, f"{field}：{error.first.message}" if field else error.first.message)
    return _json(
        [
            {
                "service_request_id": complaint.tracking_number,
                "service_notice": f"已受理，将于{complaint.due_on:%Y年%m月%d日}前答复；凭此编号查询办理进展。",
                "account_id": None,
            }
        ]
    )


@csrf_exempt  # a client authenticates with its api_key, never with a browser session
@require_http_methods(["GET", "POST"])
def requests_view(request):
    if request.method == "POST":
        return _post(request)
    return _search(request)


@require_GET
def request_detail(request, request_id: str):
    found = _rows().filter(tracking_number=request_id.strip().upper())
    if not found:
        return _error(404, f"没有编号为 {request_id} 的请求。")
    return _shown(request, found)
