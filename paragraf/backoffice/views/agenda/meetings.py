"""A committee's meetings, and creating a new one."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from paragraf.accounts.permissions import Action, can
from paragraf.backoffice.decorators import requires
from paragraf.backoffice.forms.agenda import MeetingForm
from paragraf.meetings.models import Location, Meeting


@requires(Action.VIEW)
@require_safe
def meetings(request, committee):
    return render(
        request,
        "backoffice/agenda/meetings.html",
        {
            "committee": committee,
            "meetings": Meeting.objects.filter(committee=committee).select_related("location"),
            "may_manage": can(request.user, Action.MANAGE_AGENDA, committee),
            "form": MeetingForm(),
        },
    )


@requires(Action.MANAGE_AGENDA)
@require_http_methods(["GET", "POST"])
def new_meeting(request, committee):
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            location = data["location"]
            if location is None and data["new_location"]:
                location, _created = Location.objects.get_or_create(
                    description=data["new_location"].strip(),
                    room="",
                    street_address="",
                    locality="",
                )
            meeting = Meeting(
                committee=committee,
                start=data["start"],
                end=data["end"],
                location=location,
                name=data["name"],
                state=Meeting.State.PLANNED,
            )
            meeting.full_clean(exclude=["slug"])
            meeting.save()
        messages.success(request, _("The meeting has been created."))
        return redirect("backoffice:agenda_builder", meeting=meeting.pk)
    return render(
        request, "backoffice/agenda/meeting_new.html", {"committee": committee, "form": form}
    )
