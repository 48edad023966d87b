"""The open data page (/oppna-data/): what can be fetched, and how."""

import hashlib

from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.http import require_safe

from paragraf.feeds.calendars import window_start
from paragraf.meetings.models import Meeting, Paragraph
from paragraf.organisation.models import Committee


def export_years():
    """{committee id: [years, newest first]} with paragraphs of verified minutes."""
    verified = Meeting.objects.with_verified_minutes()
    pairs = (
        Paragraph.objects.filter(agenda_item__meeting__in=verified)
        .values_list("committee_id", "year")
        .distinct()
        .order_by("committee_id", "-year")
    )
    years = {}
    for committee_id, year in pairs:
        years.setdefault(committee_id, []).append(year)
    return years


@require_safe
def open_data(request):
    years = export_years()
    committees = [
        (committee, years.get(committee.pk, [])) for committee in Committee.objects.order_by("name")
    ]
    context = {
        "nav": "open_data",
        "site_url": request.build_absolute_uri("/").rstrip("/"),
        "committees": committees,
        "calendar_from": window_start().date(),
        "example": next(((c, y[0]) for c, y in committees if y), None),
    }
    response = render(request, "feeds/open_data.html", context)
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=300)
    return get_conditional_response(request, etag=etag, response=response)
