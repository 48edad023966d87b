"""The meeting cockpit: start, attendance, verifiers, the list of items, adding an item."""

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from paragraf.accounts.permissions import Action
from paragraf.backoffice.decorators import requires
from paragraf.backoffice.forms.meeting import AddItemForm, AttendanceForm, VerifiersForm
from paragraf.backoffice.views.meeting.common import refused, saved, saved_at
from paragraf.meetings.models import Attendance, Meeting
from paragraf.meetings.services import recording
from paragraf.meetings.services.recording.attendance import memberships, serving_at_meeting
from paragraf.organisation.models import Membership
from paragraf.portal.views.errors import NotFound


def item_url(item):
    return reverse("backoffice:meeting_item", kwargs={"meeting": item.meeting_id, "item": item.pk})


def cockpit_url(meeting, anchor=""):
    url = reverse("backoffice:meeting_cockpit", kwargs={"meeting": meeting.pk})
    return f"{url}#{anchor}" if anchor else url


def _rows(meeting):
    roles = {m.person_id: m for m in memberships(meeting)}
    voting_people = [m.person for m in memberships(meeting).select_related("person") if m.is_voting]
    items = meeting.items.all()
    rows = []
    for attendance in Attendance.objects.filter(meeting=meeting).select_related("person"):
        membership = roles.get(attendance.person_id)
        rows.append(
            {
                "attendance": attendance,
                "role": membership.get_role_display() if membership else "",
                "form": AttendanceForm(attendance=attendance, members=voting_people, items=items),
            }
        )
    # The members with a vote first, chair first; then the substitutes.
    order = Membership.ROLE_ORDER

    def rank(row):
        membership = roles.get(row["attendance"].person_id)
        place = order.index(membership.role) if membership else len(order)
        return (place, row["attendance"].person.name)

    return sorted(rows, key=rank)


def _verifiers_form(meeting, data=None):
    initial = {
        "chair": meeting.chair_id,
        "verifiers": list(meeting.verifiers.all()),
        "place": meeting.verification_place,
        "time": meeting.verification_time,
    }
    return VerifiersForm(data, initial=initial, candidates=serving_at_meeting(meeting))


def _render(request, meeting, verifiers_form=None, status=200):
    context = {
        "meeting": meeting,
        "is_held": meeting.state == Meeting.State.HELD,
        "can_start": meeting.state == Meeting.State.NOTICE_PUBLISHED,
        "rows": _rows(meeting),
        "verifiers_form": verifiers_form or _verifiers_form(meeting),
        "items": meeting.items.all(),
    }
    return render(request, "backoffice/meeting/cockpit.html", context, status=status)


@requires(Action.RECORD_MEETING)
@require_safe
def cockpit(request, meeting):
    return _render(request, meeting)


@requires(Action.RECORD_MEETING)
@require_POST
def start(request, meeting):
    try:
        recording.start_meeting(meeting)
    except ValidationError as error:
        return refused(request, error, cockpit_url(meeting))
    return saved(request, cockpit_url(meeting))


@requires(Action.RECORD_MEETING)
@require_POST
def attendance(request, meeting, attendance):
    if attendance.meeting_id != meeting.pk:
        raise NotFound()
    voting_people = [m.person for m in memberships(meeting).select_related("person") if m.is_voting]
    form = AttendanceForm(
        request.POST, attendance=attendance, members=voting_people, items=meeting.items.all()
    )
    url = cockpit_url(meeting, f"attendance-row-{attendance.pk}")
    try:
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        data = form.cleaned_data
        recording.set_attendance(
            meeting,
            attendance.person,
            data["present"] == "ja",
            serving_for=data["serving_for"],
            serving_from=data["serving_from"],
        )
    except ValidationError as error:
        if request.htmx:
            message = f"{attendance.person.name}: {' '.join(error.messages)}"
            return HttpResponse(format_html('<span class="error">{}</span>', message))
        return refused(request, error, url)
    if request.htmx:
        return HttpResponse(format_html("{}", saved_at()))
    return saved(request, url)


@requires(Action.RECORD_MEETING)
@require_POST
def verifiers(request, meeting):
    form = _verifiers_form(meeting, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            recording.choose_verifiers(
                meeting, data["verifiers"], data["place"], data["time"], chair=data["chair"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return saved(request, cockpit_url(meeting, "verifiers"))
    return _render(request, meeting, verifiers_form=form, status=400)


@requires(Action.RECORD_MEETING)
@require_http_methods(["GET", "HEAD", "POST"])
def add_item(request, meeting):
    form = AddItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = recording.add_item_at_meeting(
                meeting, data["title"], data["proposed_decision"], is_public=data["is_public"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            url = reverse(
                "backoffice:meeting_item", kwargs={"meeting": meeting.pk, "item": item.pk}
            )
            return saved(request, url)
    status = 400 if form.is_bound else 200
    return render(
        request,
        "backoffice/meeting/add_item.html",
        {"meeting": meeting, "form": form},
        status=status,
    )
