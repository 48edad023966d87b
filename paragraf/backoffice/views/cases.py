"""Case pages: the committee's case list, registering a case, a case with its
documents, and the staff download of a document."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from paragraf.accounts.permissions import Action
from paragraf.backoffice.decorators import requires
from paragraf.backoffice.forms.cases import CaseForm, CaseSearchForm, DocumentUploadForm
from paragraf.cases import services
from paragraf.cases.files import file_response
from paragraf.cases.models import Case

PAGE_SIZE = 50


def search_cases(committee, form):
    cases = Case.objects.filter(committee=committee).select_related("case_officer")
    if not form.is_valid():
        return cases.none()
    data = form.cleaned_data
    if data["q"]:
        q = data["q"]
        cases = cases.filter(
            Q(reference__icontains=q) | Q(title__icontains=q) | Q(description__icontains=q)
        )
    if data["status"]:
        cases = cases.filter(status=data["status"])
    if data["year"]:
        cases = cases.filter(created__year=data["year"])
    if data["officer"]:
        cases = cases.filter(case_officer=data["officer"])
    return cases


@requires(Action.MANAGE_CASES)
@require_safe
def case_list(request, committee):
    form = CaseSearchForm(request.GET or None, committee=committee)
    if request.GET:
        cases = search_cases(committee, form)
    else:
        cases = Case.objects.filter(committee=committee).select_related("case_officer")
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("sida"))
    query = request.GET.copy()
    query.pop("sida", None)
    return render(
        request,
        "backoffice/cases/list.html",
        {
            "committee": committee,
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "nav": "cases",
        },
    )


@requires(Action.MANAGE_CASES)
@require_http_methods(["GET", "HEAD", "POST"])
def case_create(request, committee):
    form = CaseForm(request.POST or None, committee=committee)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.register_case(
                committee.body,
                committee,
                by=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The case %(reference)s is registered.") % {"reference": case.reference}
            )
            return redirect("backoffice:cases_detail", case=case.pk)
    return render(
        request,
        "backoffice/cases/create.html",
        {"committee": committee, "form": form, "nav": "cases"},
    )


@requires(Action.MANAGE_CASES)
@require_http_methods(["GET", "HEAD", "POST"])
def case_detail(request, case):
    committee = case.committee
    form = CaseForm(request.POST or None, instance=case, committee=committee)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The case is saved."))
        return redirect("backoffice:cases_detail", case=case.pk)
    return _render_detail(request, case, form, DocumentUploadForm(prefix="document"))


def _render_detail(request, case, form, upload_form, status=200):
    documents = case.documents.all()
    return render(
        request,
        "backoffice/cases/detail.html",
        {
            "case": case,
            "committee": case.committee,
            "form": form,
            "upload_form": upload_form,
            "documents": documents,
            "nav": "cases",
        },
        status=status,
    )


@requires(Action.MANAGE_CASES)
@require_POST
def case_upload(request, case):
    upload_form = DocumentUploadForm(request.POST, request.FILES, prefix="document")
    if upload_form.is_valid():
        try:
            services.add_document(
                case,
                upload_form.cleaned_data["file"],
                upload_form.cleaned_data["title"],
                upload_form.cleaned_data["is_public"],
                by=request.user,
            )
        except ValidationError as error:
            upload_form.add_error("file", error)
        else:
            messages.success(request, _("The document is added."))
            return redirect("backoffice:cases_detail", case=case.pk)
    form = CaseForm(instance=case, committee=case.committee)
    return _render_detail(request, case, form, upload_form, status=400)


@requires(Action.MANAGE_CASES)
@require_POST
def document_public(request, document):
    is_public = request.POST.get("is_public") == "1"
    services.set_document_public(document, is_public, by=request.user)
    if is_public:
        messages.success(request, _("“%(title)s” is now public.") % {"title": document.title})
    else:
        messages.success(request, _("“%(title)s” is now not public.") % {"title": document.title})
    if document.case_id:
        return redirect("backoffice:cases_detail", case=document.case_id)
    return redirect("backoffice:dashboard")


@requires(Action.READ_NON_PUBLIC)
@require_safe
def document_download(request, document):
    """Any document of the user's committees, public or not (members read here)."""
    # Non-public content: never in a shared cache, never kept by the browser.
    return file_response(document, "private, no-store")
