import mimetypes

from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from paragraf.cases.models import Document
from paragraf.meetings.models import AgendaItem
from paragraf.portal.views.errors import NotFound

# Types a browser may show in the page; anything else is offered as a download,
# so an uploaded HTML or SVG file can never run as part of this site.
INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg", "text/plain"}


def _was_public(pk):
    public_items = AgendaItem.objects.public()
    return (
        Document.all_objects.deleted()
        .filter(pk=pk, is_public=True, agenda_links__agenda_item__in=public_items)
        .exists()
    )


@require_safe
def download(request, pk, filename):
    document = Document.objects.public().filter(pk=pk).first()
    if document is None:
        if _was_public(pk):
            message = _("The document has been removed from the website.")
            return render(request, "410.html", {"message": message}, status=410)
        raise NotFound(_("There is no public document at this address."))
    if filename != document.filename:
        return redirect("portal:document", pk=document.pk, filename=document.filename)
    etag = f'"{document.sha512[:64]}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
        response["ETag"] = etag
        return response
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise NotFound(_("The file of this document is missing.")) from None
    media_type = document.media_type or mimetypes.guess_type(document.filename)[0]
    response = FileResponse(
        handle,
        content_type=media_type or "application/octet-stream",
        as_attachment=media_type not in INLINE_TYPES,
        filename=document.filename,
    )
    response["Content-Length"] = str(document.size)
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=3600"
    return response
