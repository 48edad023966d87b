"""Motions, votes, reservations, notes and conflicts of interest, posted from the item page.

Each is POST/redirect/GET; the services return the existing object for an
identical resubmission, so a double-clicked button records one thing.
"""

from django.core.exceptions import ValidationError
from django.views.decorators.http import require_POST

from paragraf.accounts.permissions import Action
from paragraf.backoffice.decorators import requires
from paragraf.backoffice.views.meeting.common import item_of, present_people, saved
from paragraf.backoffice.views.meeting.item import item_url, part_forms, render_item
from paragraf.meetings.services import recording


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
