"""The meeting's PDFs for the public: notice, notice with documents, minutes, extracts."""

from django.http import FileResponse, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from paragraf.documents import archive, render, services
from paragraf.documents.models import Rendition
from paragraf.portal.lookups import public_meeting
from paragraf.portal.views.errors import NotFound


def _headers(response, filename, etag):
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=300"
    return response


def _serve(rendition, filename):
    response = FileResponse(rendition.file.open("rb"), content_type="application/pdf")
    response["Content-Length"] = str(rendition.size)
    return _headers(response, filename, f'"{rendition.sha512[:64]}"')


def _published(committee, meeting):
    meeting = public_meeting(committee, meeting)
    if not meeting.is_published:
        raise NotFound(_("The agenda of this meeting has not been published."))
    return meeting


def _verified(committee, meeting):
    meeting = public_meeting(committee, meeting)
    if not meeting.has_verified_minutes:
        raise NotFound(_("The minutes of this meeting have not been verified yet."))
    return meeting


def _name(meeting, kind):
    return f"{meeting.committee.slug}-{meeting.slug}-{kind}.pdf"


@require_safe
def notice(request, committee, meeting):
    meeting = _published(committee, meeting)
    return _serve(services.public_notice(meeting), _name(meeting, "kallelse"))


@require_safe
def bundle(request, committee, meeting):
    meeting = _published(committee, meeting)
    return _serve(services.public_bundle(meeting), _name(meeting, "kallelse-med-handlingar"))


@require_safe
def archive_bundle(request, committee, meeting):
    """The archive copy of the notice with documents: PDF/A-3a, attachments embedded."""
    meeting = _published(committee, meeting)
    response = HttpResponse(archive.archive_bundle(meeting), content_type="application/pdf")
    etag = f'"archive-{meeting.pk}-{meeting.modified.timestamp()}"'
    return _headers(response, _name(meeting, "kallelse-med-handlingar-arkiv"), etag)


@require_safe
def minutes(request, committee, meeting):
    meeting = _verified(committee, meeting)
    rendition = services.public_minutes(meeting)
    return _serve(rendition, _name(meeting, f"protokoll-v{rendition.version}"))


@require_safe
def minutes_version(request, committee, meeting, version):
    """A sealed version of the minutes, also one replaced by a correction."""
    meeting = _verified(committee, meeting)
    rendition = (
        meeting.renditions.filter(
            kind=Rendition.Kind.MINUTES,
            audience=Rendition.Audience.PUBLIC,
            version=version,
            sealed_at__isnull=False,
        )
        .order_by("-pk")
        .first()
    )
    if rendition is None:
        raise NotFound(_("There is no such version of the minutes."))
    return _serve(rendition, _name(meeting, f"protokoll-v{version}"))


@require_safe
def extract(request, committee, meeting, number):
    meeting = _verified(committee, meeting)
    paragraph = (
        meeting.items.filter(paragraph__number=number, paragraph__deleted_at__isnull=True)
        .select_related("paragraph")
        .first()
    )
    if paragraph is None or not paragraph.is_public:
        raise NotFound(_("The meeting has no such item."))
    pdf = render.render_extract(paragraph.paragraph)
    response = HttpResponse(pdf, content_type="application/pdf")
    etag = f'"{meeting.pk}-{meeting.modified.timestamp()}"'
    return _headers(response, _name(meeting, f"utdrag-paragraf-{number}"), etag)
