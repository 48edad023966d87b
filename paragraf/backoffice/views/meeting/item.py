"""One item at the meeting: the decision text (autosaved), and what else is recorded on it."""

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST, require_safe

from paragraf.accounts.permissions import Action
from paragraf.backoffice.decorators import requires
from paragraf.backoffice.forms import meeting as meeting_forms
from paragraf.backoffice.views.meeting.common import (
    item_of,
    present_people,
    refused,
    saved,
    saved_at,
)
from paragraf.meetings.models import Meeting
from paragraf.meetings.services import recording


def item_url(item, anchor=""):
    url = reverse("backoffice:meeting_item", kwargs={"meeting": item.meeting_id, "item": item.pk})
    return f"{url}#{anchor}" if anchor else url


def decision_form(item, data=None):
    initial = {
        # Start from the proposal until something is saved (even an empty text).
        "decision": item.decision if (item.decision or item.outcome) else item.proposed_decision,
        "outcome": item.outcome,
        "version": item.version,
    }
    return meeting_forms.DecisionForm(data, initial=initial)


def part_forms(meeting, item, serving, present, data=None, bound=None):
    """Every form of the item page; the one named `bound` gets the posted data."""
    makers = {
        "motion": lambda d, a: meeting_forms.MotionForm(d, serving=serving, auto_id=a),
        "vote": lambda d, a: meeting_forms.VoteForm(d, serving=serving, auto_id=a),
        "reservation": lambda d, a: meeting_forms.ReservationForm(d, serving=serving, auto_id=a),
        "note": lambda d, a: meeting_forms.NoteForm(d, present=present, auto_id=a),
        "conflict": lambda d, a: meeting_forms.ConflictForm(
            d, serving=serving, present=present, auto_id=a
        ),
    }
    # Each form has its own ids, so that labels on the one page stay unique.
    return {
        f"{name}_form": make(data if name == bound else None, f"{name}-%s")
        for name, make in makers.items()
    }


def render_item(request, meeting, item, forms=None, status=200, conflict=None):
    serving = recording.serving_members(meeting, item)
    present = present_people(meeting)
    context = {
        "meeting": meeting,
        "item": item,
        "is_held": meeting.state == Meeting.State.HELD,
        "serving": serving,
        "decision_form": decision_form(item),
        "motions": item.motions.prefetch_related("movers"),
        "votes": item.votes.prefetch_related("ballots__person"),
        "reservations": item.reservations.select_related("person"),
        "notes": item.notes.select_related("person"),
        "conflicts": item.conflicts.select_related("person", "substitute"),
        "conflict": conflict,
        **part_forms(meeting, item, serving, present),
        **(forms or {}),
    }
    return render(request, "backoffice/meeting/item.html", context, status=status)


@requires(Action.RECORD_MEETING)
@require_safe
def item_page(request, meeting, item):
    return render_item(request, meeting, item_of(meeting, item))


@requires(Action.RECORD_MEETING)
@require_POST
def decision(request, meeting, item):
    """Save the decision and outcome. Autosaved by htmx as the secretary types;
    a stale version is a conflict, shown with both texts and nothing lost."""
    item = item_of(meeting, item)
    form = meeting_forms.DecisionForm(request.POST)
    fragment = "backoffice/meeting/_decision_status.html"
    try:
        if not form.is_valid():
            raise ValidationError(
                [e for errors in form.errors.values() for e in errors], code="invalid"
            )
        data = form.cleaned_data
        stored = recording.save_item_decision(
            item, data["decision"], data["outcome"], data["version"]
        )
    except recording.EditConflict as error:
        conflict = {
            "theirs": error.stored.decision,
            "theirs_outcome": error.stored.get_outcome_display(),
            "yours": request.POST.get("decision", ""),
            "yours_outcome": request.POST.get("outcome", ""),
            "version": error.stored.version,
            "item": item,
        }
        if request.htmx:
            response = render(request, "backoffice/meeting/_conflict.html", conflict)
            response["HX-Retarget"] = "#decision-conflict"
            response["HX-Reswap"] = "innerHTML"
            return response
        # The form keeps the user's text; with the stored version a second
        # click on Save deliberately replaces theirs, after both were shown.
        data = request.POST.copy()
        data["version"] = error.stored.version
        bound = meeting_forms.DecisionForm(data)
        bound.is_valid()
        return render_item(
            request, meeting, error.stored, {"decision_form": bound}, 409, conflict=conflict
        )
    except ValidationError as error:
        if request.htmx:
            return render(request, fragment, {"error": " ".join(error.messages)})
        form.add_error(None, error)
        return render_item(request, meeting, item, {"decision_form": form}, 400)
    if request.htmx:
        return render(request, fragment, {"status": saved_at(), "version": stored.version})
    return saved(request, item_url(item, "decision"))


@requires(Action.RECORD_MEETING)
@require_POST
def verify(request, meeting, item):
    item = item_of(meeting, item)
    try:
        recording.verify_immediately(item, by=request.user)
    except ValidationError as error:
        return refused(request, error, item_url(item))
    return saved(request, item_url(item))


@requires(Action.RECORD_MEETING)
@require_POST
def withdraw(request, meeting, item):
    item = item_of(meeting, item)
    try:
        recording.withdraw_item(item)
    except ValidationError as error:
        return refused(request, error, item_url(item))
    return saved(request, item_url(item))
