"""Pages: a document's preview and downloads (PDF, DOCX) for staff, a case's documents
and the act of issuing one, and the public verification page reached from the QR code."""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from django import forms
from django.http import HttpResponse
from django.shortcuts import redirect

from zhifa.cases.selectors import case_get
from zhifa.core.errors import DomainError
from zhifa.core.forms import ZhifaForm
from zhifa.core.web import ActPage, DetailPage, PublicDetailPage
from zhifa.documents import binding, compose, compose_records, rendering, selectors, services
from zhifa.documents.kinds import Kind


class DocumentDetail(DetailPage):
    template_name = "documents/document_detail.html"

    def get_object(self):
        return selectors.document_get(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        doc = self.object
        ctx["versions"] = list(doc.case.documents.filter(kind=doc.kind, source_id=doc.source_id).order_by("version"))
        ctx["breadcrumbs"] = [("案件", "/cases/"), (doc.case.number, doc.case.get_absolute_url())]
        ctx["public_url"] = rendering.verification_url(doc.verification_code)
        return ctx


def _filename(doc, ext: str) -> str:
    return f"{doc.title}-{doc.number or doc.pk}-v{doc.version}.{ext}"


def issued_file_response(doc, *, download: bool) -> HttpResponse:
    """The issued file as it was issued (the signed PDF, or the HTML when rendering was
    deferred), inline or as a download; the staff's page and the party's serve it alike."""
    data = selectors.issued_file(doc)
    response = HttpResponse(data, content_type="application/pdf" if doc.is_pdf else "text/html; charset=utf-8")
    disposition = "attachment" if download else "inline"
    ext = "pdf" if doc.is_pdf else "html"
    response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{_quote(_filename(doc, ext))}"
    if not doc.is_pdf:
        # The stored HTML is shown, never run: no script may come from a document.
        response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return response


class DocumentFile(DetailPage):
    """The issued file as it was issued (the signed PDF, or the HTML when rendering was deferred)."""

    def get(self, request, *args, **kwargs):
        doc = selectors.document_get(request.user, kwargs["pk"])
        return issued_file_response(doc, download=bool(request.GET.get("download")))


def _quote(name: str) -> str:
    return quote(name)


class DocumentDocx(DetailPage):
    """The same content as an editable Word draft (not the issued, signed document)."""

    def get(self, request, *args, **kwargs):
        doc = selectors.document_get(request.user, kwargs["pk"])
        composed = compose.from_content(doc.content)
        response = HttpResponse(
            rendering.docx_of(composed),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(_filename(doc, 'docx'))}"
        return response


class DocumentReceipt(DetailPage):
    """The on-the-spot decision as an 80 mm receipt (a phone's Bluetooth printer)."""

    def get(self, request, *args, **kwargs):
        doc = selectors.document_get(request.user, kwargs["pk"])
        composed = compose.from_content(doc.content)
        html = rendering.html_of(composed, code=doc.verification_code, layout="receipt")
        if request.GET.get("format") == "pdf":
            return HttpResponse(rendering.pdf_of(html), content_type="application/pdf")
        response = HttpResponse(html)
        response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        return response


class CaseFile(DetailPage):
    """The bound case file: one PDF with its cover, index, materials and page numbers."""

    def get(self, request, *args, **kwargs):
        case = case_get(request.user, kwargs["case_pk"])
        bound = binding.bind(case)
        response = HttpResponse(bound.pdf, content_type="application/pdf")
        response["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(f'案卷-{case.number}.pdf')}"
        return response


class IssueForm(ZhifaForm):
    kind = forms.ChoiceField(label="文书种类", choices=[(k.value, k.label) for k in selectors.ISSUABLE])
    #: The record the document is composed from (the act's page links with it); else the latest.
    source_type = forms.ChoiceField(
        label="来源记录类型",
        required=False,
        choices=[("", "—")] + [(t, t) for t in selectors.KINDS_BY_RECORD],
        widget=forms.HiddenInput,
    )
    source_id = forms.IntegerField(label="来源记录", required=False, min_value=1, widget=forms.HiddenInput)
    docx = forms.FileField(
        label="修改后的 Word 稿（可选）",
        required=False,
        help_text="不上传则签发由本案记录制作的文书；上传修改后的 Word 稿则签发修改后的文本，签发前同样检查法定内容。",
    )

    def clean_docx(self):
        f = self.cleaned_data.get("docx")
        if f is None:
            return None
        if f.size > 5 * 1024 * 1024:
            raise forms.ValidationError("Word 稿不得超过 5 MB。")
        return f.read()


class DocumentIssue(ActPage):
    template_name = "documents/issue.html"
    form_class = IssueForm
    title = "签发执法文书"
    submit_label = "签发"
    success_message = "文书已签发。"
    intro = "文书由本案的记录制作，签发前检查依据、说理、救济途径和金额；签发后不再改变，如需更正请制作新的版本。"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.case = case_get(request.user, kwargs["case_pk"])  # "not found" outside the user's scope
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {k: self.request.GET.get(k, "") for k in ("kind", "source_type", "source_id")}

    def get(self, request, *args, **kwargs):
        if request.GET.get("draft"):
            draft = self._draft(request.GET)
            if draft is not None:
                return draft
        return super().get(request, *args, **kwargs)

    def _draft(self, query):
        """The Word draft of what would be issued, for the officer to edit and upload."""
        kind = query.get("kind", "")
        if kind not in selectors.ISSUABLE_VALUES:
            return None
        source_id = query.get("source_id") or None
        try:
            composed = compose_records.draft(
                self.case, kind, int(source_id) if source_id else None, query.get("source_type", ""), self.request.user
            )
        except ValueError:
            return None
        if composed is None:
            return None
        response = HttpResponse(
            rendering.docx_of(composed),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
        name = f"{composed.title}-草稿.docx"
        response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(name)}"
        return response

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["cancel_url"] = self.case.get_absolute_url()
        query = self.request.GET.copy()
        query["draft"] = "1"
        ctx["draft_url"] = f"{self.request.path}?{query.urlencode()}" if query.get("kind") else ""
        return ctx

    def perform(self, form):
        data = form.cleaned_data
        return services.document_issue(
            actor=self.request.user,
            case=self.case,
            kind=data["kind"],
            source_id=data.get("source_id"),
            source_type=data.get("source_type") or "",
            docx=data.get("docx"),
        )


class CorrectForm(ZhifaForm):
    reason = forms.CharField(label="更正理由", widget=forms.Textarea(attrs={"rows": 3}))


class DocumentCorrect(ActPage):
    form_class = CorrectForm
    title = "更正执法文书"
    submit_label = "制作更正版本"
    success_message = "已制作更正版本，原版本保留并标明已被取代。"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.document = selectors.document_get(request.user, kwargs["pk"])  # "not found" outside scope
        return super().dispatch(request, *args, **kwargs)

    def perform(self, form):
        doc = self.document
        return services.document_correct(actor=self.request.user, document=doc, reason=form.cleaned_data["reason"])


class UploadForm(ZhifaForm):
    file = forms.FileField(label="选择收到的文书文件（PDF）")


class Verify(PublicDetailPage):
    """核验文书：扫描二维码或输入核验码，查看文书要素，上传文件比对 SHA-256，并查看其在审计日志中的包含证明。"""

    template_name = "documents/verify.html"
    title = "核验执法文书"

    def get_object(self):
        return selectors.public_get(self.kwargs["code"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        doc = self.object
        ctx["title"] = "核验执法文书"
        ctx["e"] = selectors.essentials(doc)
        ctx["proof"] = selectors.inclusion(doc)
        ctx.setdefault("form", UploadForm())
        return ctx

    def post(self, request, *args, **kwargs):
        form = UploadForm(request.POST, request.FILES)
        context = {"form": form}
        if form.is_valid():
            digest = hashlib.sha256()
            for chunk in form.cleaned_data["file"].chunks():
                digest.update(chunk)
            context["uploaded"] = digest.hexdigest()
        return self.render_to_response(self.get_context_data(**context), status=200 if form.is_valid() else 400)


def verify_lookup(request):
    """The code typed in by hand: to its page, or back with "not found"."""
    code = (request.GET.get("code") or "").strip().upper()
    try:
        doc = selectors.public_get(code)
    except DomainError:
        return redirect("documents:verify_home")
    return redirect(doc.get_public_url())


__all__ = ["Kind"]
