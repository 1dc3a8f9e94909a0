"""Signed case packages (D3.4): seal, download, countersign, import."""

from django.http import HttpResponse
from ninja import File, Status
from ninja.files import UploadedFile

from zhifa.cooperation import packages, presenters, selectors, services
from zhifa.cooperation.api.routing import ACT_ERRORS, READ_ERRORS, router
from zhifa.cooperation.api.schemas import CooperationDatedIn, PackageOut


@router.post(
    "transfers/{int:pk}/package", response={201: PackageOut, **ACT_ERRORS}, summary="制作并签名案件材料包（移送机关）"
)
def package_seal(request, pk: int, payload: CooperationDatedIn):
    transfer = selectors.transfer_get(request.auth, pk)
    package = services.package_seal(actor=request.auth, transfer=transfer, on=payload.on)
    return Status(201, presenters.package(selectors.package_get(request.auth, package.pk)))


@router.get("packages/{int:pk}", response={200: PackageOut, **READ_ERRORS}, summary="案件材料包及其验证结果")
def package_get(request, pk: int):
    return presenters.package(selectors.package_get(request.auth, pk))


@router.get(
    "packages/{int:pk}/file",
    response=READ_ERRORS,
    summary="下载案件材料包（ZIP：清单、签名、证书和全部文件）",
    openapi_extra={
        "responses": {
            "200": {
                "description": "案件材料包文件",
                "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def package_file(request, pk: int):
    package = selectors.package_get(request.auth, pk)
    response = HttpResponse(packages.export(package), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="package-{package.pk}.zip"'
    return response


@router.post(
    "packages/{int:pk}/countersign",
    response={200: PackageOut, **ACT_ERRORS},
    summary="接收机关验证并会签案件材料包（D3.4）",
)
def package_countersign(request, pk: int, payload: CooperationDatedIn):
    package = selectors.package_get(request.auth, pk)
    services.package_countersign(actor=request.auth, package=package, on=payload.on)
    return presenters.package(selectors.package_get(request.auth, pk))


@router.post(
    "packages/import", response={201: PackageOut, **ACT_ERRORS}, summary="导入其他平台制作的案件材料包（D3.4）"
)
def package_import(request, file: File[UploadedFile]):
    package = services.package_import(actor=request.auth, data=file.read())
    return Status(201, presenters.package(selectors.package_get(request.auth, package.pk)))
