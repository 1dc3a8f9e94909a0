from ninja import Router, Schema

from zhifa.core.api_schemas import errors

router = Router(tags=["账户"])


class MeOut(Schema):
    username: str
    display_name: str
    role: str
    role_label: str
    agency_id: int | None
    government_id: int | None


@router.get("me", response={200: MeOut, **errors(401)}, summary="当前用户")
def me(request):
    u = request.auth
    return MeOut(
        username=u.username,
        display_name=u.display_name,
        role=u.role,
        role_label=u.get_role_display(),
        agency_id=u.agency_id,
        government_id=u.government_id,
    )
