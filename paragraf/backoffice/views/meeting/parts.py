"""Motions, votes, reservations, notes and conflicts of interest, posted from the item page.

Each is POST/redirect/GET; the services return the existing object for an
identical resubmission, so a double-clicked button records one thing.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from paragraf.accounts.permissions import Action
from paragraf.backoffice.decorators import requires
from paragraf.backoffice.views.meeting.common import item_of, present_people, refused, saved
from paragraf.backoffice.views.meeting.item import item_url, part_forms, render_item
from paragraf.meetings.services import recording
from paragraf.portal.views.errors import NotFound


def _record(request, meeting, item, name, action):
    item = item_of(meeting, item)
    serving = recording.serving_members(meeting, item)
    forms = part_forms(meeting, item, serving, present_people(meeting), request.POST, name)
    form = forms[f"{name}_form"]
    if form.is_valid():
        try:
            action(item, form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return saved(request, item_url(item, name))
    return render_item(request, meeting, item, {f"{name}_form": form}, 400)


@requires(Action.RECORD_MEETING)
@require_POST
def motion(request, meeting, item):
    def add(item, form):
        recording.add_motion(item, form.cleaned_data["movers"], form.cleaned_data["text"])

    return _record(request, meeting, item, "motion", add)


@requires(Action.RECORD_MEETING)
@require_POST
def vote(request, meeting, item):
    def add(item, form):
        data = form.cleaned_data
        recording.record_vote(
            item, data["question"], form.ballots(), data["yes_means"], data["no_means"]
        )

    return _record(request, meeting, item, "vote", add)


@requires(Action.RECORD_MEETING)
@require_POST
def reservation(request, meeting, item):
    def add(item, form):
        data = form.cleaned_data
        recording.add_reservation(item, data["person"], data["against"], data["grounds"])

    return _record(request, meeting, item, "reservation", add)


@requires(Action.RECORD_MEETING)
@require_POST
def note(request, meeting, item):
    def add(item, form):
        recording.add_note(item, form.cleaned_data["person"], form.cleaned_data["text"])

    return _record(request, meeting, item, "note", add)


@requires(Action.RECORD_MEETING)
@require_POST
def conflict(request, meeting, item):
    def add(item, form):
        data = form.cleaned_data
        recording.declare_conflict(item, data["person"], data["substitute"])

    return _record(request, meeting, item, "conflict", add)


def _remove(request, meeting, item, part, anchor):
    item = item_of(meeting, item)
    if part.item_id != item.pk:
        raise NotFound()
    try:
        recording.remove_part(part)
    except ValidationError as error:
        return refused(request, error, item_url(item, anchor))
    messages.success(request, _("Removed"))
    return redirect(item_url(item, anchor))


@requires(Action.RECORD_MEETING)
@require_POST
def remove_motion(request, meeting, item, motion):
    return _remove(request, meeting, item, motion, "motion")


@requires(Action.RECORD_MEETING)
@require_POST
def remove_vote(request, meeting, item, vote):
    return _remove(request, meeting, item, vote, "vote")


@requires(Action.RECORD_MEETING)
@require_POST
def remove_reservation(request, meeting, item, reservation):
    return _remove(request, meeting, item, reservation, "reservation")


@requires(Action.RECORD_MEETING)
@require_POST
def remove_note(request, meeting, item, note):
    return _remove(request, meeting, item, note, "note")


@requires(Action.RECORD_MEETING)
@require_POST
def remove_conflict(request, meeting, item, conflict):
    return _remove(request, meeting, item, conflict, "conflict")
