"""The public verification page: is this PDF an unaltered official document?"""

import io

from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

FIELD = "dokument"


class _CappedMemoryUpload(FileUploadHandler):
    """Keeps the upload in memory only (nothing is written to disk) and drops a
    file larger than the limit instead of keeping it."""

    too_large = False

    def __init__(self, request, limit):
        super().__init__(request)
        self.limit = limit

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.chunks, self.size = [], 0

    def receive_data_chunk(self, raw_data, start):
        self.size += len(raw_data)
        if self.size > self.limit:
            self.too_large, self.chunks = True, []
            raise SkipFile
        self.chunks.append(raw_data)
        return None

    def file_complete(self, file_size):
        data = io.BytesIO(b"".join(self.chunks))
        self.chunks = []
        return InMemoryUploadedFile(
            data, self.field_name, self.file_name, self.content_type, file_size, self.charset
        )


# The check is a read-only query, like a search: it changes nothing and stores
# nothing (the file stays in memory for this request only), so there is nothing for
# a cross-site request to forge. Exempting it from CSRF keeps the promise that the
# public website sets no cookies: a CSRF token would need one.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def verify(request):
    verdict = _check(request) if request.method == "POST" else None
    return render(request, "documents/verify.html", {"verdict": verdict, "field": FIELD})


def _check(request):
    # Imported here: pyhanko takes seconds to import, and every process that loads
    # the URLs would pay for it.
    from paragraf.documents import verify
    from paragraf.documents.verify import Verdict, verify_pdf

    too_large = Verdict(False, _("The file is too large to check (at most 50 MB)."))
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if declared.isdigit() and int(declared) > verify.MAX_UPLOAD_SIZE + 64 * 1024:
        return too_large
    handler = _CappedMemoryUpload(request, verify.MAX_UPLOAD_SIZE)
    request.upload_handlers = [handler]
    try:
        upload = request.FILES.get(FIELD)
    except MultiPartParserError:
        upload = None
    if upload is None:
        return too_large if handler.too_large else Verdict(False, _("Choose a PDF file to check."))
    return verify_pdf(upload.read())
