"""Serving a stored document's file: one place for the headers that keep it safe."""

import mimetypes

from django.http import FileResponse
from django.utils.translation import gettext as _

from paragraf.portal.views.errors import NotFound

# Types a browser may show in the page; anything else is offered as a download,
# so an uploaded HTML or SVG file can never run as part of this site.
INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg", "text/plain"}


def file_response(document, cache_control):
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
    response["ETag"] = etag_of(document)
    response["Cache-Control"] = cache_control
    return response


def etag_of(document):
    return f'"{document.sha512[:64]}"'
