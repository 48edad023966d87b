from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from paragraf.accounts.permissions import Action, can
from paragraf.portal import rows
from paragraf.portal.lookups import public_meeting, public_meeting_version
from paragraf.portal.views.errors import NotFound

PAGE_CACHE_SECONDS = 24 * 3600


def _page_cache_key(version):
    # `modified` moves whenever anything shown on the page changes (see meetings.signals).
    pk, modified = version
    return f"portal:meeting:{pk}:{modified}:{get_language()}"


@require_safe
def meeting(request, committee, meeting):
    key = None
    if not request.user.is_authenticated:
        version = public_meeting_version(committee, meeting)
        if version is not None:
            key = _page_cache_key(version)
            html = cache.get(key)
            if html is not None:
                return HttpResponse(html)
    meeting = public_meeting(committee, meeting)
    member = reads_non_public(request.user, meeting)
    item_rows = rows.rows_for(meeting, member=member) if meeting.is_published else []
    minutes = [row for row in item_rows if row.paragraph is not None]
    context = {
        "meeting": meeting,
        "committee": meeting.committee,
        "member": member,
        "agenda": [row for row in item_rows if not row.added],
        "minutes": minutes,
        "last_paragraph": minutes[-1].paragraph.number if minutes else None,
        "corrections": list(meeting.minutes_versions.filter(number__gt=1)) if minutes else [],
    }
    html = render_to_string("portal/meeting.html", context, request)
    if key is not None:
        cache.set(key, html, PAGE_CACHE_SECONDS)
    return HttpResponse(html)


def reads_non_public(user, meeting):
    """A logged-in member (or staff) of the committee reads its non-public items too."""
    return user.is_authenticated and can(user, Action.READ_NON_PUBLIC, meeting.committee)


def _row_or_404(request, meeting, **lookup):
    if not meeting.is_published:
        raise NotFound(_("The agenda of this meeting has not been published."))
    member = reads_non_public(request.user, meeting)
    item = rows.items_for(meeting, member).filter(**lookup).first()
    if item is None:
        raise NotFound(_("The meeting has no such item."))
    row = rows.item_row(meeting, item, meeting.has_verified_minutes, member)
    if row.added and row.paragraph is None:
        # Added at the meeting: not on the published agenda, shown with the minutes.
        raise NotFound(_("The meeting has no such item."))
    return row


@require_safe
def agenda_item(request, committee, meeting, position):
    meeting = public_meeting(committee, meeting)
    row = _row_or_404(request, meeting, position=position)
    return render(
        request,
        "portal/agenda_item.html",
        {"meeting": meeting, "committee": meeting.committee, "row": row},
    )


@require_safe
def paragraph(request, committee, meeting, number):
    meeting = public_meeting(committee, meeting)
    if not meeting.has_verified_minutes:
        raise NotFound(_("The minutes of this meeting have not been verified yet."))
    row = _row_or_404(
        request, meeting, paragraph__number=number, paragraph__deleted_at__isnull=True
    )
    return render(
        request,
        "portal/paragraph.html",
        {"meeting": meeting, "committee": meeting.committee, "row": row},
    )
