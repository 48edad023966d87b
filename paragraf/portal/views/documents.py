from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from paragraf.cases.files import etag_of, file_response
from paragraf.cases.models import Document
from paragraf.meetings.models import AgendaItem
from paragraf.portal.views.errors import NotFound


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
    etag = etag_of(document)
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
        response["ETag"] = etag
        return response
    return file_response(document, "public, max-age=3600")
