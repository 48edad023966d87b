from django.http import HttpResponse
from django.views.decorators.http import require_safe

from paragraf.accounts.permissions import Action
from paragraf.backoffice.decorators import requires
from paragraf.documents import archive, bundle, render
from paragraf.documents.models import Rendition

MEMBERS = Rendition.Audience.MEMBERS


@requires(Action.READ_NON_PUBLIC)
@require_safe
def members_bundle(request, meeting):
    """Kallelse med handlingar with the committee's non-public documents, for its members.

    Made on each request and never stored or cached anywhere outside the committee."""
    pdf = bundle.build_bundle(meeting, render.render_notice(meeting, MEMBERS), members=True)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"{meeting.committee.slug}-{meeting.slug}-kallelse-med-handlingar-ledamoter.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@requires(Action.READ_NON_PUBLIC)
@require_safe
def members_archive_bundle(request, meeting):
    """The archive copy (PDF/A-3a, attachments embedded) with the non-public documents."""
    response = HttpResponse(
        archive.archive_bundle(meeting, members=True), content_type="application/pdf"
    )
    name = f"{meeting.committee.slug}-{meeting.slug}-kallelse-med-handlingar-arkiv-ledamoter.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response
