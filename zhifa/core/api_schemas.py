"""Schemas every API operation shares: the error body and the 4xx responses it documents.

    @router.post("cases", response={201: CaseDetail, **errors(400, 403, 409, 422)})

Every refusal has this one shape (CONVENTIONS.md §6), whatever raised it: a rule's
violation, an input check, access or a conflict (see :mod:`zhifa.api`).
"""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from ninja import Field, Schema


class ErrorItem(Schema):
    code: str = Field(..., description="稳定的错误代码：规则名（违反法定义务时）或输入、权限、冲突类代码")
    clauses: list[str] = Field(default_factory=list, description="所执行的《决定》条款编号，如 D3.8")
    law: list[str] = Field(default_factory=list, description="所执行的法律条文，如 行政处罚法第四十二条")
    message: str = Field(..., description="中文说明：哪里不对、依据什么、应当怎么做")
    field: str | None = Field(None, description="出错的字段（没有具体字段时为空）")


class ErrorBody(Schema):
    code: str = Field(..., description="第一项错误的代码")
    clauses: list[str] = Field(default_factory=list, description="全部错误所执行的《决定》条款编号")
    law: list[str] = Field(default_factory=list, description="第一项错误所执行的法律条文")
    message: str = Field(..., description="第一项错误的中文说明")
    field: str | None = Field(None, description="第一项错误的字段")
    errors: list[ErrorItem] = Field(default_factory=list, description="全部错误")


#: What each 4xx status means in this API.
ERROR_STATUSES = {
    400: "输入无效（格式、必填项、取值范围）",
    401: "未登录或令牌无效",
    403: "无权办理此事项",
    404: "记录不存在或不在您的查看范围内",
    409: "冲突：案件状态已变化、版本过期或记录重复",
    422: "违反法定规则（错误中列明所执行的条款）",
}


def errors(*statuses: int) -> dict[int, type[ErrorBody]]:
    """The 4xx responses an operation documents, each with the one error body."""
    unknown = set(statuses) - set(ERROR_STATUSES)
    if unknown:
        raise ValueError(f"undocumented error statuses: {sorted(unknown)}")
    return dict.fromkeys(statuses, ErrorBody)


# --- Field descriptions from the models' verbose names ---------------------------------

#: Descriptions of fields that name no model field.
COMMON = {
    "id": "编号",
    "count": "条数",
}


def _model_text(model, name: str) -> str | None:
    """The verbose name of ``model``'s field ``name`` (``x_id``: 编号 of the record ``x``;
    ``x_label``: the Chinese name of the value of ``x``)."""
    if model is None:
        return None
    for suffix, template in (("_label", "{}（中文）"), ("_id", "{}（编号）"), ("", "{}")):
        if name.endswith(suffix):
            base = name[: -len(suffix)] if suffix else name
            try:
                verbose = getattr(model._meta.get_field(base), "verbose_name", None)
            except FieldDoesNotExist:
                continue
            if verbose:  # a reverse relation has none
                return template.format(verbose)
    return None


def described(model=None, **texts: str):
    """Give every field of a schema a Chinese description: ``texts`` by name, else the
    model field's verbose name, else :data:`COMMON`. A field left without one is an error
    at import, so a schema cannot be published undescribed.

        @described(Agency, power_count="本机关的法定职权数")
        class AgencyOut(Schema): ...
    """

    def decorate(cls):
        missing = []
        for name, info in cls.model_fields.items():
            if info.description:
                continue
            text = texts.get(name) or COMMON.get(name) or _model_text(model, name)
            if text:
                info.description = str(text)
            else:
                missing.append(name)
        if missing:
            raise TypeError(f"{cls.__name__}: describe {missing} (zhifa.core.api_schemas.described)")
        cls.model_rebuild(force=True)
        return cls

    return decorate
