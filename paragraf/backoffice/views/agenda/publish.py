"""Preview the public meeting page, and publish the agenda with the notice."""

import copy

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from paragraf.accounts.permissions import Action
from paragraf.backoffice.decorators import requires
from paragraf.meetings.models import Meeting
from paragraf.meetings.services import agenda as service
from paragraf.portal import rows


@requires(Action.MANAGE_AGENDA)
@require_safe
def preview(request, meeting):
    """The public page as it will look once published, built by the portal's own
    rows (so non-public items show only their number) and template."""
    shown = copy.copy(meeting)
    if not shown.is_published:
        shown.state = Meeting.State.NOTICE_PUBLISHED
    show_minutes = shown.has_verified_minutes
    item_rows = [
        rows.item_row(shown, item, show_minutes)
        for item in rows.items_for(meeting)
        if item.deleted_at is None
    ]
    minutes = [row for row in item_rows if row.paragraph is not None]
    context = {
        "meeting": shown,
        "committee": meeting.committee,
        "agenda": [row for row in item_rows if not row.added],
        "minutes": minutes,
        "last_paragraph": minutes[-1].paragraph.number if minutes else None,
        "builder_meeting": meeting,
    }
    return render(request, "backoffice/agenda/preview.html", context)


@requires(Action.MANAGE_AGENDA)
@require_POST
def publish(request, meeting):
    try:
        report = service.publish_agenda(meeting, by=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return redirect("backoffice:agenda_builder", meeting=meeting.pk)
    # Counts without plural forms, so the sentence reads right for any number.
    messages.success(
        request,
        _("The agenda has been published. People who got the notice: %(n)d.") % {"n": report.sent},
    )
    if report.skipped:
        messages.warning(
            request,
            _("Members without an e-mail address, who did not get the notice: %(n)d.")
            % {"n": report.skipped},
        )
    return redirect("backoffice:agenda_builder", meeting=meeting.pk)
